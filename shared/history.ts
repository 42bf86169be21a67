import type { ChatMessage } from './domain.ts';
import type { HistoryCursor } from './cursor.ts';
import type { ErrorData } from './errors.ts';

/** Where a page of history is taken from. Cursors are exclusive: the named message is not in the page. */
export type HistoryAnchor =
  | { kind: 'latest' }
  | { kind: 'before'; cursor: HistoryCursor }
  | { kind: 'after'; cursor: HistoryCursor }
  | { kind: 'aroundDate'; date: number }
  | { kind: 'aroundMessage'; messageId: string };

export interface HistoryRequest {
  chatId: number;
  anchor: HistoryAnchor;
  limit: number;
  /** One forum topic's messages on this computer (the topic's id); absent or null: the whole chat. */
  topicId?: string | null;
}

/** Enough of the message just before a page to draw day separators and sender groups across the seam. */
export interface PreviousMessageSummary {
  date: number;
  senderId: string | null;
  service: boolean;
}

export interface HistoryPage {
  /** Oldest first. Always one contiguous run of history: never spans a gap. */
  messages: ChatMessage[];
  /** Pass to `before` for the next older page; null when the page is empty. */
  olderCursor: HistoryCursor | null;
  /** Pass to `after` for the next newer page; null when the page is empty. */
  newerCursor: HistoryCursor | null;
  /** The first message of the chat is in this page (or the chat is empty). */
  reachedOldest: boolean;
  /** The newest message known to the source is in this page. */
  reachedNewest: boolean;
  /**
   * For `around*` anchors: index in `messages` of the target (the message, or the first message at or after
   * the date; `messages.length` when every message is older). Null for the other anchors.
   */
  anchorIndex: number | null;
  /**
   * The message just before `messages[0]`, so the first row looks the same whichever window it is loaded
   * in. Null when `messages[0]` is the first message of the chat, or when it could not be learned (offline).
   */
  previous: PreviousMessageSummary | null;
  /** True when the source could not be reached and the page came from the cache alone. */
  offline: boolean;
  /** Why, when `offline`: the source's error (unreachable, no credential, rate limited…). */
  offlineReason: ErrorData | null;
}

export const MAX_PAGE_SIZE = 500;
