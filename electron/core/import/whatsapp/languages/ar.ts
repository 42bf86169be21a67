import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Arabic. Only Android's media placeholder is known from the notes (§2), and an iPhone attachment word from one unverified parser; no system line or marker was found. */
export const arabic: WhatsAppLanguage = {
  code: 'ar',
  name: 'Arabic',
  system: [],
  omitted: [{ kind: 'media', text: '<تم استبعاد الوسائط>', source: 'CA (T)' }],
  attached: [
    {
      form: 'iphone',
      text: 'المُرفق',
      source:
        "FS: a WhatsApp parser's attachment list, said to come from WhatsApp's Localizable.strings (search index file 62003613889; not in the notes) (?)",
    },
  ],
  deleted: [],
  edited: [],
  location: [],
};
