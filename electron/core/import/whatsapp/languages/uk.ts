import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Ukrainian. Only Android's media placeholder is known from the notes (§2), and an iPhone attachment word from one unverified parser; no system line or marker was found. */
export const ukrainian: WhatsAppLanguage = {
  code: 'uk',
  name: 'Ukrainian',
  system: [],
  omitted: [{ kind: 'media', text: '<медіа пропущено>', source: 'CA (T)' }],
  attached: [
    {
      form: 'iphone',
      text: 'додано',
      source:
        "FS: a WhatsApp parser's attachment list, said to come from WhatsApp's Localizable.strings (search index file 62003613889; not in the notes) (?)",
    },
  ],
  deleted: [],
  edited: [],
  location: [],
};
