import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Hindi. Only Android's media placeholder is known from the notes (§2), and an iPhone attachment word from one unverified parser; no system line or marker was found. */
export const hindi: WhatsAppLanguage = {
  code: 'hi',
  name: 'Hindi',
  system: [],
  omitted: [{ kind: 'media', text: '<मीडिया के बिना>', source: 'CA (T)' }],
  attached: [
    {
      form: 'iphone',
      text: 'अटैच किया गया',
      source:
        "FS: a WhatsApp parser's attachment list, said to come from WhatsApp's Localizable.strings (search index file 62003613889; not in the notes) (?)",
    },
  ],
  deleted: [],
  edited: [],
  location: [],
};
