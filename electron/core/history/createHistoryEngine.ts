import { readTopicPage } from './readTopicPage.ts';
import { decodeHistoryCursor } from './decodeHistoryCursor.ts';
import type { HistoryPage, HistoryRequest, PreviousMessageSummary } from '../../../shared/history.ts';
import { comparePositions, encodeCursor, type MessagePosition } from '../../../shared/cursor.ts';
import { ScrollbackError, toErrorData, type ErrorData } from '../../../shared/errors.ts';
import type { WritableDB } from '../cache/CacheDatabase.ts';
import { getChatRecord, type ChatRecord } from '../cache/chatQueries.ts';
import { findCoverageAfter, findCoverageContaining, findNewestCoverage, type CoverageRange } from '../cache/coverageQueries.ts';
import {
  findMessageAt,
  findMessagePosition,
  selectMessagesAfter,
  selectMessagesBefore,
  type StoredMessage,
} from '../cache/messageQueries.ts';
import { boundsOf, storeHistoryRunWhenFree, type StoredRun } from '../cache/storeHistoryRun.ts';
import { cacheErrorOf } from '../cache/cacheErrors.ts';
import type { AroundTarget, HistorySource, SourceChatRef, SourcePage } from '../sources/HistorySource.ts';
import { translator } from '../i18n/createTranslator.ts';

type Point = Pick<MessagePosition, 'date' | 'sortKey'>;

export interface HistoryEngineDeps {
  db: WritableDB;
  /** The live source of a chat; throws SOURCE_NOT_FOUND when the source is not set up. */
  sourceFor(sourceId: string): HistorySource;
  /** Called for a source failure the engine recovered from (served the cache instead). */
  onSourceError?: (error: unknown, chat: ChatRecord) => void;
  /**
   * Called after a page from the source was stored (the chat's counts and coverage may have changed), with
   * what else it changed (edits seen, deletions found).
   */
  onStored?: (chatId: number, stored: StoredRun) => void;
  /**
   * The chat's newest message as pushed updates prove it (null: not known to be current): a newer page
   * that reaches it is answered from the cache without asking the source whether there is more.
   */
  provenNewest?: (chatId: number) => MessagePosition | null;
}

export interface HistoryEngine {
  getHistoryPage(request: HistoryRequest, signal?: AbortSignal): Promise<HistoryPage>;
}

/**
 * A source can return short pages mid-history; the engine asks again a few times to fill one page, then
 * returns what it has (the caller pages on) rather than hold the window for long.
 */
const MAX_SOURCE_CALLS_PER_PAGE = 4;

/**
 * Pages through any chat. A window that lies inside a covered run is served from the cache by keyset; what
 * is missing is fetched from the chat's source, stored together with the coverage it proves, and then
 * served from the cache. A page never crosses from one covered run into another: a gap between runs is
 * fetched, not skipped.
 */
export function createHistoryEngine(deps: HistoryEngineDeps): HistoryEngine {
  const { db } = deps;

  async function fetchAndStore(
    chat: ChatRecord,
    fetch: (source: HistorySource, ref: SourceChatRef) => Promise<SourcePage>,
    coverageFor: (page: SourcePage) => CoverageRange | null,
    /** The frontier the page was asked from (it holds what is older, or newer): the run's proof reaches it. */
    boundary?: MessagePosition,
  ): Promise<SourcePage> {
    const source = deps.sourceFor(chat.sourceId);
    const page = await fetch(source, { key: chat.sourceKey, peer: chat.peer });
    let stored: StoredRun;
    try {
      // Another process's import may hold the write lock: wait for it off the event loop (transactions.ts).
      stored = await storeHistoryRunWhenFree(db, chat, {
        messages: page.messages,
        coverage: coverageFor(page),
        ...(boundary ? { boundary } : {}),
        reachesNewest: page.reachedNewest,
        totalCount: page.totalCount,
      });
    } catch (error) {
      // Not the source's failure: a full disk or a damaged cache is said as such, never as an outage.
      throw new CacheFailure(cacheErrorOf(db, error) ?? error);
    }
    deps.onStored?.(chat.id, stored);
    return page;
  }

  /** True for a source whose every message is already in the cache (imported files): never asked for pages. */
  function sourceHoldsOnlyTheCache(chat: ChatRecord): boolean {
    try {
      return deps.sourceFor(chat.sourceId).holdsOnlyTheCache === true;
    } catch {
      return false;
    }
  }

  /** Messages strictly older than `point`, filling from the source until `limit` or the oldest message. */
  async function older(chat: ChatRecord, point: MessagePosition, limit: number, signal?: AbortSignal) {
    let sourceError: unknown = null;
    for (let call = 0; ; call++) {
      const range = findCoverageContaining(db, chat.id, point);
      const rows = range ? selectMessagesBefore(db, chat.id, point, range.from, limit) : [];
      // Fewer rows than asked means the query stopped at the start of the covered run.
      const atRunStart = range !== null && rows.length < limit;
      const reachedOldest = range !== null && range.reachesOldest && (atRunStart || isAt(rows[rows.length - 1], range.from));
      if (rows.length === limit || reachedOldest || call >= MAX_SOURCE_CALLS_PER_PAGE || sourceError) {
        if (sourceError && rows.length === 0 && !reachedOldest) throw sourceError;
        return { rows: rows.reverse(), reachedOldest, offline: reasonOf(sourceError) };
      }
      const frontier: MessagePosition = range ? positionOf(chat.id, range.from, rows[rows.length - 1], point) : point;
      try {
        await fetchAndStore(
          chat,
          // One more than the page needs: the message before the page's first comes in the same request, so
          // `previous` never costs a second one (at Telegram's pace, a second of waiting).
          (source, ref) => source.getOlder(ref, frontier, limit > 1 ? limit + 1 : limit, signal),
          (page) => {
            const bounds = boundsOf(page.messages);
            const reachesOldest = page.reachedOldest || page.messages.length === 0;
            return { from: bounds ? bounds.oldest : frontier, to: frontier, reachesOldest };
          },
          frontier,
        );
      } catch (error) {
        sourceError = handleSourceError(error, chat, signal);
      }
    }
  }

  /** Messages strictly newer than `point`, filling from the source until `limit` or the newest message. */
  async function newer(chat: ChatRecord, point: MessagePosition, limit: number, signal?: AbortSignal) {
    let sourceError: unknown = null;
    let reachedNewest = sourceHoldsOnlyTheCache(chat);
    for (let call = 0; ; call++) {
      const range = findCoverageContaining(db, chat.id, point);
      const rows = range ? selectMessagesAfter(db, chat.id, point, range.to, limit) : [];
      const proven = deps.provenNewest?.(chat.id) ?? null;
      if (range && proven && rows.length < limit && comparePositions(range.to, proven) === 0) reachedNewest = true;
      if (rows.length === limit || reachedNewest || call >= MAX_SOURCE_CALLS_PER_PAGE || sourceError) {
        if (sourceError && rows.length === 0) throw sourceError;
        return { rows, reachedNewest: reachedNewest && rows.length < limit, offline: reasonOf(sourceError) };
      }
      const frontier: MessagePosition = range ? positionOf(chat.id, range.to, rows[rows.length - 1], point) : point;
      try {
        const page = await fetchAndStore(
          chat,
          (source, ref) => source.getNewer(ref, frontier, limit, signal),
          (page) => {
            const bounds = boundsOf(page.messages);
            return { from: frontier, to: bounds ? bounds.newest : frontier, reachesOldest: false };
          },
          frontier,
        );
        reachedNewest = page.reachedNewest || page.messages.length === 0;
      } catch (error) {
        sourceError = handleSourceError(error, chat, signal);
      }
    }
  }

  async function latest(chat: ChatRecord, limit: number, signal?: AbortSignal): Promise<Omit<HistoryPage, 'previous'>> {
    let newestRange: CoverageRange | null;
    let offline: ErrorData | null = null;
    let reachedNewest = false;
    if (sourceHoldsOnlyTheCache(chat)) {
      newestRange = findNewestCoverage(db, chat.id);
      if (!newestRange) return emptyPage(true, true);
      reachedNewest = true;
    } else {
      try {
        const page = await fetchAndStore(
          chat,
          (source, ref) => source.getLatest(ref, limit + 1, signal),
          (page) => {
            const bounds = boundsOf(page.messages);
            return bounds ? { from: bounds.oldest, to: bounds.newest, reachesOldest: page.reachedOldest } : null;
          },
        );
        const bounds = boundsOf(page.messages);
        if (!bounds) return emptyPage(true, true);
        newestRange = findCoverageContaining(db, chat.id, bounds.newest);
        reachedNewest = true;
      } catch (error) {
        const failure = handleSourceError(error, chat, signal);
        newestRange = findNewestCoverage(db, chat.id);
        if (!newestRange) throw failure;
        offline = reasonOf(failure);
      }
    }
    if (!newestRange) throw new ScrollbackError('INTERNAL', translator()('error.history.newestCoverage'));
    let rows = selectMessagesBefore(db, chat.id, justAfter(newestRange.to), newestRange.from, limit).reverse();
    let reachedOldest = newestRange.reachesOldest && (rows.length < limit || isAt(rows[0], newestRange.from));
    // A source may answer the newest page short (whole seconds only, or a short page mid-history): top it
    // up from the older side, so a newest page is as full as any other.
    const oldestRow = rows[0];
    if (oldestRow && rows.length < limit && !reachedOldest && !offline) {
      try {
        const more = await older(chat, oldestRow.position, limit - rows.length, signal);
        rows = more.rows.concat(rows);
        reachedOldest = more.reachedOldest;
      } catch {
        // Keep the shorter page; the next older page will ask again.
      }
    }
    return toPage(rows, { reachedOldest, reachedNewest, anchorIndex: null, offline });
  }

  /** A window of `limit` around `target`: the first half older than it, the rest at or after it. */
  async function around(
    chat: ChatRecord,
    knownTarget: Point | null,
    limit: number,
    fetchTarget: AroundTarget,
    signal?: AbortSignal,
  ): Promise<Omit<HistoryPage, 'previous'>> {
    let target = knownTarget ?? { date: 0, sortKey: 0 };
    let range = knownTarget ? coverageAround(chat.id, knownTarget) : null;
    let sourceSaysNewest = false;
    if (!range) {
      try {
        const page = await fetchAndStore(
          chat,
          (source, ref) => source.getAround(ref, fetchTarget, limit + 2, signal),
          (page) => {
            const bounds = boundsOf(page.messages);
            return bounds ? { from: bounds.oldest, to: bounds.newest, reachesOldest: page.reachedOldest } : null;
          },
        );
        const bounds = boundsOf(page.messages);
        if (!bounds) return emptyPage(true, true, 0);
        sourceSaysNewest = page.reachedNewest;
        if ('messageId' in fetchTarget) {
          const found = findMessagePosition(db, chat.id, fetchTarget.messageId);
          if (!found) throw messageNotFound(fetchTarget.messageId);
          target = found;
        }
        // The source's window may not reach before the target (a window of one, or the chat's first day):
        // then the run holding the first message at or after the target, as the source placed it, is used.
        const firstAtOrAfter = page.messages.reduce<Point | null>(
          (best, message) => (comparePositions(message, target) >= 0 && (!best || comparePositions(message, best) < 0) ? message : best),
          null,
        );
        range = coverageAround(chat.id, target) ?? findCoverageContaining(db, chat.id, firstAtOrAfter ?? bounds.newest);
      } catch (error) {
        throw handleSourceError(error, chat, signal);
      }
      if (!range) throw new ScrollbackError('INTERNAL', translator()('error.history.windowCoverage'));
    }
    const half = Math.floor(limit / 2);
    const before = selectMessagesBefore(db, chat.id, target, range.from, half).reverse();
    const atOrAfter = selectMessagesAfter(db, chat.id, justBefore(target), range.to, limit - before.length);
    const rows = before.concat(atOrAfter);
    const reachedOldest = range.reachesOldest && (before.length < half || isAt(rows[0], range.from));
    const reachedNewest = sourceSaysNewest && atOrAfter.length < limit - before.length;
    // A jump either reaches the source or fails: it is never served offline.
    return toPage(rows, { reachedOldest, reachedNewest, anchorIndex: before.length, offline: null });
  }

  /**
   * The covered run that holds `target` with its older side known: the run contains it and starts before
   * it, or starts the chat at it.
   */
  function coverageAround(chatId: number, target: Point): CoverageRange | null {
    const range = findCoverageContaining(db, chatId, target);
    if (range) return comparePositions(range.from, target) < 0 || range.reachesOldest ? range : null;
    // A target before the first message of the chat falls at the start of the run that begins the chat.
    const next = findCoverageAfter(db, chatId, target);
    return next && next.reachesOldest ? next : null;
  }

  /** The full position (with id, which id-based sources page by) of a run's endpoint. */
  function positionOf(chatId: number, endpoint: Point, lastRow: StoredMessage | undefined, cursor: MessagePosition): MessagePosition {
    if (lastRow && comparePositions(lastRow.position, endpoint) === 0) return lastRow.position;
    if (comparePositions(cursor, endpoint) === 0) return cursor;
    return findMessageAt(db, chatId, endpoint) ?? cursor;
  }

  /**
   * What a failed source request means for the page. A cancelled one (the window moved on, a download was
   * paused) ends the call at once: it is not an outage, and nothing is served "offline" in its place.
   */
  function handleSourceError(error: unknown, chat: ChatRecord, signal: AbortSignal | undefined): unknown {
    // A damaged archive stores nothing more but still shows what it holds, as when the source is offline.
    if (error instanceof CacheFailure) {
      if (error.reason instanceof ScrollbackError && error.reason.code === 'DB_CORRUPT') return error.reason;
      throw error.reason;
    }
    if (signal?.aborted || signalAborted(error)) throw new ScrollbackError('CANCELLED', translator()('error.request.cancelled'));
    if (!(error instanceof ScrollbackError)) deps.onSourceError?.(error, chat);
    return error instanceof ScrollbackError
      ? error
      : new ScrollbackError('SOURCE_UNAVAILABLE', translator()('error.history.unreachable', { chat: chat.name }), { cause: error });
  }

  function messageNotFound(messageId: string): ScrollbackError {
    return new ScrollbackError('MESSAGE_NOT_FOUND', translator()('error.history.noMessage', { id: messageId }));
  }

  /**
   * The message before the page's first, from the cache, or fetched from the source when the page starts a
   * covered run (one small request; it is then cached too). Null at the start of the chat or when unknown.
   */
  async function previousOf(
    chat: ChatRecord,
    page: Omit<HistoryPage, 'previous'>,
    signal?: AbortSignal,
  ): Promise<PreviousMessageSummary | null> {
    if (page.reachedOldest || !page.olderCursor) return null;
    const first = decodeHistoryCursor(page.olderCursor);
    const range = findCoverageContaining(db, chat.id, first);
    let previous = range ? selectMessagesBefore(db, chat.id, first, range.from, 1)[0] : undefined;
    if (!previous && !(range?.reachesOldest && comparePositions(range.from, first) === 0)) {
      try {
        previous = (await older(chat, first, 1, signal)).rows[0];
      } catch {
        return null;
      }
    }
    return previous
      ? { date: previous.message.date, senderId: previous.message.senderId, service: previous.message.service !== null }
      : null;
  }

  async function pageFor(chat: ChatRecord, request: HistoryRequest, signal?: AbortSignal): Promise<Omit<HistoryPage, 'previous'>> {
    const { anchor, limit } = request;
    switch (anchor.kind) {
      case 'latest':
        return latest(chat, limit, signal);
      case 'before': {
        const point = decodeHistoryCursor(anchor.cursor);
        const { rows, reachedOldest, offline } = await older(chat, point, limit, signal);
        return toPage(rows, { reachedOldest, reachedNewest: false, anchorIndex: null, offline });
      }
      case 'after': {
        const point = decodeHistoryCursor(anchor.cursor);
        const { rows, reachedNewest, offline } = await newer(chat, point, limit, signal);
        return toPage(rows, { reachedOldest: false, reachedNewest, anchorIndex: null, offline });
      }
      case 'aroundDate':
        return around(chat, { date: anchor.date, sortKey: Number.MIN_SAFE_INTEGER + 1 }, limit, { date: anchor.date }, signal);
      case 'aroundMessage': {
        const position = findMessagePosition(db, chat.id, anchor.messageId);
        return around(chat, position, limit, { messageId: anchor.messageId }, signal);
      }
    }
  }

  return {
    async getHistoryPage(request, signal) {
      const chat = getChatRecord(db, request.chatId);
      if (request.topicId) return readTopicPage(db, chat.id, request.topicId, request.anchor, request.limit);
      const page = await pageFor(chat, request, signal);
      return { ...page, previous: await previousOf(chat, page, signal) };
    },
  };
}

/** The position just before / just after a point, for turning inclusive bounds into exclusive ones. */
function justBefore(point: Point): Point {
  return point.sortKey > Number.MIN_SAFE_INTEGER
    ? { date: point.date, sortKey: point.sortKey - 1 }
    : { date: point.date - 1, sortKey: Number.MAX_SAFE_INTEGER };
}
function justAfter(point: Point): Point {
  return point.sortKey < Number.MAX_SAFE_INTEGER
    ? { date: point.date, sortKey: point.sortKey + 1 }
    : { date: point.date + 1, sortKey: Number.MIN_SAFE_INTEGER };
}

/** A failure to store what the source sent, carried past the source-error handling unchanged. */
class CacheFailure extends Error {
  readonly reason: unknown;
  constructor(reason: unknown) {
    super('cache failure');
    this.reason = reason;
  }
}

function signalAborted(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

function isAt(row: StoredMessage | undefined, point: Point): boolean {
  return row !== undefined && comparePositions(row.position, point) === 0;
}

function emptyPage(reachedOldest: boolean, reachedNewest: boolean, anchorIndex: number | null = null): Omit<HistoryPage, 'previous'> {
  return {
    messages: [],
    olderCursor: null,
    newerCursor: null,
    reachedOldest,
    reachedNewest,
    anchorIndex,
    offline: false,
    offlineReason: null,
  };
}

function reasonOf(error: unknown): ErrorData | null {
  return error === null || error === undefined ? null : toErrorData(error);
}

function toPage(
  rows: StoredMessage[],
  flags: { reachedOldest: boolean; reachedNewest: boolean; anchorIndex: number | null; offline: ErrorData | null },
): Omit<HistoryPage, 'previous'> {
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    messages: rows.map((row) => row.message),
    olderCursor: first ? encodeCursor(first.position) : null,
    newerCursor: last ? encodeCursor(last.position) : null,
    reachedOldest: flags.reachedOldest,
    reachedNewest: flags.reachedNewest,
    anchorIndex: flags.anchorIndex,
    offline: flags.offline !== null,
    offlineReason: flags.offline,
  };
}
