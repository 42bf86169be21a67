import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Persian. Only Android's media placeholder is known from the notes (§2), and an iPhone attachment word from one unverified parser; no system line or marker was found. */
export const persian: WhatsAppLanguage = {
  code: 'fa',
  name: 'Persian',
  system: [],
  omitted: [
    { kind: 'media', text: '<رسانه حذف شد>', source: 'CA (T)' },
    { kind: 'media', text: '< پيوست نما/آهنگ حذف شد >', source: 'CA (T)' },
  ],
  attached: [
    {
      form: 'iphone',
      text: 'پیوست',
      source:
        "FS: a WhatsApp parser's attachment list, said to come from WhatsApp's Localizable.strings (search index file 62003613889; not in the notes) (?)",
    },
  ],
  deleted: [],
  edited: [],
  location: [],
};
