import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Portuguese, Brazil and Portugal in one table (their words do not collide). Sources: keys of ../shared/notes/whatsapp-languages.md. */
export const portuguese: WhatsAppLanguage = {
  code: 'pt',
  name: 'Portuguese',
  system: [
    {
      action: 'encryptionNotice',
      pattern: 'criptografia de ponta a ponta|somente as pessoas que fazem parte',
      example: 'Mensagens e chamadas são protegidas com a criptografia de ponta a ponta.',
      source: 'FS fragments, both wordings (?)',
    },
    { action: 'chatCreate', pattern: 'criou (?:o|este) grupo', example: 'Ana criou o grupo "Família"', source: 'FS (T)' },
    {
      action: 'titleChanged',
      pattern: '(?:mudou|alterou) o (?:assunto|nome do grupo)',
      example: 'Ana mudou o assunto de "A" para "B"',
      source: 'FS (T)',
    },
    { action: 'photoChanged', pattern: '(?:mudou|alterou) o ícone', example: 'Ana mudou o ícone deste grupo', source: 'FS (T)' },
    {
      action: 'other',
      detail: { sourceName: 'descriptionChanged' },
      pattern: '(?:mudou|alterou) a descrição',
      example: 'Ana mudou a descrição do grupo',
      source: 'FS (T)',
    },
    { action: 'membersAdded', pattern: ' adicionou ', example: 'Ana adicionou Bruno', source: 'FS (T)' },
    { action: 'membersRemoved', pattern: ' removeu ', example: 'Ana removeu Bruno', source: 'FS (T)' },
    { action: 'memberLeft', pattern: ' saiu$| saiu do grupo', example: 'Bruno saiu', source: 'FS (T)' },
  ],
  omitted: [
    { kind: 'media', text: '<Mídia oculta>', source: 'FS fixture (F)' },
    { kind: 'media', text: '<Mídia omitida>', source: 'CA (T)' },
    { kind: 'media', text: '<ficheiro não revelado>', source: 'CA, Portugal (T)' },
    { kind: 'media', text: '<arquivo de mídia oculto>', source: 'FS (?)' },
  ],
  attached: [
    { form: 'android', text: 'arquivo anexado', source: 'CE (T); FS fixture (F)' },
    { form: 'android', text: 'ficheiro anexado', source: 'CE, Portugal (T)' },
    { form: 'iphone', text: 'anexado', source: 'CE (T)' },
  ],
  deleted: [
    { text: 'Esta mensagem foi apagada', source: 'FS tables (T)' },
    { text: 'Mensagem apagada', source: 'FS (T)' },
    { text: 'Você apagou esta mensagem', source: 'FS tables (T)' },
    { text: 'Esta mensagem foi eliminada', source: 'FS table, Portugal (T)' },
    { text: 'Eliminou esta mensagem', source: 'FS table, Portugal (T)' },
  ],
  edited: [
    { text: 'Mensagem editada', source: 'FS table (?)' },
    { text: 'Esta mensagem foi editada', source: 'FS table (?)' },
  ],
  stamps: [{ text: '19/09/2026 21:23 - ', source: 'FS fixture, Android pt-BR (F)' }],
  location: [],
  fileNames: [
    { text: 'Conversa no WhatsApp com {name}', source: 'CA (T)' },
    { text: 'Conversa do WhatsApp com {name}', source: 'CA (T)' },
  ],
};
