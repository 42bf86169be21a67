/**
 * Domain types shared by the engine, the IPC contract and the renderer.
 * Everything here is plain data: it crosses IPC by structured clone, so dates are epoch milliseconds.
 */

export type SourceKind = 'demo' | 'telegram' | 'ryze' | 'import';

export interface SourceSummary {
  id: string;
  kind: SourceKind;
  name: string;
}

export type ChatKind = 'private' | 'group' | 'channel';

export interface ChatSummary {
  /** Local id of the chat in this cache. Stable for the life of the database. */
  id: number;
  sourceId: string;
  sourceKind: SourceKind;
  sourceName: string;
  name: string;
  kind: ChatKind;
  /** The source's total message count where it is known, else null. */
  messageCount: number | null;
  /** Messages of this chat stored in the local cache. */
  cachedCount: number;
  /** Date of the newest message known (cached or reported by the source), epoch ms. */
  lastMessageDate: number | null;
  /** True once the very first message of the chat is in the cache. */
  oldestReached: boolean;
  /** The chat's photo, when it has one: drawn from `media/<id>/avatar`, its preview at once. */
  avatar: ChatAvatar | null;
  /** Whole media files of this chat are never evicted from this computer. */
  keepMedia: boolean;
  /** The chat is refreshed in the background (newest messages, recent edits and deletions). */
  keepCurrent: boolean;
  /** When it was last refreshed from its source, epoch ms; null: never. */
  refreshedAt: number | null;
  /** What changed on this computer since the user last looked at the chat; null: never looked. */
  changesSinceLook: ChatChanges | null;
  /** The newest message on this computer, for the list's preview line; null when none is cached. */
  lastMessage: LastMessagePreview | null;
  /** Pinned to the top of its source's list, or archived there, as the source last said. */
  pinned: boolean;
  archived: boolean;
  /** Kept away from AI assistants: `scrollback mcp` never lists, searches or reads it. */
  hiddenFromAssistants: boolean;
  /** A forum: its messages are in topics (see listTopics). */
  forum: boolean;
}

/** The start of a chat's newest cached message, as the chat list shows it ("Ana: see you at 8"). */
export interface LastMessagePreview {
  /** The first 120 characters of its text ('' for an attachment alone). */
  text: string;
  kind: MessageKind;
  out: boolean;
  service: boolean;
  senderName: string | null;
}

/** Counts of what changed in a chat's archive since a moment (messages on this computer). */
export interface ChatChanges {
  since: number;
  /** Messages sent after it. */
  added: number;
  /** Messages whose edit was seen after it (their earlier version kept). */
  edited: number;
  /** Messages found deleted at the source after it (kept here). */
  deleted: number;
}

/** A chat's (or person's) photo as the source describes it. */
export interface ChatAvatar {
  /** Telegram's `stripped_thumb` (base64), drawn blurred until the small photo arrives. */
  preview?: string;
}

export type EntityType =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strike'
  | 'code'
  | 'pre'
  | 'spoiler'
  | 'link'
  | 'textLink'
  | 'mention'
  | 'mentionName'
  | 'hashtag'
  | 'cashtag'
  | 'botCommand'
  | 'email'
  | 'phone'
  | 'blockquote'
  | 'customEmoji';

/** A formatting span. `offset` and `length` count UTF-16 code units, as Telegram does. */
export interface MessageEntity {
  type: EntityType;
  offset: number;
  length: number;
  /** Target of a textLink. */
  url?: string;
  /** Language of a pre block. */
  language?: string;
  /** Mentioned user for mentionName. */
  userId?: string;
}

/**
 * What the window needs to draw a medium before any download, and where its files are. Files are served at
 * `media/<chatId>/<messageId>/<thumb|full>` by main, only from what the media store recorded.
 */
export interface MediaFiles {
  /** Telegram's stripped preview (size type `i`: a few hundred bytes, base64), drawn blurred in the first frame. */
  preview?: string;
  /** The source has a small thumbnail (kept on this computer once fetched, never evicted). */
  thumb?: boolean;
  /** Size of the whole file in bytes, as the source says it. */
  size?: number;
  mimeType?: string;
  /** Whether the whole file is on this computer now; filled in when read from the cache, never stored. */
  onComputer?: boolean;
  /**
   * Before the media store, imports referenced files where they lay; such records are still served.
   * Nothing writes this any more.
   */
  localFile?: string;
}

export type Media =
  | ({ kind: 'photo'; width: number; height: number } & MediaFiles)
  | ({ kind: 'video'; width: number; height: number; durationS: number; round?: boolean } & MediaFiles)
  | ({ kind: 'gif'; width: number; height: number } & MediaFiles)
  | ({ kind: 'sticker'; width: number; height: number; emoji?: string } & MediaFiles)
  /** `waveform`: Telegram's 5-bit packed samples, base64 (see shared/voiceWaveform.ts). */
  | ({ kind: 'voice'; durationS: number; waveform?: string } & MediaFiles)
  | ({ kind: 'audio'; durationS: number; title?: string; performer?: string } & MediaFiles)
  | ({ kind: 'file'; fileName: string; size: number; mimeType?: string } & MediaFiles)
  | { kind: 'poll'; question: string; options: string[]; closed: boolean }
  | { kind: 'location'; latitude: number; longitude: number; title?: string }
  | { kind: 'contact'; name: string; phone: string }
  | ({ kind: 'webpage'; url: string; title?: string; siteName?: string; description?: string } & MediaFiles)
  | { kind: 'other'; label: string };

/** Media kinds that have files (a thumbnail, the whole file, or both). */
export const FILE_MEDIA_KINDS = ['photo', 'video', 'gif', 'sticker', 'voice', 'audio', 'file', 'webpage'] as const;
export type FileMedia = Extract<Media, { kind: (typeof FILE_MEDIA_KINDS)[number] }>;

export function hasMediaFiles(media: Media | null | undefined): media is FileMedia {
  return media != null && FILE_MEDIA_KINDS.some((kind) => kind === media.kind);
}

/** Which file of a medium: the small picture shown in the list, or the whole file. */
export type MediaVariant = 'thumb' | 'full';

export type MediaKind = Media['kind'];

/** Kinds a message can be filtered by (search) and counted as. */
export type MessageKind = 'text' | 'service' | MediaKind;

export interface Forward {
  fromName: string;
  /** Original date, epoch ms, when known. */
  date: number | null;
}

export type { ServiceAction, ServiceActionKind } from './serviceActions.ts';
import type { ServiceAction } from './serviceActions.ts';

export interface Reaction {
  emoji: string;
  count: number;
}

export interface ChatMessage {
  /** The source's id of the message, unique within its chat. */
  id: string;
  chatId: number;
  /** Epoch milliseconds. */
  date: number;
  senderId: string | null;
  senderName: string | null;
  /** Sent by the account owner. */
  out: boolean;
  /** Plain text; for a service message, the readable line ("Ana pinned a message"). */
  text: string;
  entities: MessageEntity[];
  media: Media | null;
  replyToId: string | null;
  forward: Forward | null;
  /** Epoch ms of the last edit, or null when never edited. */
  editDate: number | null;
  service: ServiceAction | null;
  groupedId: string | null;
  views: number | null;
  reactions: Reaction[];
  /** When this computer learnt that the source deleted the message, epoch ms (it is kept here); null: not deleted. */
  deletedAt: number | null;
  /** Earlier versions of the message kept on this computer (one per edit seen); 0 when none were seen. */
  earlierVersions: number;
  /** The forum topic the message is in (its id is the topic's first message's); absent or null: none, or General. */
  topicId?: string | null;
  /** A channel post's signature (its author's name), when the channel signs posts. */
  signature?: string;
  /** The inline bot the message was sent via ("@QuizBot"). */
  viaBot?: string;
  /** The source gave no time (a Telegram Desktop HTML page's service line): `date` is its neighbours'. */
  dateApproximate?: boolean;
}

/** A topic of a forum chat, as kept on this computer. */
export interface ForumTopic {
  /** The id of the topic's first message (Telegram's topic id). */
  id: string;
  title: string;
  /** The topic's emoji, when the source names one as text; null otherwise. */
  iconEmoji: string | null;
  /** Telegram's icon colour (RGB), when known. */
  iconColor: number | null;
  /** Its messages on this computer. */
  messagesOnComputer: number;
}

/** The kind of a message as used for filtering and counting. */
export function messageKindOf(message: Pick<ChatMessage, 'service' | 'media'>): MessageKind {
  if (message.service) return 'service';
  return message.media ? message.media.kind : 'text';
}
