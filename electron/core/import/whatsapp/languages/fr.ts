import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** French. No system line was found in any source (notes §7), so only media, attachments and markers. */
export const french: WhatsAppLanguage = {
  code: 'fr',
  name: 'French',
  system: [],
  omitted: [
    { kind: 'media', text: '<Médias omis>', source: 'CA, FS (T)' },
    { kind: 'media', text: '<Fichier omis>', source: 'CA (T)' },
  ],
  attached: [
    { form: 'android', text: 'fichier joint', source: 'CE (T)' },
    { form: 'iphone', text: 'joint', source: 'CE (T)' },
  ],
  deleted: [
    { text: 'Ce message a été supprimé', source: 'FS table (T)' },
    { text: 'Vous avez supprimé ce message', source: 'FS table (T)' },
  ],
  edited: [{ text: 'Ce message a été modifié', source: 'FS table (T)' }],
  location: [],
  fileNames: [{ text: 'Discussion WhatsApp avec {name}', source: 'CA (T)' }],
};
