import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Japanese. Only Android's media placeholder is known (notes §2); no system line, marker or attachment word was found. */
export const japanese: WhatsAppLanguage = {
  code: 'ja',
  name: 'Japanese',
  system: [],
  omitted: [
    { kind: 'media', text: '<メディアなし>', source: 'CA (T)' },
    { kind: 'media', text: '<メディアは含まれていません>', source: 'CA (T)' },
  ],
  attached: [],
  deleted: [],
  edited: [],
  location: [],
};
