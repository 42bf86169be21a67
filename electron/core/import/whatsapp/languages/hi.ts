import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Hindi. Only Android's media placeholder is known (notes §2); no system line, marker or attachment word was found. */
export const hindi: WhatsAppLanguage = {
  code: 'hi',
  name: 'Hindi',
  system: [],
  omitted: [{ kind: 'media', text: '<मीडिया के बिना>', source: 'CA (T)' }],
  attached: [],
  deleted: [],
  edited: [],
  location: [],
};
