import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Polish. Sources: keys of ../shared/notes/whatsapp-languages.md (an FS fixture and parser). */
export const polish: WhatsAppLanguage = {
  code: 'pl',
  name: 'Polish',
  system: [{ action: 'membersAdded', pattern: ' dodał(?:a)? ', example: 'Pani Ania dodała Mama Zosi', source: 'FS fixture (F)' }],
  omitted: [
    { kind: 'media', text: '<Pominięto multimedia>', source: 'FS fixture (F); CA (T)' },
    { kind: 'media', text: '<pliki pominięto>', source: 'CA (T)' },
  ],
  attached: [
    { form: 'android', text: 'plik załączony', source: 'FS, sources disagree (?)' },
    { form: 'android', text: 'załączony plik', source: 'FS, sources disagree (?)' },
    { form: 'iphone', text: 'załączony', source: 'FS (?)' },
  ],
  deleted: [
    { text: 'Ta wiadomość została usunięta', source: 'FS fixture and parser (F)' },
    { text: 'Usunięto tę wiadomość', source: 'FS parser (T)' },
  ],
  edited: [{ text: 'Ta wiadomość została zmieniona', source: 'FS fixture (F)' }],
  stamps: [{ text: '07.10.2026, 18:02 - ', source: 'FS fixture, Android (F)' }],
  location: [],
};
