import type { SourceTopic } from '../cache/topicQueries.ts';
import type { SourceKind } from '../../../shared/domain.ts';
import type { SourceChat } from '../model/SourceChat.ts';

export type { SourceChat };
import type { MessagePosition } from '../../../shared/cursor.ts';
import type { MediaLocator, SourceMedia, SourceMessage } from '../model/SourceMessage.ts';
import type { MediaVariant } from '../../../shared/domain.ts';
import type { SearchFilter } from '../../../shared/search.ts';

/** How the engine names a chat to its source. */
export interface SourceChatRef {
  key: string;
  peer: unknown;
}

/**
 * One contiguous run of a chat's history, as a source returns it (any order). Contiguous means: no message
 * of the chat lies between two returned messages. An empty page in the older (newer) direction means the
 * oldest (newest) message has been passed.
 */
export interface SourcePage {
  messages: SourceMessage[];
  /** The run starts at the first message of the chat. */
  reachedOldest: boolean;
  /** The run ends at the newest message the source has. */
  reachedNewest: boolean;
  /** The source's total count of the chat when it says it. */
  totalCount?: number | null;
}

export type AroundTarget = { date: number } | { messageId: string };

/** A search of one date window of a chat at its source (for the parts the cache does not hold). */
export interface SourceSearchRequest {
  /** Inclusive bounds, epoch ms. */
  from: number;
  to: number;
  /** What was typed (the engine's rules; see `matches`). */
  filter: SearchFilter;
  /** Words every match contains, for sources with their own word search (Telegram's messages.search); '' for none. */
  words: string;
  order: 'newest' | 'oldest';
  limit: number;
  /** Only messages strictly after this position in `order`. */
  after: Pick<MessagePosition, 'date' | 'sortKey'> | null;
  /** The exact rules; the engine applies them again to whatever comes back. */
  matches(message: SourceMessage): boolean;
}

/**
 * A search of every chat of a source at once (Telegram's messages.searchGlobal), newest first. The source
 * may read several of its pages; what it did not return is older than `oldestDate`.
 */
export interface SourceGlobalSearchRequest {
  /** Words every match contains (the source's word search); never ''. */
  words: string;
  /** Inclusive start and exclusive end, epoch ms; null: open. */
  from: number | null;
  to: number | null;
  /** At least this many matches, unless the source runs out first (or its page budget does). */
  limit: number;
  /** The exact rules (for a message of the chat named so), applied to what comes back; the engine applies them again. */
  matches(message: SourceMessage, chatName: string): boolean;
}

export interface SourceGlobalSearchPage {
  /** Matches with the chat each is in (listed with it, so a chat not listed here yet can be added). */
  found: Array<{ chat: SourceChat; message: SourceMessage }>;
  /** The source has nothing older to return for this search. */
  exhausted: boolean;
  /** The date of the oldest message the source returned (matching or not), epoch ms; null when none. */
  oldestDate: number | null;
  /** The source's count of matches in all its chats, when it says one. */
  count: number | null;
}

/** One file a source can send: a message's thumbnail or whole file, or (message id '') the chat's photo. */
export interface SourceMediaRequest {
  messageId: string;
  /** The medium as stored, with the source's locator; null for the chat's photo. */
  media: SourceMedia | null;
  /** For the chat's photo: the locator the source gave with the chat. */
  avatarLocator?: MediaLocator | undefined;
  variant: MediaVariant;
}

/** Where a download's bytes go, in order (the media store hashes them as they come). */
export interface SourceMediaSink {
  write(chunk: Uint8Array): Promise<void>;
  readonly received: number;
}

export interface SourceMediaOptions {
  signal?: AbortSignal;
  onProgress?(received: number, total: number | null): void;
  /** The source asked to wait (a flood wait) until this time, epoch ms, for this reason in words. */
  onWaiting?(until: number, reason: string): void;
  /** The source had to fetch the message again (an expired file reference): its fresh media, to store. */
  onFreshMedia?(media: SourceMedia): void;
}

/** A page of a source's chat list, and where the next starts (opaque; null: the list is complete). */
export interface SourceChatPage {
  chats: SourceChat[];
  next: string | null;
}

/** Which chats of a source a pushed change concerns. */
export type LiveChatScope =
  | { chatKey: string }
  /** Every chat whose key starts with one of these (Telegram: private chats and basic groups share one id space). */
  | { chatKeyPrefixes: readonly string[] }
  | 'all';

/**
 * A change the source pushed while the app runs (Telegram's updates), in the order it happened there.
 * `interrupted` says changes may have been missed for those chats (a reconnect, a gap in Telegram's update
 * sequence): what was known to be the newest there is no longer known to be.
 */
export type LiveChange =
  | { kind: 'messages'; chatKey: string; messages: SourceMessage[]; edited: boolean }
  | { kind: 'deleted'; ids: string[]; where: LiveChatScope }
  | { kind: 'interrupted'; where: LiveChatScope };

/**
 * The one seam between the engine and the outside world: every source (demo, Telegram, RyzeAPI, imported
 * files) implements this, and tests replace the outside world behind it.
 * Positions passed in are exclusive: the message at `point` is not returned.
 */
export interface HistorySource {
  readonly id: string;
  readonly kind: SourceKind;
  /**
   * Everything this source has is in the cache already (imported files): the engine serves its chats from
   * the cache alone and never asks it for pages.
   */
  readonly holdsOnlyTheCache?: boolean;
  listChats(signal?: AbortSignal): Promise<SourceChat[]>;
  /**
   * The chat list a page at a time from `cursor` (null: the start), for a whole-account backup that stores
   * each page before the next (a kill midway goes on from there). `includeLeft`: also the chats one has left,
   * where the source can list them (Telegram: in a takeout session). Sources with short lists leave it out.
   */
  listChatPage?(cursor: string | null, options: { includeLeft: boolean }, signal?: AbortSignal): Promise<SourceChatPage>;
  getLatest(chat: SourceChatRef, limit: number, signal?: AbortSignal): Promise<SourcePage>;
  getOlder(chat: SourceChatRef, point: MessagePosition, limit: number, signal?: AbortSignal): Promise<SourcePage>;
  getNewer(chat: SourceChatRef, point: MessagePosition, limit: number, signal?: AbortSignal): Promise<SourcePage>;
  /** About `limit` messages around the target: the target (or the first message at/after the date) included. */
  getAround(chat: SourceChatRef, target: AroundTarget, limit: number, signal?: AbortSignal): Promise<SourcePage>;
  /** Matches in a date window, in order, at most `limit`. Sources without a search leave it out. */
  searchWindow?(chat: SourceChatRef, request: SourceSearchRequest, signal?: AbortSignal): Promise<SourceMessage[]>;
  /** When the chat's first message was sent (the chat's lifetime for the coverage bar); null when it cannot say. */
  firstMessageDate?(chat: SourceChatRef, signal?: AbortSignal): Promise<number | null>;
  /**
   * The messages with these ids that the source still has (the originals of reply quotes whose message is
   * not loaded); ids it no longer has are left out. Sources that cannot fetch by id leave it out.
   */
  getMessagesByIds?(chat: SourceChatRef, ids: readonly string[], signal?: AbortSignal): Promise<SourceMessage[]>;
  /**
   * Matches in every chat of the source, newest first; resolves null when the source cannot search all its
   * chats at once (its chats are then searched in what is cached).
   */
  searchAllChats?(request: SourceGlobalSearchRequest, signal?: AbortSignal): Promise<SourceGlobalSearchPage | null>;
  /**
   * How many of the chat's messages are dated at or after each date (one request per date), for the
   * calendar's days not downloaded; null where the source cannot say. Sources that cannot count leave it out.
   */
  countMessagesSince?(chat: SourceChatRef, dates: readonly number[], signal?: AbortSignal): Promise<Array<number | null>>;
  /** A forum chat's topics (Telegram's messages.getForumTopics). Sources without forums leave it out. */
  listTopics?(chat: SourceChatRef, signal?: AbortSignal): Promise<SourceTopic[]>;
  /** How many messages of the whole chat the source's own search finds for these words; null when it cannot say. */
  countMatches?(chat: SourceChatRef, words: string, signal?: AbortSignal): Promise<number | null>;
  /**
   * Listens to the source's pushed changes until `signal` aborts; resolves true once listening (from then on,
   * every change reaches `onChange` in order, or an `interrupted` says some may not have). Sources that
   * push nothing leave it out or resolve false (they are polled).
   */
  watch?(onChange: (change: LiveChange) => void, signal: AbortSignal): Promise<boolean>;
  /**
   * Sends one file into `sink` and says its type; null when the source has no such file (never sent, or
   * not kept there). Sources without media leave it out.
   */
  downloadMedia?(
    chat: SourceChatRef,
    request: SourceMediaRequest,
    sink: SourceMediaSink,
    options: SourceMediaOptions,
  ): Promise<{ mimeType: string } | null>;
}
