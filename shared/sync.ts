import type { ErrorData } from './errors.ts';

/** A background download of a chat (or a date range of it) into the cache. */
export type SyncState = 'idle' | 'running' | 'paused' | 'done' | 'failed' | 'cancelled';

export interface SyncStatus {
  chatId: number;
  state: SyncState;
  /** Inclusive bounds of what is being downloaded; null: the whole chat. */
  from: number | null;
  to: number | null;
  /** Messages stored by this sync so far. */
  fetched: number;
  /** Messages of the chat in the cache now. */
  cached: number;
  /** The source's total where known (for the estimate). */
  total: number | null;
  /** The oldest date reached so far (the sync walks from newest to oldest). */
  reachedDate: number | null;
  /** Set when the sync is waiting for the source (rate limit) until this time, epoch ms. */
  waitingUntil: number | null;
  /** Why it waits, in the source's words ("Telegram asked to wait…", "Waiting for you to allow…"). */
  waitingReason: string | null;
  /** Why it failed, as any call's error crosses: words first, then the code the window acts on. */
  error: ErrorData | null;
  /**
   * Grows with every change, across all syncs: of two statuses of a chat (a pushed event and an answer
   * that crossed it), the one with the larger revision is the newer.
   */
  revision: number;
}
