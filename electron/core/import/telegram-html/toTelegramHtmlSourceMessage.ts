import type { Media, ServiceAction } from '../../../../shared/domain.ts';
import { ScrollbackError } from '../../../../shared/errors.ts';
import { sourceMessage, type SourceMessage, type SourceSender } from '../../model/SourceMessage.ts';
import type { TelegramHtmlMedia, TelegramHtmlMessage } from './TelegramHtmlMessage.ts';
import { translator } from '../../i18n/createTranslator.ts';

/**
 * "08.03.2022 11:10:02 UTC+05:30" (exact), "12.05.2022 19:34:07 +06", or "15.09.2019 11:15:05" (older
 * exports: the exporting computer's time, zone unknown, read as this computer's local time).
 */
export function parseTelegramHtmlDate(title: string): number | null {
  return parseFixedLayoutDate(title) ?? parseAnyLayoutDate(title);
}

/** Zone suffixes (" UTC+03:00") by their offset in minutes, or null for none: a chat has a handful. */
const zoneOffsets = new Map<string, number | null>();

function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let index = at; index < at + count; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The layout every export writes ("dd.mm.yyyy hh:mm:ss" and a zone), read by position: a million titles
 * through the general pattern took most of a second of an import.
 */
function parseFixedLayoutDate(title: string): number | null {
  if (title.length < 19 || title[2] !== '.' || title[5] !== '.' || title[10] !== ' ' || title[13] !== ':' || title[16] !== ':') return null;
  const fields = [
    digits(title, 6, 4),
    digits(title, 3, 2) - 1,
    digits(title, 0, 2),
    digits(title, 11, 2),
    digits(title, 14, 2),
    digits(title, 17, 2),
  ] as const;
  if (fields.some(Number.isNaN)) return null;
  const suffix = title.slice(19);
  let offset = zoneOffsets.get(suffix);
  if (offset === undefined) {
    const zone = /^\s*(?:UTC)?([+-])(\d\d)(?::?(\d\d))?/.exec(suffix);
    if (!zone && suffix.trim() !== '') return null;
    offset = zone ? (Number(zone[2]) * 60 + Number(zone[3] ?? 0)) * (zone[1] === '-' ? -1 : 1) : null;
    if (zoneOffsets.size < 64) zoneOffsets.set(suffix, offset);
  }
  return offset === null ? new Date(...fields).getTime() : Date.UTC(...fields) - offset * 60_000;
}

function parseAnyLayoutDate(title: string): number | null {
  const match = /^(\d\d)\.(\d\d)\.(\d{4}) (\d\d):(\d\d)(?::(\d\d))?(?:\s*(?:UTC)?([+-])(\d\d)(?::?(\d\d))?)?/.exec(title.trim());
  if (!match) return null;
  const [, day, month, year, hours, minutes, seconds = '0', sign, zoneHours, zoneMinutes = '0'] = match;
  const fields = [Number(year), Number(month) - 1, Number(day), Number(hours), Number(minutes), Number(seconds)] as const;
  if (sign === undefined) return new Date(...fields).getTime();
  const offset = (Number(zoneHours) * 60 + Number(zoneMinutes)) * (sign === '-' ? -1 : 1);
  return Date.UTC(...fields) - offset * 60_000;
}

/** "28.0 MB", "512 B", "1.5 KB": the size a file block states (approximate: the page rounds it). */
function sizeOf(status: string | null): number {
  const match = /([\d.]+)\s*(B|KB|MB|GB)\b/.exec(status ?? '');
  if (!match) return 0;
  const power = ['B', 'KB', 'MB', 'GB'].indexOf(match[2]!);
  return Math.round(Number(match[1]) * 1024 ** power);
}

/** "01:29", "1:02:03", "0:15": seconds. */
function durationOf(text: string | null): number {
  const match = /(?:(\d+):)?(\d+):(\d\d)/.exec(text ?? '');
  if (!match) return 0;
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

export interface HtmlMediaFiles {
  /** The export's copy of a file the page links (relative to the page), when it is there. */
  find(href: string): { ref: string; size: number } | undefined;
}

/**
 * The kind the JSON export gives the same message: a page draws a sticker or a GIF it did not download as a
 * generic photo or video block titled "Sticker" or "Animation" (Telegram Desktop's names), a round video as
 * "Video message", and a downloaded sticker may sit in a photo link to `stickers/…webp`.
 */
function kindAsJsonSays(media: TelegramHtmlMedia): string {
  const title = media.title?.trim();
  if ((media.kind === 'photo' || media.kind === 'file') && (title === 'Sticker' || /(^|\/)stickers\/[^/]*$|\.tgs$/i.test(media.href ?? '')))
    return 'sticker';
  if ((media.kind === 'video' || media.kind === 'file') && title === 'Animation') return 'gif';
  if (media.kind === 'video' && title === 'Video message') return 'round';
  return media.kind;
}

/** A sticker's emoji, as a not-downloaded sticker's status says it before its size ("💪, 40.0 KB"). */
function stickerEmojiOf(status: string | null): string | null {
  const emoji = /^([^\s,\w]{1,16}), /u.exec(status ?? '')?.[1];
  return emoji ?? null;
}

function mediaOf(media: TelegramHtmlMedia, files: HtmlMediaFiles): Media | null {
  const found = media.href && !/^https?:/.test(media.href) ? files.find(media.href) : undefined;
  const file = found ? { localFile: found.ref, size: found.size } : {};
  const last = media.href?.split('/').pop() ?? '';
  let name: string;
  try {
    name = decodeURIComponent(last);
  } catch {
    name = last;
  }
  // A photo not included says its size in pixels ("1280x960, 120.5 KB").
  const pixels = /(\d+)x(\d+)/.exec(media.status ?? '');
  const size = { width: pixels ? Number(pixels[1]) : 0, height: pixels ? Number(pixels[2]) : 0 };
  switch (kindAsJsonSays(media)) {
    case 'photo':
      return { kind: 'photo', ...size, ...file };
    case 'sticker': {
      const emoji = stickerEmojiOf(media.status);
      return { kind: 'sticker', ...size, ...(emoji ? { emoji } : {}), ...file };
    }
    case 'gif':
      return { kind: 'gif', ...size, ...file };
    case 'video':
    case 'round':
      return {
        kind: 'video',
        ...size,
        durationS: durationOf(media.duration ?? media.status),
        ...(kindAsJsonSays(media) === 'round' || /round/.test(media.href ?? '') ? { round: true } : {}),
        ...file,
      };
    case 'voice':
      return { kind: 'voice', durationS: durationOf(media.status), ...file };
    case 'audio':
      return {
        kind: 'audio',
        durationS: durationOf(media.status),
        ...(media.title ? { title: media.title } : {}),
        ...(media.description ? { performer: media.description } : {}),
        ...file,
      };
    case 'file':
      return {
        kind: 'file',
        fileName: media.title ?? (name || 'file'),
        size: sizeOf(media.status),
        ...file,
      };
    case 'location': {
      const point = /(-?\d+(?:\.\d+)?),\s*(-?\d+(?:\.\d+)?)/.exec(`${media.href ?? ''} ${media.status ?? ''}`);
      return {
        kind: 'location',
        latitude: point ? Number(point[1]) : 0,
        longitude: point ? Number(point[2]) : 0,
        ...(media.title && !/^(location|live location)$/i.test(media.title) ? { title: media.title } : {}),
      };
    }
    case 'contact':
      return { kind: 'contact', name: media.title ?? '', phone: media.status ?? '' };
    case 'poll':
      return media.poll ? { kind: 'poll', question: media.poll.question, options: media.poll.answers, closed: media.poll.closed } : null;
    case 'call':
      return { kind: 'other', label: `Call: ${[media.title, media.status].filter(Boolean).join(', ') || 'call'}` };
    default:
      return { kind: 'other', label: media.title ?? 'Attachment' };
  }
}

/** Service prose the page writes (English only), as the kinds Scrollback knows; anything else is kept as said. */
function serviceOf(text: string): ServiceAction {
  const title = /[«"](.+)[»"]/.exec(text)?.[1];
  if (/ pinned /.test(text)) return { action: 'pinMessage' };
  // Telegram Desktop's prose: "Ana created topic «Q&A»", "Ana changed topic title to «…»" (or its icon).
  if (/ created topic /.test(text)) return { action: 'topicCreated', title: title ?? 'Topic' };
  if (/ changed topic /.test(text))
    return { action: 'topicEdited', ...(/ title to /.test(text) && title ? { title: title.replace(/[»"].*$/, '') } : {}) };
  if (/^Channel .* created$/.test(text)) return { action: 'channelCreate', ...(title ? { title } : {}) };
  if (/ created group /.test(text)) return { action: 'chatCreate', ...(title ? { title } : {}) };
  if (/ converted a basic group to this supergroup/.test(text) || / converted this group to a supergroup/.test(text))
    return { action: 'migrateFromGroup', ...(title ? { title } : {}) };
  if (/ changed group title to /.test(text)) return { action: 'titleChanged', ...(title ? { title } : {}) };
  if (/ changed group photo/.test(text)) return { action: 'photoChanged' };
  if (/ joined group by link/.test(text)) return { action: 'joinedByLink' };
  const invited = /^(.+?) invited (.+)$/.exec(text);
  if (invited)
    return invited[1] === invited[2] ? { action: 'memberJoined' } : { action: 'membersAdded', members: invited[2]!.split(/, | and /) };
  const removed = /^(.+?) removed (.+)$/.exec(text);
  if (removed)
    return removed[1] === removed[2] ? { action: 'memberLeft' } : { action: 'membersRemoved', members: removed[2]!.split(/, | and /) };
  if (/ left the group$/.test(text)) return { action: 'memberLeft' };
  return { action: 'custom', detail: text };
}

/**
 * One block of an HTML page as a message. `previousSender`: a "joined" block's sender (the page writes the
 * name only on the first of a run). `where` names the page and block for an error.
 */
export function toTelegramHtmlSourceMessage(
  block: TelegramHtmlMessage,
  previousSender: SourceSender | null,
  files: HtmlMediaFiles,
  where: () => string,
): SourceMessage {
  const date = block.dateTitle === null ? null : parseTelegramHtmlDate(block.dateTitle);
  if (date === null && !block.service)
    throw new ScrollbackError('INVALID_FILE', translator()('error.telegramHtml.noDate', { where: where(), id: String(block.id) }));
  const base = { id: String(block.id), sortKey: block.id, date: date ?? 0, out: false };
  if (block.service) {
    const text = block.text.trim();
    return sourceMessage({
      ...base,
      sender: null,
      text,
      service: serviceOf(text),
      replyToId: block.replyToId === null ? null : String(block.replyToId),
    });
  }
  const sender = block.fromName ? { key: `name:${block.fromName}`, name: block.fromName } : block.joined ? previousSender : null;
  return sourceMessage({
    ...base,
    sender,
    text: block.text,
    entities: block.entities,
    media: block.media ? mediaOf(block.media, files) : null,
    replyToId: block.replyToId === null ? null : String(block.replyToId),
    ...(block.viaBot ? { viaBot: block.viaBot } : {}),
    forward: block.forward
      ? {
          fromName: block.forward.fromName || 'Deleted Account',
          date: block.forward.dateTitle ? parseTelegramHtmlDate(block.forward.dateTitle) : null,
        }
      : null,
    reactions: block.reactions
      .filter((reaction) => reaction.emoji !== '')
      .map((reaction) => ({ emoji: reaction.emoji, count: Math.max(1, reaction.count) })),
  });
}
