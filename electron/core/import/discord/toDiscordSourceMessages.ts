import type { ChatKind, Media, Reaction, ServiceAction } from '../../../../shared/domain.ts';
import { ScrollbackError } from '../../../../shared/errors.ts';
import { sourceMessage, type SourceMessage } from '../../model/SourceMessage.ts';
import type { SourceChat } from '../../sources/HistorySource.ts';
import { translator } from '../../i18n/createTranslator.ts';

/** A DiscordChatExporter JSON export, as far as Scrollback reads it (its documented JSON writer's fields). */
interface DiscordExport {
  guild?: { id?: string; name?: string };
  channel?: { id?: string; type?: string; name?: string; category?: string };
  messages?: unknown[];
}

type Raw = Record<string, unknown>;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The chat an export is of: a server's channel ("General · #chill"), a thread, or a direct conversation. */
export function toDiscordSourceChat(exported: DiscordExport, fallbackName: string): SourceChat {
  const guild = exported.guild ?? {};
  const channel = exported.channel ?? {};
  if (typeof channel.id !== 'string' || channel.id === '')
    throw new ScrollbackError('INVALID_FILE', translator()('error.discord.noChannelId'));
  const type = text(channel.type);
  const direct = type.startsWith('Direct');
  const name = direct ? text(channel.name) || fallbackName : `${text(guild.name) || 'Server'} · #${text(channel.name) || channel.id}`;
  const kind: ChatKind = type === 'DirectTextChat' ? 'private' : type === 'GuildNews' || type === 'GuildNewsThread' ? 'channel' : 'group';
  return { key: `discord:${text(guild.id) || '0'}:${channel.id}`, name, kind, messageCount: null, lastMessageDate: null };
}

/** What a Discord system message says, as Scrollback's kinds (Discord/Data/MessageKind.cs names). */
function serviceOf(message: Raw): ServiceAction | null {
  const mentions = Array.isArray(message.mentions) ? (message.mentions as Raw[]).map((user) => text(user.nickname) || text(user.name)) : [];
  switch (message.type) {
    case 'RecipientAdd':
      return { action: 'membersAdded', members: mentions };
    case 'RecipientRemove':
      return mentions.length > 0 ? { action: 'membersRemoved', members: mentions } : { action: 'memberLeft' };
    case 'Call': {
      const started = Date.parse(text(message.timestamp));
      const ended = Date.parse(text(message.callEndedTimestamp));
      return Number.isFinite(ended)
        ? { action: 'phoneCall', durationS: Math.max(0, Math.round((ended - started) / 1000)) }
        : { action: 'phoneCall', missed: true };
    }
    case 'ChannelNameChange':
      return { action: 'titleChanged', ...(text(message.content) ? { detail: text(message.content) } : {}) };
    case 'ChannelIconChange':
      return { action: 'photoChanged' };
    case 'ChannelPinnedMessage':
      return { action: 'pinMessage' };
    case 'GuildMemberJoin':
      return { action: 'memberJoined' };
    case 'ThreadCreated':
      return { action: 'custom', detail: text(message.content) || 'Started a thread.' };
    default:
      return null;
  }
}

/** An attachment by its file name: pictures, videos and sounds as such, anything else a file. */
function attachmentMedia(attachment: Raw, find: (name: string) => { ref: string; size: number } | undefined): Media {
  const fileName = text(attachment.fileName) || 'file';
  // With assets downloaded, DiscordChatExporter links them as relative paths (Windows separators on Windows).
  const url = text(attachment.url).replace(/\\+/g, '/');
  const found = /^[a-z]+:\/\//i.test(url) ? undefined : find(url);
  const file = found ? { localFile: found.ref } : {};
  const size = found?.size ?? (typeof attachment.fileSizeBytes === 'number' ? attachment.fileSizeBytes : 0);
  if (/\.(png|jpe?g|webp|bmp)$/i.test(fileName)) return { kind: 'photo', width: 0, height: 0, size, ...file };
  if (/\.gif$/i.test(fileName)) return { kind: 'gif', width: 0, height: 0, size, ...file };
  if (/\.(mp4|webm|mov|mkv)$/i.test(fileName)) return { kind: 'video', width: 0, height: 0, durationS: 0, size, ...file };
  if (/\.(mp3|ogg|oga|wav|flac|m4a|opus)$/i.test(fileName)) return { kind: 'audio', durationS: 0, title: fileName, size, ...file };
  return { kind: 'file', fileName, size, ...file };
}

function reactionsOf(raw: unknown): Reaction[] {
  if (!Array.isArray(raw)) return [];
  return (raw as Raw[]).flatMap((reaction) => {
    const emoji = (reaction.emoji ?? {}) as Raw;
    const custom = typeof emoji.id === 'string' && emoji.id !== '';
    const name = text(emoji.name);
    return name && typeof reaction.count === 'number' ? [{ emoji: custom ? `:${name}:` : name, count: reaction.count }] : [];
  });
}

/**
 * Discord ids are snowflakes (ms since 2015 in the top bits): the low 22 bits (worker, process, sequence)
 * break ties between messages of the same millisecond the same way in every export of the channel.
 */
function tieBreakOf(id: string): number {
  return /^\d+$/.test(id) ? Number(BigInt(id) & 0x3fffffn) * 8 : 0;
}

/**
 * One message of the export as Scrollback messages: the message itself (its first attachment, or a sticker,
 * or a link preview as its medium), and one more per further attachment, grouped with it as an album.
 */
export function toDiscordSourceMessages(
  raw: unknown,
  where: string,
  find: (name: string) => { ref: string; size: number } | undefined,
): SourceMessage[] {
  if (!raw || typeof raw !== 'object') throw new ScrollbackError('INVALID_FILE', translator()('error.discord.notObject', { where }));
  const message = raw as Raw;
  const id = text(message.id);
  const date = Date.parse(text(message.timestamp));
  if (!id || !Number.isFinite(date)) throw new ScrollbackError('INVALID_FILE', translator()('error.discord.noIdOrTime', { where }));
  const author = (message.author ?? {}) as Raw;
  const sender =
    typeof author.id === 'string'
      ? { key: `discord:${author.id}`, name: text(author.nickname) || text(author.name) || 'Deleted User' }
      : null;
  const edited = Date.parse(text(message.timestampEdited));
  const reference = (message.reference ?? null) as Raw | null;
  const attachments = Array.isArray(message.attachments) ? (message.attachments as Raw[]) : [];
  const stickers = Array.isArray(message.stickers) ? (message.stickers as Raw[]) : [];
  const embeds = Array.isArray(message.embeds) ? (message.embeds as Raw[]) : [];
  const embed = embeds.find((candidate) => typeof candidate.url === 'string' && candidate.url !== '');
  const media: Media | null = attachments[0]
    ? attachmentMedia(attachments[0], find)
    : stickers[0]
      ? { kind: 'sticker', width: 0, height: 0, emoji: text(stickers[0].name) }
      : embed
        ? {
            kind: 'webpage',
            url: text(embed.url),
            ...(text(embed.title) ? { title: text(embed.title) } : {}),
            ...(text(embed.description) ? { description: text(embed.description) } : {}),
          }
        : null;
  const service = serviceOf(message);
  const sortKey = tieBreakOf(id);
  const groupedId = attachments.length > 1 ? id : null;
  const first = sourceMessage({
    id,
    sortKey,
    date,
    sender,
    out: false,
    text: text(message.content),
    media: service ? null : media,
    service,
    replyToId: reference && typeof reference.messageId === 'string' ? reference.messageId : null,
    editDate: Number.isFinite(edited) ? edited : null,
    reactions: reactionsOf(message.reactions),
    groupedId,
  });
  const more = attachments.slice(1, 8).map((attachment, index) =>
    sourceMessage({
      id: `${id}.${index + 2}`,
      sortKey: sortKey + index + 1,
      date,
      sender,
      out: false,
      text: '',
      media: attachmentMedia(attachment, find),
      groupedId,
    }),
  );
  return [first, ...more];
}

/** The export parsed whole (DiscordChatExporter files are one JSON document), within a size it can afford. */
export function parseDiscordExport(json: string, where: string): DiscordExport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new ScrollbackError('INVALID_FILE', translator()('error.discord.notJson', { where, reason: (error as Error).message }));
  }
  if (!parsed || typeof parsed !== 'object' || !Array.isArray((parsed as DiscordExport).messages))
    throw new ScrollbackError('INVALID_FILE', translator()('error.discord.noMessages', { path: where }));
  return parsed;
}
