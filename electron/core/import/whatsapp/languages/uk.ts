import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Ukrainian. Only Android's media placeholder is known (notes §2); no system line, marker or attachment word was found. */
export const ukrainian: WhatsAppLanguage = {
  code: 'uk',
  name: 'Ukrainian',
  system: [],
  omitted: [{ kind: 'media', text: '<медіа пропущено>', source: 'CA (T)' }],
  attached: [],
  deleted: [],
  edited: [],
  location: [],
};
