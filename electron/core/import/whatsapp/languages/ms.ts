import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Malay. Only Android's media placeholder is known (notes §2); no system line, marker or attachment word was found. */
export const malay: WhatsAppLanguage = {
  code: 'ms',
  name: 'Malay',
  system: [],
  omitted: [
    { kind: 'media', text: '<Media dikecualikan>', source: 'CA (T)' },
    { kind: 'media', text: '<Media disingkirkan>', source: 'CA (T)' },
  ],
  attached: [],
  deleted: [],
  edited: [],
  location: [],
};
