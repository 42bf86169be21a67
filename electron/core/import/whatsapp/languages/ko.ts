import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Korean. Only Android's media placeholder is known from the notes (§2), and an iPhone attachment word from one unverified parser; no system line or marker was found. */
export const korean: WhatsAppLanguage = {
  code: 'ko',
  name: 'Korean',
  system: [],
  omitted: [
    { kind: 'media', text: '<미디어 파일 제외됨>', source: 'CA (T)' },
    { kind: 'media', text: '<미디어 파일을 생략한 대화내용>', source: 'CA (T)' },
  ],
  attached: [
    {
      form: 'iphone',
      text: '첨부됨',
      source:
        "FS: a WhatsApp parser's attachment list, said to come from WhatsApp's Localizable.strings (search index file 62003613889; not in the notes) (?)",
    },
  ],
  deleted: [],
  edited: [],
  stamps: [{ text: '[2024/01/02 오후 03:06] ', source: 'CL test (F)' }],
  location: [],
};
