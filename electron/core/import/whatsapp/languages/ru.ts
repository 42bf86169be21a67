import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Russian. Sources: keys of ../shared/notes/whatsapp-languages.md (fragments from FS parsers; CE commit 99a1794). */
export const russian: WhatsAppLanguage = {
  code: 'ru',
  name: 'Russian',
  system: [
    {
      action: 'encryptionNotice',
      pattern: 'защищены сквозным шифрованием',
      example: 'Сообщения и звонки защищены сквозным шифрованием.',
      source: 'FS (T)',
    },
    { action: 'chatCreate', pattern: 'создал(?:\\(-а\\)|а)? группу', example: 'Иван создал(-а) группу «Дача»', source: 'FS (T)' },
    { action: 'membersAdded', pattern: 'добавил(?:\\(-а\\)|а)? ', example: 'Иван добавил(-а) Олю', source: 'FS (T)' },
    {
      action: 'memberJoined',
      pattern: 'присоединил(?:ся|ась|\\(-ась\\)|\\(ся\\))',
      example: 'Оля присоединился(-ась)',
      source: 'FS fragment "присоединился" (T)',
    },
    { action: 'pinMessage', pattern: 'закрепил(?:\\(-а\\)|а)? ', example: 'Иван закрепил(-а) сообщение', source: 'FS (T)' },
    {
      action: 'other',
      detail: { sourceName: 'settingsChanged' },
      pattern: 'настройки группы',
      example: 'Иван изменил(-а) настройки группы',
      source: 'FS (T)',
    },
    {
      action: 'other',
      detail: { sourceName: 'groupChanged' },
      pattern: 'изменил(?:\\(-а\\)|а)? ',
      example: 'Иван изменил(-а) описание группы',
      source: 'FS fragment "изменил(-а)" (T)',
    },
    { action: 'other', detail: { sourceName: 'adminChanged' }, pattern: 'теперь вы админ', example: 'Теперь вы админ', source: 'FS (T)' },
    { action: 'messagesTtlChanged', pattern: 'исчезающие сообщения', example: 'Иван включил(-а) исчезающие сообщения.', source: 'FS (T)' },
  ],
  omitted: [
    { kind: 'media', text: '<Без медиафайлов>', source: 'CA, FS (T)' },
    { kind: 'media', text: '<Файл пропущен>', source: 'CA (T)' },
    { kind: 'photo', text: 'изображение отсутствует', source: 'FS (T)' },
    { kind: 'voice', text: 'аудиофайл отсутствует', source: 'FS (T)' },
    { kind: 'video', text: 'видео отсутствует', source: 'FS (T)' },
    { kind: 'videoNote', text: 'видеозаметка опущена', source: 'FS (T)' },
  ],
  attached: [
    { form: 'android', text: 'файл добавлен', source: 'CE commit 99a1794; I7 (T+)' },
    { form: 'iphone', text: 'добавлен', source: 'CE commit 99a1794 (T+)' },
  ],
  deleted: [{ text: 'Данное сообщение удалено', source: 'FS (T)' }],
  edited: [{ text: 'сообщение изменено', source: 'FS lower-cased list (?)' }],
  stamps: [{ text: '[14.02.2020, 11:35:00] ', source: 'FS regex, iPhone (T)' }],
  location: [],
  fileNames: [{ text: 'Чат WhatsApp с {name}', source: 'CA (T)' }],
};
