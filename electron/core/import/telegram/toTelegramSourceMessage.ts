import type { Media, Reaction } from '../../../../shared/domain.ts';
import { ScrollbackError } from '../../../../shared/errors.ts';
import type { ChatKind } from '../../../../shared/domain.ts';
import type { SourceChat } from '../../sources/HistorySource.ts';
import { sourceMessage, type SourceMessage, type SourceSender } from '../../model/SourceMessage.ts';
import { describeServiceAction } from '../../../../shared/serviceActions.ts';
import { toTelegramDesktopServiceAction } from './toTelegramDesktopServiceAction.ts';
import { readTelegramText } from './telegramText.ts';
import type { TelegramChatMeta } from './TelegramExportScanner.ts';
import { translator } from '../../i18n/createTranslator.ts';

type Raw = Record<string, unknown>;

const CHAT_KINDS: Record<string, ChatKind> = {
  personal_chat: 'private',
  bot_chat: 'private',
  saved_messages: 'private',
  private_group: 'group',
  private_supergroup: 'group',
  public_supergroup: 'group',
  private_channel: 'channel',
  public_channel: 'channel',
};

/**
 * The chat of an export. The key joins the export's type and id: ids are only unique per peer type, and a
 * chat exported twice (an older and a newer export) must land in the same place.
 */
export function toTelegramSourceChat(meta: TelegramChatMeta, fallbackName: string): SourceChat {
  const type = typeof meta.type === 'string' ? meta.type : 'chat';
  const name = typeof meta.name === 'string' && meta.name ? meta.name : type === 'saved_messages' ? 'Saved Messages' : fallbackName;
  const key = typeof meta.id === 'number' || typeof meta.id === 'string' ? `telegram:${type}:${meta.id}` : `telegram:${type}:name:${name}`;
  return { key, name, kind: CHAT_KINDS[type] ?? 'private', messageCount: null, lastMessageDate: null };
}

/**
 * One message of an export, or null for a placeholder the exporter wrote for a message it could not
 * export (`"type": "unsupported"` without a date). `ordinal` (its place in the chat's list) stands in for
 * the id in hand-made files that have none.
 */
export function toTelegramSourceMessage(
  raw: unknown,
  ordinal: number,
  where: () => string,
  findMedia: (name: unknown) => { ref: string; size: number } | undefined = () => undefined,
): SourceMessage | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalid(where, translator()('error.jsonExport.messageNotObject'));
  const message = raw as Raw;
  const id = message.id;
  if (id !== undefined && (typeof id !== 'number' || !Number.isInteger(id)))
    throw invalid(where, translator()('error.jsonExport.idNotWhole', { id: JSON.stringify(id) }));
  const date = readDate(message.date_unixtime, message.date);
  if (date === null) {
    if (message.type === 'unsupported') return null;
    throw invalid(where, translator()('error.jsonExport.noDate', { id: String(id ?? ordinal) }));
  }
  const { text, entities } = readTelegramText(message);
  // Fields only Scrollback's own JSON export writes: an id that was not a number, and milliseconds.
  const exactDate = typeof message.scrollback_date_ms === 'number' ? message.scrollback_date_ms : date;
  const ownId = typeof message.scrollback_id === 'string' && message.scrollback_id ? message.scrollback_id : null;
  const deletedAt = readDate(message.scrollback_deleted_at_source_unixtime, message.scrollback_deleted_at_source);
  const base =
    id === undefined
      ? { id: ownId ?? `#${ordinal}`, sortKey: ordinal, date: exactDate, out: false, deletedAt }
      : { id: ownId ?? String(id), sortKey: id, date: exactDate, out: false, deletedAt };
  if (message.type === 'service') {
    const actor = senderOf(message.actor, message.actor_id);
    const service = toTelegramDesktopServiceAction(message);
    return sourceMessage({
      ...base,
      sender: actor,
      text: text || describeServiceAction(actor?.name ?? null, service),
      entities: text ? entities : [],
      // A pin's target is its `message_id`, kept where Telegram keeps it: as the reply of the pin. Other
      // service lines may reply too (a topic's rename answers the topic).
      replyToId:
        service.action === 'pinMessage' && typeof message.message_id === 'number'
          ? String(message.message_id)
          : typeof message.reply_to_message_id === 'number'
            ? String(message.reply_to_message_id)
            : null,
      service,
      // "Changed the group photo" carries the new photo.
      media: message.photo === undefined ? null : withLocalFile(mediaOf(message), findMedia(message.photo)),
    });
  }
  return sourceMessage({
    ...base,
    sender: senderOf(message.from, message.from_id) ?? senderOf(message.author, null),
    text,
    entities,
    media: withLocalFile(mediaOf(message), findMedia(message.photo ?? message.file)),
    replyToId: typeof message.reply_to_message_id === 'number' ? String(message.reply_to_message_id) : null,
    forward: forwardOf(message),
    editDate: editDateOf(message),
    reactions: reactionsOf(message.reactions),
    views: typeof message.views === 'number' ? message.views : null,
    // A signed channel post names its author; a message sent through an inline bot names the bot.
    ...(typeof message.author === 'string' && message.author && message.from !== undefined ? { signature: message.author } : {}),
    ...(typeof message.via_bot === 'string' && message.via_bot ? { viaBot: message.via_bot } : {}),
  });
}

/** `date_unixtime` (a string, exports from 2022 on) is exact; `date` is local time without a zone. */
function readDate(unixtime: unknown, local: unknown): number | null {
  if (typeof unixtime === 'string' && /^\d+$/.test(unixtime)) return Number(unixtime) * 1000;
  if (typeof unixtime === 'number') return unixtime * 1000;
  if (typeof local === 'string') {
    const parsed = Date.parse(local);
    if (Number.isFinite(parsed)) return parsed;
  }
  return null;
}

/** 2019 exports write "1970-01-01T05:30:00" (the epoch in the exporter's zone) on messages never edited. */
function editDateOf(message: Raw): number | null {
  const date = readDate(message.edited_unixtime, message.edited);
  return date === null || date < 86_400_000 * 2 ? null : date;
}

function senderOf(name: unknown, id: unknown): SourceSender | null {
  const key = typeof id === 'number' ? `user${id}` : typeof id === 'string' && id ? id : null;
  if (key === null) return typeof name === 'string' && name ? { key: `name:${name}`, name } : null;
  return { key, name: typeof name === 'string' && name ? name : 'Deleted Account' };
}

function forwardOf(message: Raw): SourceMessage['forward'] {
  if ('forwarded_from' in message)
    return { fromName: typeof message.forwarded_from === 'string' ? message.forwarded_from : 'Deleted Account', date: null };
  if ('saved_from' in message)
    return { fromName: typeof message.saved_from === 'string' ? message.saved_from : 'Deleted Account', date: null };
  return null;
}

function reactionsOf(raw: unknown): Reaction[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((reaction: Raw) =>
    reaction && typeof reaction.count === 'number'
      ? [{ emoji: typeof reaction.emoji === 'string' ? reaction.emoji : reaction.type === 'paid' ? '⭐' : '★', count: reaction.count }]
      : [],
  );
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const maybe = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** The media with a reference to the file the export brought (copied into the media store by the import). */
function withLocalFile(media: Media | null, found: { ref: string; size: number } | undefined): Media | null {
  if (!media || !found) return media;
  if (
    media.kind === 'photo' ||
    media.kind === 'video' ||
    media.kind === 'gif' ||
    media.kind === 'sticker' ||
    media.kind === 'voice' ||
    media.kind === 'audio' ||
    media.kind === 'file'
  )
    return { ...media, localFile: found.ref, size: found.size };
  return media;
}

function mediaOf(message: Raw): Media | null {
  if (message.photo !== undefined) return { kind: 'photo', width: num(message.width), height: num(message.height) };
  const duration = num(message.duration_seconds);
  switch (message.media_type) {
    case 'sticker':
      return {
        kind: 'sticker',
        width: num(message.width),
        height: num(message.height),
        ...(maybe(message.sticker_emoji) ? { emoji: maybe(message.sticker_emoji)! } : {}),
      };
    case 'animation':
      return { kind: 'gif', width: num(message.width), height: num(message.height) };
    case 'video_file':
      return { kind: 'video', width: num(message.width), height: num(message.height), durationS: duration };
    case 'video_message':
      return { kind: 'video', width: num(message.width), height: num(message.height), durationS: duration, round: true };
    case 'voice_message':
      return { kind: 'voice', durationS: duration };
    case 'audio_file':
      return {
        kind: 'audio',
        durationS: duration,
        ...(maybe(message.title) ? { title: maybe(message.title)! } : {}),
        ...(maybe(message.performer) ? { performer: maybe(message.performer)! } : {}),
      };
  }
  if (message.file !== undefined) {
    const path = typeof message.file === 'string' ? message.file : '';
    const fileName = maybe(message.file_name) ?? (path.startsWith('(') ? 'file' : path.split('/').pop() || 'file');
    return {
      kind: 'file',
      fileName,
      size: num(message.file_size),
      ...(maybe(message.mime_type) ? { mimeType: maybe(message.mime_type)! } : {}),
    };
  }
  const poll = message.poll as Raw | undefined;
  if (poll && typeof poll === 'object') {
    const answers = Array.isArray(poll.answers) ? (poll.answers as Raw[]).map((answer) => String(answer?.text ?? '')) : [];
    return { kind: 'poll', question: String(poll.question ?? ''), options: answers, closed: poll.closed === true };
  }
  const location = message.location_information as Raw | undefined;
  if (location && typeof location === 'object') {
    const title = maybe(message.place_name);
    return { kind: 'location', latitude: num(location.latitude), longitude: num(location.longitude), ...(title ? { title } : {}) };
  }
  const contact = message.contact_information as Raw | undefined;
  if (contact && typeof contact === 'object') {
    const name = [contact.first_name, contact.last_name].filter((part) => typeof part === 'string' && part).join(' ');
    return { kind: 'contact', name, phone: String(contact.phone_number ?? '') };
  }
  const webpage = message.scrollback_webpage as Raw | undefined;
  if (webpage && typeof webpage.url === 'string')
    return { kind: 'webpage', url: webpage.url, ...(maybe(webpage.title) ? { title: maybe(webpage.title)! } : {}) };
  if (typeof message.scrollback_media === 'string') return { kind: 'other', label: message.scrollback_media };
  if (message.game_title !== undefined) return { kind: 'other', label: `Game: ${String(message.game_title)}` };
  if (message.invoice_information !== undefined) return { kind: 'other', label: 'Invoice' };
  if (message.todo_list !== undefined) return { kind: 'other', label: 'Checklist' };
  if (message.giveaway_information !== undefined) return { kind: 'other', label: 'Giveaway' };
  return null;
}

function invalid(where: () => string, what: string): ScrollbackError {
  return new ScrollbackError('INVALID_FILE', translator()('error.import.problemAt', { where: where(), problem: what }));
}
