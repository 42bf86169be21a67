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
 * A media file that came with an imported export and is on this computer. The window shows it through
 * `media/<chatId>/<messageId>`, which main answers only for files an import recorded.
 */
export interface LocalMediaFile {
  localFile?: string;
}

export type Media =
  | ({ kind: 'photo'; width: number; height: number } & LocalMediaFile)
  | ({ kind: 'video'; width: number; height: number; durationS: number; round?: boolean } & LocalMediaFile)
  | ({ kind: 'gif'; width: number; height: number } & LocalMediaFile)
  | ({ kind: 'sticker'; width: number; height: number; emoji?: string } & LocalMediaFile)
  | ({ kind: 'voice'; durationS: number } & LocalMediaFile)
  | ({ kind: 'audio'; durationS: number; title?: string; performer?: string } & LocalMediaFile)
  | ({ kind: 'file'; fileName: string; size: number; mimeType?: string } & LocalMediaFile)
  | { kind: 'poll'; question: string; options: string[]; closed: boolean }
  | { kind: 'location'; latitude: number; longitude: number; title?: string }
  | { kind: 'contact'; name: string; phone: string }
  | { kind: 'webpage'; url: string; title?: string }
  | { kind: 'other'; label: string };

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
}

/** The kind of a message as used for filtering and counting. */
export function messageKindOf(message: Pick<ChatMessage, 'service' | 'media'>): MessageKind {
  if (message.service) return 'service';
  return message.media ? message.media.kind : 'text';
}
