import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Indonesian. Sources: keys of ../shared/notes/whatsapp-languages.md (PD = PetengDedet/WhatsApp-Analyzer). */
export const indonesian: WhatsAppLanguage = {
  code: 'id',
  name: 'Indonesian',
  system: [
    {
      action: 'joinedByLink',
      pattern: 'bergabung menggunakan tautan undangan',
      example: 'Budi telah bergabung menggunakan tautan undangan grup ini',
      source: 'PD (T)',
    },
    {
      action: 'numberChanged',
      pattern: 'mengganti nomor teleponnya',
      example: 'Budi telah mengganti nomor teleponnya ke nomor baru. Ketuk untuk mengirim pesan atau menambahkan nomor baru.',
      source: 'PD (T)',
    },
    { action: 'membersAdded', pattern: ' menambahkan ', example: 'Sari menambahkan Budi', source: 'PD (T)' },
    { action: 'memberLeft', pattern: ' keluar$', example: 'Budi keluar', source: 'PD (T)' },
  ],
  omitted: [{ kind: 'media', text: '<Media tidak disertakan>', source: 'PD, CA (T)' }],
  attached: [{ form: 'android', text: 'file terlampir', source: 'PD (T)' }],
  deleted: [{ text: 'Pesan ini telah dihapus', source: 'PD (T)' }],
  edited: [],
  stamps: [
    { text: '30/08/25 18.00 - ', source: 'CE commit ccff692, Android (T+)' },
    { text: '[06/07/17 13.23.30] ', source: 'PD README, iPhone (F)' },
  ],
  location: [],
};
