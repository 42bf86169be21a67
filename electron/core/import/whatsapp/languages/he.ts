import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Hebrew. Only Android's media placeholder is known from the notes (§2), and an iPhone attachment word from one unverified parser; no system line or marker was found. */
export const hebrew: WhatsAppLanguage = {
  code: 'he',
  name: 'Hebrew',
  system: [],
  omitted: [
    { kind: 'media', text: '<המדיה לא נכללה>', source: 'CA (T)' },
    { kind: 'media', text: '<מדיה הושמטה>', source: 'CA (T)' },
  ],
  attached: [
    {
      form: 'iphone',
      text: 'מצורף',
      source:
        "FS: a WhatsApp parser's attachment list, said to come from WhatsApp's Localizable.strings (search index file 62003613889; not in the notes) (?)",
    },
  ],
  deleted: [],
  edited: [],
  location: [],
};
