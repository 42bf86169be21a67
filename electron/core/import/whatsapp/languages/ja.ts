import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Japanese. Only Android's media placeholder is known from the notes (§2), and an iPhone attachment word from one unverified parser; no system line or marker was found. */
export const japanese: WhatsAppLanguage = {
  code: 'ja',
  name: 'Japanese',
  system: [],
  omitted: [
    { kind: 'media', text: '<メディアなし>', source: 'CA (T)' },
    { kind: 'media', text: '<メディアは含まれていません>', source: 'CA (T)' },
  ],
  attached: [
    {
      form: 'iphone',
      text: '添付ファイル',
      source:
        "FS: a WhatsApp parser's attachment list, said to come from WhatsApp's Localizable.strings (search index file 62003613889; not in the notes) (?)",
    },
    {
      form: 'android',
      text: 'ファイル添付',
      source:
        "FS: a WhatsApp parser's attachment list, said to come from WhatsApp's Localizable.strings (search index file 62003613889; not in the notes) (?)",
    },
  ],
  deleted: [],
  edited: [],
  location: [],
};
