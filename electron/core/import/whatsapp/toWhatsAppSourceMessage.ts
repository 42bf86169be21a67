import type { FileMedia, Media, MessageEntity } from '../../../../shared/domain.ts';
import { sourceMessage, type SourceMessage } from '../../model/SourceMessage.ts';
import type { WhatsAppLine } from './readWhatsAppMessages.ts';
import {
  TEXT_HAS_BYTE_ORDER_MARK,
  TEXT_HAS_LINK,
  TEXT_HAS_NEWLINE,
  textTraits,
  WhatsAppPhrases,
  type OmittedMedia,
} from './WhatsAppPhrases.ts';

/** What an omitted placeholder stands for, when the export names no file: a kind, with sizes unknown (0). */
function omittedMediaOf(omitted: OmittedMedia): Media {
  switch (omitted.kind) {
    case 'photo':
      return { kind: 'photo', width: 0, height: 0 };
    case 'video':
      return { kind: 'video', width: 0, height: 0, durationS: 0 };
    case 'videoNote':
      return { kind: 'video', width: 0, height: 0, durationS: 0, round: true };
    case 'voice':
      return { kind: 'voice', durationS: 0 };
    case 'sticker':
      return { kind: 'sticker', width: 0, height: 0 };
    case 'gif':
      return { kind: 'gif', width: 0, height: 0 };
    case 'document':
      return { kind: 'file', fileName: omitted.fileName ?? '', size: 0 };
    case 'contact':
      return { kind: 'other', label: 'Contact not included in the export' };
    case 'media':
      return { kind: 'other', label: 'Media not included in the export' };
    case 'liveLocation':
      return { kind: 'other', label: 'Live location shared (not included in the export)' };
  }
}

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

const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/**
 * `String(ms)`, from three small integers: a time in ms is too large for V8's small-integer conversion, and
 * its general number-to-text path cost about a tenth of the parse.
 */
function epochMsText(ms: number): string {
  if (ms < 1e9 || !Number.isSafeInteger(ms)) return String(ms);
  const thousands = Math.floor(ms / 1000);
  const millions = Math.floor(thousands / 1000);
  return `${millions}${THREE_DIGITS[thousands - millions * 1000]!}${THREE_DIGITS[ms - thousands * 1000]!}`;
}

/**
 * A message of a WhatsApp export as the engine stores it. WhatsApp writes no message ids, so the id is the
 * time plus the message's place among those with the same time: importing the same export, or a newer
 * one that overlaps it, yields the same ids for the same messages, and they are not stored twice.
 */
export function toWhatsAppSourceMessage(
  line: WhatsAppLine,
  indexAtSameTime: number,
  findMedia: (name: string) => { ref: string; size: number } | undefined = () => undefined,
  phrases: WhatsAppPhrases = new WhatsAppPhrases(),
): SourceMessage {
  const id = `${epochMsText(line.date)}.${indexAtSameTime}`;
  const sender = line.author === null ? null : { key: `whatsapp:${line.author}`, name: line.author };
  let traits = textTraits(line.text);
  let text = line.text;
  if (traits & TEXT_HAS_BYTE_ORDER_MARK) traits = textTraits((text = text.replace(/\ufeff/g, '')));
  const base = (): Pick<SourceMessage, 'id' | 'sortKey' | 'date' | 'out' | 'sender'> => ({
    id,
    sortKey: indexAtSameTime,
    date: line.date,
    out: false,
    sender,
  });
  // A system line has no author, or (iOS) the chat's name in the author's place and a mark before the text.
  if (line.author === null)
    return sourceMessage({ ...base(), sender: null, text, service: phrases.systemAction(text) ?? { action: 'other' } });
  if (phrases.isDeleted(text)) return sourceMessage({ ...base(), text: 'This message was deleted', service: { action: 'messageDeleted' } });
  // WhatsApp's own words after a mark: a system line, unless bracketed (`<attached: added-list.pdf>` is a file).
  const system = phrases.isEncryptionNotice(text)
    ? { action: 'encryptionNotice' as const }
    : line.marked && !/^[\u200e]*</.test(text)
      ? phrases.systemAction(text)
      : null;
  if (system) return sourceMessage({ ...base(), sender: null, text, service: system });
  // WhatsApp writes when a message was edited only as a marker after its text; the time of the edit is unknown.
  const unmarked = phrases.withoutEditedMarker(text);
  const edited = unmarked === null ? {} : { editDate: line.date };
  // The text without its marker is the start of the text: it holds no trait the whole text lacks.
  if (unmarked !== null) text = unmarked;
  const media = mediaOf(text, traits, findMedia, phrases);
  if (media) return sourceMessage({ ...base(), ...edited, text: media.caption, media: media.media, entities: linksIn(media.caption) });
  // Most lines are plain text: built in one literal (a spread per line was a tenth of the parse).
  return {
    id,
    sortKey: indexAtSameTime,
    date: line.date,
    out: false,
    sender,
    text,
    entities: traits & TEXT_HAS_LINK ? linksIn(text) : [],
    media: null,
    replyToId: null,
    forward: null,
    editDate: unmarked === null ? null : line.date,
    service: null,
    groupedId: null,
    views: null,
    reactions: [],
  };
}

/** Web addresses as WhatsApp shows them (it writes no formatting into exports): http(s)://… and www.… */
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
const URL_START = /https?:\/\/|www\./i;

/** Link entities for the addresses in a text, without the punctuation that ends a sentence after one. */
function linksIn(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  if (!URL_START.test(text)) return entities;
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
  traits: number,
  findMedia: (name: string) => { ref: string; size: number } | undefined,
  phrases: WhatsAppPhrases,
): { media: Media; caption: string } | null {
  const omitted = phrases.omittedMedia(text, traits);
  if (omitted) return { media: omittedMediaOf(omitted), caption: omitted.caption };
  const newline = traits & TEXT_HAS_NEWLINE ? text.indexOf('\n') : -1;
  const firstLineMarked = newline < 0 ? text : text.slice(0, newline);
  const firstLine = firstLineMarked.charCodeAt(0) === 0x200e ? firstLineMarked.replace(/^[\u200e]+/, '') : firstLineMarked;
  const attached = phrases.attachedFile(firstLine);
  if (attached) {
    const { fileName } = attached;
    const extension = fileName.split('.').pop()!.toLowerCase();
    const mimeType = MIME_BY_EXTENSION[extension];
    const caption = text.slice(text.indexOf(firstLine) + firstLine.length).replace(/^\n/, '');
    const found = findMedia(fileName);
    const media = attachmentMedia(fileName, extension, mimeType, found?.size);
    return { media: found ? { ...media, localFile: found.ref } : media, caption };
  }
  const poll = phrases.poll(text, traits);
  if (poll) return { media: { kind: 'poll', ...poll, closed: false }, caption: '' };
  const location = phrases.location(text, traits);
  if (location) return { media: { kind: 'location', ...location }, caption: '' };
  return null;
}
