import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Persian. Only Android's media placeholder is known (notes §2); no system line, marker or attachment word was found. */
export const persian: WhatsAppLanguage = {
  code: 'fa',
  name: 'Persian',
  system: [],
  omitted: [
    { kind: 'media', text: '<رسانه حذف شد>', source: 'CA (T)' },
    { kind: 'media', text: '< پيوست نما/آهنگ حذف شد >', source: 'CA (T)' },
  ],
  attached: [],
  deleted: [],
  edited: [],
  location: [],
};
