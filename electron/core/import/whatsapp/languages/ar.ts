import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Arabic. Only Android's media placeholder is known (notes §2); no system line, marker or attachment word was found. */
export const arabic: WhatsAppLanguage = {
  code: 'ar',
  name: 'Arabic',
  system: [],
  omitted: [{ kind: 'media', text: '<تم استبعاد الوسائط>', source: 'CA (T)' }],
  attached: [],
  deleted: [],
  edited: [],
  location: [],
};
