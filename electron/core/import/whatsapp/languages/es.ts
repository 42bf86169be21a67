import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Spanish. Sources: keys of ../shared/notes/whatsapp-languages.md ("FS Argentine doc" was checked against a real export). */
export const spanish: WhatsAppLanguage = {
  code: 'es',
  name: 'Spanish',
  system: [
    {
      action: 'encryptionNotice',
      pattern: 'cifrados de extremo a extremo',
      example:
        'Los mensajes y las llamadas están cifrados de extremo a extremo. Nadie fuera de este chat, ni siquiera WhatsApp, puede leerlos ni escucharlos.',
      source: 'CA (T)',
    },
    {
      action: 'chatCreate',
      pattern: '(?:creó|creaste) el grupo',
      example: 'Diego creó el grupo "Grupo Viaje".',
      source: 'FS Argentine doc (R); issue 30 (R)',
    },
    {
      action: 'joinedByLink',
      pattern: '(?:se unió|te uniste) (?:usando|mediante) el enlace',
      example: 'Te uniste mediante el enlace de invitación de este grupo.',
      source: 'FS Argentine doc (R); issue 30 (R)',
    },
    {
      action: 'membersAdded',
      pattern: '(?:añadió|agregó|añadiste|agregaste) a ',
      example: 'Diego añadió a Ana',
      source: 'FS parser fragment "añadió a" (T)',
    },
    {
      action: 'titleChanged',
      pattern: 'cambió el asunto',
      example: 'Diego cambió el asunto de "A" a "B"',
      source: 'FS parser fragment (T)',
    },
    { action: 'phoneCall', detail: { missed: true }, pattern: 'llamada perdida', example: 'Llamada perdida', source: 'DW keywords (T)' },
  ],
  omitted: [
    { kind: 'media', text: '<Multimedia omitido>', source: 'FS Argentine Android export (R)' },
    { kind: 'media', text: '<Archivo omitido>', source: 'CA (T)' },
    { kind: 'photo', text: 'imagen omitida', source: 'CA, PD (T)' },
    { kind: 'video', text: 'video omitido', source: 'CA, PD (T)' },
    { kind: 'voice', text: 'audio omitido', source: 'CA, PD (T)' },
    { kind: 'sticker', text: 'sticker omitido', source: 'CA, PD (T)' },
    { kind: 'gif', text: 'GIF omitido', source: 'CA, PD (T)' },
    { kind: 'document', text: 'documento omitido', source: 'CA, PD (T)' },
  ],
  attached: [
    { form: 'android', text: 'archivo adjunto', source: 'CE (T)' },
    { form: 'iphone', text: 'adjunto', source: 'CE, FS (T)' },
  ],
  deleted: [
    { text: 'Se eliminó este mensaje', source: 'FS Argentine export doc (R)' },
    { text: 'Este mensaje fue eliminado', source: 'FS R script, older (T)' },
    { text: 'Eliminaste este mensaje', source: 'FS R script (T)' },
  ],
  edited: [{ text: 'Se editó este mensaje', source: 'FS Argentine export doc (R)' }],
  stamps: [
    { text: '20/6/2017 8:28 p.\u00a0m. - ', source: 'I2, Android es-CO (R)' },
    { text: '1/4/2026, 12:19 - ', source: 'FS Argentine doc, Android (R)' },
    { text: '[3/6/18 1:55:00 p. m.] ', source: 'PU test format7, iPhone (F)' },
  ],
  location: [{ text: 'Ubicación', source: 'FS parser (T)' }],
  fileNames: [{ text: 'Chat de WhatsApp con {name}', source: 'CA (T)' }],
};
