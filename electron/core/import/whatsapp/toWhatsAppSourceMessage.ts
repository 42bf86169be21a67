import type { FileMedia, Media, MessageEntity } from '../../../../shared/domain.ts';
import type { ServiceActionKind } from '../../../../shared/serviceActions.ts';
import { sourceMessage, type SourceMessage } from '../../model/SourceMessage.ts';
import type { WhatsAppLine } from './readWhatsAppMessages.ts';

/** System lines, in English and German, by what they record. The first match names the action. */
const SYSTEM_ACTIONS: ReadonlyArray<[ServiceActionKind, RegExp]> = [
  ['encryptionNotice', /end-to-end encrypted|secured with end-to-end encryption|Ende-zu-Ende-verschlüsselt/i],
  ['chatCreate', /\bcreated (?:the |this )?group\b|hat die Gruppe .* erstellt|Du hast die Gruppe .* erstellt/i],
  ['titleChanged', /changed the (?:group name|subject)|Gruppennamen .*geändert|Betreff .*geändert/i],
  ['photoChanged', /changed this group's icon|changed the group (?:icon|photo)|Gruppenbild geändert/i],
  ['membersAdded', /\badded\b|hinzugefügt/i],
  ['membersRemoved', /\bremoved\b|entfernt/i],
  ['memberLeft', /\bleft$|hat die Gruppe verlassen|ist ausgetreten/i],
  ['memberJoined', /\bjoined using this group's invite link|\bjoined\b|ist .*beigetreten/i],
  ['securityCodeChanged', /security code (?:with .* )?changed|Sicherheitsnummer .*geändert/i],
  ['numberChanged', /changed (?:their|his|her) phone number|changed to \+|Telefonnummer .*geändert/i],
];

const DELETED =
  /^(?:This message was deleted|You deleted this message|Diese Nachricht wurde gelöscht\.?|Du hast diese Nachricht gelöscht\.?)$/;
const OMITTED: ReadonlyArray<[RegExp, string]> = [
  [/^<Media omitted>$|^<Medien (?:ausgelassen|weggelassen)>$/i, 'Media not included in the export'],
  [/^(?:image omitted|Bild weggelassen)$/i, 'Photo not included in the export'],
  [/^(?:video omitted|Video weggelassen)$/i, 'Video not included in the export'],
  [/^(?:audio omitted|Audio weggelassen)$/i, 'Voice message not included in the export'],
  [/^(?:sticker omitted|Sticker weggelassen)$/i, 'Sticker not included in the export'],
  [/^(?:GIF omitted|GIF weggelassen)$/i, 'GIF not included in the export'],
  [/^(?:document omitted|Dokument weggelassen)$/i, 'Document not included in the export'],
  [/^(?:Contact card omitted|Kontaktkarte weggelassen)$/i, 'Contact not included in the export'],
];
/** `<attached: 0001-PHOTO-2023.jpg>` (iOS), `IMG-2018.jpg (file attached)` (Android), and German forms. */
const ATTACHED = /^<(?:attached|Anhang): ([^>]+)>$|^(\S+\.\w{1,5}) \((?:file attached|Datei angehängt)\)$/i;
const LOCATION = /^(?:location|Standort): https:\/\/maps\.google\.com\/\?q=(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/i;

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  mp4: 'video/mp4',
  '3gp': 'video/3gpp',
  opus: 'audio/ogg',
  ogg: 'audio/ogg',
  m4a: 'audio/mp4',
  mp3: 'audio/mpeg',
  pdf: 'application/pdf',
  vcf: 'text/vcard',
  txt: 'text/plain',
};

/**
 * A message of a WhatsApp export as the engine stores it. WhatsApp writes no message ids, so the id is the
 * time plus the message's place among those with the same time: importing the same export, or a newer
 * one that overlaps it, yields the same ids for the same messages, and they are not stored twice.
 */
export function toWhatsAppSourceMessage(
  line: WhatsAppLine,
  indexAtSameTime: number,
  findMedia: (name: string) => { ref: string; size: number } | undefined = () => undefined,
): SourceMessage {
  const base = {
    id: `${line.date}.${indexAtSameTime}`,
    sortKey: indexAtSameTime,
    date: line.date,
    out: false,
    sender: line.author === null ? null : { key: `whatsapp:${line.author}`, name: line.author },
  };
  const text = line.text.replace(/\ufeff/g, '');
  // A system line has no author, or (iOS) the chat's name in the author's place and a mark before the text.
  const system = line.author === null || SYSTEM_ACTIONS[0]![1].test(text) || (line.marked && knownSystemAction(text) !== null);
  const action = system ? (knownSystemAction(text) ?? 'other') : null;
  if (action) return sourceMessage({ ...base, sender: null, text, service: { action } });
  if (DELETED.test(text)) return sourceMessage({ ...base, text: 'This message was deleted', service: { action: 'messageDeleted' } });
  const media = mediaOf(text, findMedia);
  if (media) return sourceMessage({ ...base, text: media.caption, media: media.media, entities: linksIn(media.caption) });
  return sourceMessage({ ...base, text, entities: linksIn(text) });
}

function knownSystemAction(text: string): ServiceActionKind | null {
  for (const [action, pattern] of SYSTEM_ACTIONS) if (pattern.test(text)) return action;
  return null;
}

/** Web addresses as WhatsApp shows them (it writes no formatting into exports): http(s)://… and www.… */
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;

/** Link entities for the addresses in a text, without the punctuation that ends a sentence after one. */
function linksIn(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:!?)\]'’]+$/, '');
    entities.push({ type: 'link', offset: match.index, length: url.length });
  }
  return entities;
}

/**
 * What an attachment is, from its name as WhatsApp writes them: `PTT-…opus` voice notes, `STK-…webp`
 * stickers, photos, videos, audio; anything else a file. Pictures' sizes are not in the text (0: unknown).
 */
function attachmentMedia(fileName: string, extension: string, mimeType: string | undefined, found: number | undefined): FileMedia {
  // Without the file (a .txt export) the size is unknown, not zero.
  const size = found;
  const typed = { ...(mimeType ? { mimeType } : {}), ...(found === undefined ? {} : { size: found }) };
  if (extension === 'opus' || /^PTT-/i.test(fileName)) return { kind: 'voice', durationS: 0, ...typed };
  if (extension === 'webp' && /^STK-/i.test(fileName)) return { kind: 'sticker', width: 512, height: 512, ...typed };
  if (['jpg', 'jpeg', 'png', 'webp', 'heic'].includes(extension)) return { kind: 'photo', width: 0, height: 0, ...typed };
  if (extension === 'gif') return { kind: 'gif', width: 0, height: 0, ...typed };
  if (['mp4', '3gp', 'mov'].includes(extension)) return { kind: 'video', width: 0, height: 0, durationS: 0, ...typed };
  if (['mp3', 'm4a', 'aac', 'ogg', 'wav'].includes(extension)) return { kind: 'audio', durationS: 0, ...typed };
  return { kind: 'file', fileName, ...typed, size: size ?? 0 };
}

function mediaOf(
  text: string,
  findMedia: (name: string) => { ref: string; size: number } | undefined,
): { media: Media; caption: string } | null {
  for (const [pattern, label] of OMITTED) if (pattern.test(text)) return { media: { kind: 'other', label }, caption: '' };
  const firstLine = text.split('\n', 1)[0]!.replace(/^[\u200e]+/, '');
  const attached = ATTACHED.exec(firstLine);
  if (attached) {
    const fileName = (attached[1] ?? attached[2])!.trim();
    const extension = fileName.split('.').pop()!.toLowerCase();
    const mimeType = MIME_BY_EXTENSION[extension];
    const caption = text.slice(text.indexOf(firstLine) + firstLine.length).replace(/^\n/, '');
    const found = findMedia(fileName);
    const media = attachmentMedia(fileName, extension, mimeType, found?.size);
    return { media: found ? ({ ...media, localFile: found.ref } as FileMedia) : media, caption };
  }
  const location = LOCATION.exec(text);
  if (location) return { media: { kind: 'location', latitude: Number(location[1]), longitude: Number(location[2]) }, caption: '' };
  return null;
}
