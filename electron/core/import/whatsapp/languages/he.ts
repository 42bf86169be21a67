import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Hebrew. Only Android's media placeholder is known (notes §2); no system line, marker or attachment word was found. */
export const hebrew: WhatsAppLanguage = {
  code: 'he',
  name: 'Hebrew',
  system: [],
  omitted: [
    { kind: 'media', text: '<המדיה לא נכללה>', source: 'CA (T)' },
    { kind: 'media', text: '<מדיה הושמטה>', source: 'CA (T)' },
  ],
  attached: [],
  deleted: [],
  edited: [],
  location: [],
};
