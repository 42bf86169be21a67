import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Turkish. Sources: keys of ../shared/notes/whatsapp-languages.md (KZ, CE commits 0add5e8/35677d5, FS analyzers). */
export const turkish: WhatsAppLanguage = {
  code: 'tr',
  name: 'Turkish',
  system: [
    { action: 'encryptionNotice', pattern: 'uçtan uca şifreli', example: 'Mesajlar ve aramalar uçtan uca şifrelidir.', source: 'FS (T)' },
    {
      action: 'chatCreate',
      pattern: 'grubu(?:nu)? oluşturdu',
      example: 'Ayşe "Aile" grubunu oluşturdu',
      source: 'FS "grubu oluşturdunuz" (T)',
    },
    {
      action: 'titleChanged',
      pattern: 'konuyu (?:.* )?değiştirdi',
      example: 'Ayşe konuyu "Tatil" olarak değiştirdi',
      source: 'FS, KZ (T)',
    },
    { action: 'membersAdded', pattern: ' ekledi$|gruba eklendi', example: 'Ayşe, Mehmet kişisini ekledi', source: 'FS, KZ (T)' },
    { action: 'memberLeft', pattern: 'gruptan ayrıldı| ayrıldı$', example: 'Mehmet gruptan ayrıldı', source: 'FS, KZ (T)' },
  ],
  omitted: [
    { kind: 'media', text: '<Medya dahil edilmedi>', source: 'FS (many analyzers), KZ, CA (T)' },
    { kind: 'media', text: '<Medya atlanmış>', source: 'CA (T)' },
    { kind: 'media', text: '<Medya çıkarıldı>', source: 'FS (T)' },
    { kind: 'photo', text: 'görüntü dahil edilmedi', source: 'FS, KZ (T)' },
    { kind: 'video', text: 'video dahil edilmedi', source: 'FS (T)' },
    { kind: 'voice', text: 'ses dahil edilmedi', source: 'FS (T)' },
    { kind: 'gif', text: 'GIF dahil edilmedi', source: 'FS (T)' },
    { kind: 'sticker', text: 'Çıkartma dahil edilmedi', source: 'FS (T)' },
    { kind: 'document', text: 'belge dahil edilmedi', source: 'FS (T)' },
  ],
  attached: [
    { form: 'android', text: 'dosya ekli', source: 'CE commit 35677d5 (T+)' },
    { form: 'after', text: 'eklendi', source: 'CE commit 35677d5: `<name eklendi>` (T+)' },
  ],
  deleted: [
    { text: 'Bu mesaj silindi', source: 'KZ, FS (T)' },
    { text: 'Bu mesajı sildiniz', source: 'KZ, FS (T)' },
  ],
  edited: [{ text: 'Bu mesaj düzenlendi', source: 'KZ, brackets unknown (?)' }],
  stamps: [
    { text: '14.02.2020 11:35 - ', source: 'FS Turkish script comment, Android (R?)' },
    { text: '[14.02.2020 11:35:00] ', source: 'CE commit 0add5e8, iPhone (T+)' },
  ],
  location: [{ text: 'Konum', source: 'FS (T)' }],
};
