import { comparePositions, type MessagePosition } from '../../../shared/cursor.ts';
import type { WritableDB } from '../cache/CacheDatabase.ts';
import { countChatChangesSince, getChatRecord, getChatSummary, listChatsKeptCurrent, recordChatRefreshed } from '../cache/chatQueries.ts';
import { findCoverageContaining, findNewestCoverage } from '../cache/coverageQueries.ts';
import { boundsOf, storeHistoryRun, type StoredRun } from '../cache/storeHistoryRun.ts';
import type { HistorySource, SourcePage } from '../sources/HistorySource.ts';
import { inBackground } from '../sources/requestPriority.ts';

export interface RefreshOptions {
  /** How far back from the newest message edits and deletions are looked for (days). */
  recheckDays: number;
  /** At most this many pages of that window are fetched again (the window is bounded by both). */
  recheckPages: number;
}

export const DEFAULT_REFRESH_OPTIONS: RefreshOptions = { recheckDays: 7, recheckPages: 3 };

/** What one refresh of a chat found. */
export interface RefreshResult {
  chatId: number;
  /** Messages new to this computer. */
  added: number;
  edited: number;
  deleted: number;
  /** The oldest date whose messages were compared with the source again; null when nothing was. */
  recheckedFrom: number | null;
}

export interface RefreshServiceDeps {
  db: WritableDB;
  sourceFor(sourceId: string): HistorySource;
  /** Hears what every stored page changed (and that the newest page proved the chat's newest message). */
  onStored(chatId: number, stored: StoredRun): void;
  now?(): number;
  options?: Partial<RefreshOptions>;
}

export interface RefreshService {
  /** Brings one chat up to date: the newest stretch since the last refresh, then the bounded re-check. */
  refresh(chatId: number, signal?: AbortSignal): Promise<RefreshResult>;
  /** Refreshes every chat kept up to date, least recently refreshed first, one at a time, in the background. */
  refreshAll(signal?: AbortSignal, onResult?: (result: RefreshResult) => void): Promise<RefreshResult[]>;
}

const PAGE = 100;
const DAY_MS = 86_400_000;

type Point = MessagePosition;

/**
 * Keeps an archive current with few requests. A refresh asks the source for the newest page; if it does not
 * reach what was cached before (more arrived than a page), it walks back until the new stretch joins the old
 * one (each page a request of new history). Then it fetches again a bounded recent window,
 * at most `recheckPages` pages reaching back `recheckDays` from the newest message, and stores each page with
 * the coverage it proves: edits there keep the earlier version, and messages missing there are marked
 * deleted at the source. Nothing older is asked for. All of it is background work for the source's scheduler.
 */
export function createRefreshService(deps: RefreshServiceDeps): RefreshService {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const options = { ...DEFAULT_REFRESH_OPTIONS, ...deps.options };

  async function refresh(chatId: number, signal?: AbortSignal): Promise<RefreshResult> {
    const chat = getChatRecord(db, chatId);
    const source = deps.sourceFor(chat.sourceId);
    const ref = { key: chat.sourceKey, peer: chat.peer };
    const result: RefreshResult = { chatId, added: 0, edited: 0, deleted: 0, recheckedFrom: null };
    if (source.holdsOnlyTheCache) return result;
    const startedAt = now();
    const cachedBefore = getChatSummary(db, chatId).cachedCount;
    const previousNewest = findNewestCoverage(db, chatId)?.to ?? null;

    /** Stores one page fetched again with the coverage it proves (edits and deletions in it are found). */
    const store = (page: SourcePage, to: Point | null): { oldest: Point | null; reachedOldest: boolean } => {
      const bounds = boundsOf(page.messages);
      const reachesOldest = page.reachedOldest || (to !== null && page.messages.length === 0);
      const stored = storeHistoryRun(db, chat, {
        messages: page.messages,
        coverage: bounds ? { from: bounds.oldest, to: to ?? bounds.newest, reachesOldest } : to ? { from: to, to, reachesOldest } : null,
        // Asked for what is older than `to`: the page proves the stretch up to it.
        ...(to ? { boundary: to } : {}),
        reachesNewest: to === null,
        totalCount: page.totalCount,
        seenAt: now(),
      });
      deps.onStored(chatId, stored);
      const oldest = bounds ? { date: bounds.oldest.date, sortKey: bounds.oldest.sortKey, id: bounds.oldest.id } : null;
      if (oldest) result.recheckedFrom = oldest.date;
      return { oldest, reachedOldest: reachesOldest };
    };

    const latest = await source.getLatest(ref, PAGE, signal);
    let { oldest: frontier, reachedOldest } = store(latest, null);
    const newest = boundsOf(latest.messages)?.newest;
    if (!newest || !previousNewest) return finish(result, cachedBefore, startedAt);
    // More arrived than one page: walk back until the new stretch joins what was cached (each page new history).
    const joined = () => {
      const run = findCoverageContaining(db, chatId, previousNewest);
      return run !== null && comparePositions(run.to, newest) >= 0;
    };
    while (frontier && !reachedOldest && !joined()) {
      signal?.throwIfAborted();
      const point = frontier;
      ({ oldest: frontier, reachedOldest } = store(await source.getOlder(ref, point, PAGE, signal), point));
    }
    // The bounded re-check: recent pages fetched again, though cached, to compare them with the source.
    const floorDate = newest.date - options.recheckDays * DAY_MS;
    for (let fetched = 0; frontier && !reachedOldest && fetched < options.recheckPages && frontier.date > floorDate; fetched++) {
      signal?.throwIfAborted();
      const point = frontier;
      ({ oldest: frontier, reachedOldest } = store(await source.getOlder(ref, point, PAGE, signal), point));
    }
    return finish(result, cachedBefore, startedAt);
  }

  /** Counts what changed in the chat since the refresh began (its pages, and anything pushed meanwhile) and records it. */
  function finish(result: RefreshResult, cachedBefore: number, startedAt: number): RefreshResult {
    const changes = countChatChangesSince(db, result.chatId, startedAt);
    result.added = getChatSummary(db, result.chatId).cachedCount - cachedBefore;
    result.edited = changes.edited;
    result.deleted = changes.deleted;
    recordChatRefreshed(db, result.chatId, now());
    return result;
  }

  return {
    refresh: (chatId, signal) => inBackground(() => refresh(chatId, signal)),
    async refreshAll(signal, onResult) {
      const results: RefreshResult[] = [];
      for (const chatId of listChatsKeptCurrent(db)) {
        signal?.throwIfAborted();
        try {
          const result = await inBackground(() => refresh(chatId, signal));
          results.push(result);
          onResult?.(result);
        } catch (error) {
          if (signal?.aborted) throw error;
          // One unreachable chat (a source logged out, offline) does not hold up the others.
        }
      }
      return results;
    },
  };
}
