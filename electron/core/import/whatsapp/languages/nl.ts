import type { WhatsAppLanguage } from './WhatsAppLanguage.ts';

/** Dutch. Sources: keys of ../shared/notes/whatsapp-languages.md; "issue 30" = lines quoted from a real iPhone export there. */
export const dutch: WhatsAppLanguage = {
  code: 'nl',
  name: 'Dutch',
  system: [
    {
      action: 'encryptionNotice',
      pattern: 'end-to-end versleuteld',
      example: 'Berichten en gesprekken zijn end-to-end versleuteld. Tik voor meer informatie.',
      source:
        'FS: "Berichten en oproepen zijn end-to-end versleuteld" in a WhatsApp parser\'s system list (search index file 62003613889; not in the notes) (T)',
    },
    {
      action: 'chatCreate',
      pattern: '(?:heeft|hebt) (?:de )?groep(?: .*)? (?:aan)?gemaakt',
      example: 'Papa heeft de groep "Familie" gemaakt',
      source: 'issue 30 (R)',
    },
    {
      action: 'titleChanged',
      pattern: 'onderwerp .*gewijzigd|heeft het onderwerp gewijzigd',
      example: 'Papa heeft het onderwerp gewijzigd naar "Thuis"',
      source: 'FS (T)',
    },
    { action: 'membersAdded', pattern: '(?:heeft|hebt) .+ toegevoegd', example: 'Papa heeft Mam toegevoegd', source: 'issue 30 (R)' },
  ],
  omitted: [
    { kind: 'media', text: '<Media weggelaten>', source: 'FS project doc (R)' },
    { kind: 'photo', text: 'afbeelding weggelaten', source: 'FS Go parser (T); issue 30 (R)' },
    { kind: 'video', text: 'video weggelaten', source: 'FS Go parser (T)' },
    { kind: 'voice', text: 'audio weggelaten', source: 'FS Go parser (T)' },
    { kind: 'sticker', text: 'sticker weggelaten', source: 'FS Go parser (T)' },
    { kind: 'gif', text: 'gif weggelaten', source: 'FS Go parser (T)' },
    { kind: 'document', text: 'document weggelaten', source: 'FS Go parser (T)' },
  ],
  attached: [
    { form: 'android', text: 'bestand bijgevoegd', source: 'CE, FS Dutch parser (T)' },
    { form: 'iphone', text: 'bijgevoegd', source: 'CE, "untested" (T)' },
  ],
  deleted: [
    { text: 'Dit bericht is verwijderd', source: 'FS Dutch parser (T); issue 30 (R)' },
    { text: 'Je hebt dit bericht verwijderd', source: 'FS Dutch parser (T)' },
  ],
  edited: [{ text: 'Dit bericht is bewerkt', source: 'FS table (T); issue 30 (R)' }],
  stamps: [
    { text: '27-08-2020 11:17 - ', source: 'FS project doc, Android (R)' },
    { text: '[27-08-2020 11:17:05] ', source: 'FS Dutch parser regex, iPhone (T)' },
  ],
  location: [],
};
