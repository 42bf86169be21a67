import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Korean. Only Android's media placeholder is known (notes §2); no system line, marker or attachment word was found. */
export const korean: WhatsAppLanguage = {
  code: 'ko',
  name: 'Korean',
  system: [],
  omitted: [
    { kind: 'media', text: '<미디어 파일 제외됨>', source: 'CA (T)' },
    { kind: 'media', text: '<미디어 파일을 생략한 대화내용>', source: 'CA (T)' },
  ],
  attached: [],
  deleted: [],
  edited: [],
  stamps: [{ text: '[2024/01/02 오후 03:06] ', source: 'CL test (F)' }],
  location: [],
};
