import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Malay. Only Android's media placeholder is known from the notes (§2), and an iPhone attachment word from one unverified parser; no system line or marker was found. */
export const malay: WhatsAppLanguage = {
  code: 'ms',
  name: 'Malay',
  system: [],
  omitted: [
    { kind: 'media', text: '<Media dikecualikan>', source: 'CA (T)' },
    { kind: 'media', text: '<Media disingkirkan>', source: 'CA (T)' },
  ],
  attached: [
    {
      form: 'iphone',
      text: 'dilampir',
      source:
        "FS: a WhatsApp parser's attachment list, said to come from WhatsApp's Localizable.strings (search index file 62003613889; not in the notes) (?)",
    },
  ],
  deleted: [],
  edited: [],
  location: [],
};
