import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Italian. Sources: keys of ../shared/notes/whatsapp-languages.md (FS = several Italian analyzers). */
export const italian: WhatsAppLanguage = {
  code: 'it',
  name: 'Italian',
  system: [
    {
      action: 'encryptionNotice',
      pattern: 'crittografia end-to-end',
      example: 'I messaggi sono protetti con la crittografia end-to-end.',
      source: 'FS fragments (?)',
    },
    {
      action: 'chatCreate',
      pattern: 'ha creato il gruppo|hai creato il gruppo',
      example: 'Marco ha creato il gruppo "Calcetto"',
      source: 'FS (T)',
    },
    { action: 'membersAdded', pattern: 'ha aggiunto|hai aggiunto|ti ha aggiunto', example: 'Marco ha aggiunto Luca', source: 'FS (T)' },
    { action: 'membersRemoved', pattern: 'ha rimosso|hai rimosso', example: 'Marco ha rimosso Luca', source: 'FS (T)' },
    { action: 'memberLeft', pattern: 'è uscito|ha lasciato il gruppo', example: 'Luca è uscito', source: 'FS (T)' },
    {
      action: 'other',
      detail: { sourceName: 'settingsChanged' },
      pattern: 'impostazioni del gruppo',
      example: 'Marco ha modificato le impostazioni del gruppo',
      source: 'FS (T)',
    },
    {
      action: 'other',
      detail: { sourceName: 'groupChanged' },
      pattern: 'ha cambiato|ha modificato',
      example: 'Marco ha cambiato l’immagine del gruppo',
      source: 'FS fragments "ha cambiato", "ha modificato" (T)',
    },
    { action: 'messagesTtlChanged', pattern: 'messaggi effimeri', example: 'Marco ha attivato i messaggi effimeri.', source: 'FS (T)' },
  ],
  omitted: [
    { kind: 'media', text: '<Media omessi>', source: 'PD, CA (T)' },
    { kind: 'media', text: '<Media omesso>', source: 'CA (T)' },
    { kind: 'photo', text: 'immagine omessa', source: 'FS, I13 (T)' },
    { kind: 'video', text: 'video omesso', source: 'FS, I13 (T)' },
    { kind: 'voice', text: 'audio omesso', source: 'FS, I13 (T)' },
    { kind: 'gif', text: 'GIF omessa', source: 'FS, I13 (T)' },
    { kind: 'sticker', text: 'sticker omesso', source: 'FS, I13 (T)' },
    { kind: 'document', text: 'documento omesso', source: 'FS, I13 (T)' },
  ],
  attached: [
    { form: 'android', text: 'file allegato', source: 'CE (T)' },
    { form: 'iphone', text: 'allegato', source: 'CE (T)' },
  ],
  deleted: [
    { text: 'Questo messaggio è stato eliminato', source: 'FS (T)' },
    { text: 'Hai eliminato questo messaggio', source: 'FS (T)' },
  ],
  edited: [{ text: 'Questo messaggio è stato modificato', source: 'FS table (T)' }],
  location: [],
  fileNames: [{ text: 'Chat WhatsApp con {name}', source: 'CA (T)' }],
};
