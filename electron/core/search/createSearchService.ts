import type { SearchFilter, SearchHit, SearchPage, SearchRequest, SearchedSpan } from '../../../shared/search.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import type { WritableDB } from '../cache/CacheDatabase.ts';
import { getChatRecord, listChatSummaries, type ChatRecord } from '../cache/chatQueries.ts';
import { listCoverage } from '../cache/coverageQueries.ts';
import { readMessagesByRowId } from '../cache/messageQueries.ts';
import { storeHistoryRun } from '../cache/storeHistoryRun.ts';
import type { HistorySource } from '../sources/HistorySource.ts';
import { compileSearchQuery, highlightRanges } from './compileSearchQuery.ts';
import { createSearchMatcher } from './matchesSearchFilter.ts';
import {
  cachedDateSpan,
  candidateIds,
  countCachedMatches,
  searchCachedChat,
  type CacheHit,
  type SearchPosition,
} from '../cache/searchQueries.ts';
import { splitByCoverage } from './uncoveredSpans.ts';

export interface SearchService {
  search(request: SearchRequest, signal?: AbortSignal): Promise<SearchPage>;
  /**
   * How many cached messages match (the panel's total); a separate call so first results never wait for it.
   * Counted in time slices with a yield between them, so other requests are answered while it runs.
   */
  count(filter: SearchFilter, signal?: AbortSignal): Promise<number>;
}

/** Slices a count is split into; each is a few tens of milliseconds even on a 1,000,000-message chat. */
const COUNT_SLICES = 32;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function encodeSearchCursor(position: SearchPosition): string {
  return `${position.date}~${position.sortKey}~${position.chatId}`;
}

function decodeSearchCursor(cursor: string | null): SearchPosition | null {
  if (cursor === null) return null;
  const [date, sortKey, chatId] = cursor.split('~').map(Number);
  if (![date, sortKey, chatId].every((n) => Number.isSafeInteger(n)))
    throw new ScrollbackError('INVALID_INPUT', 'The search cursor is not one returned by a search.');
  return { date: date!, sortKey: sortKey!, chatId: chatId! };
}

function compare(a: SearchPosition, b: SearchPosition): number {
  return a.date - b.date || a.sortKey - b.sortKey || a.chatId - b.chatId;
}

/**
 * Date-range search over the cache and, for one chat, over the date spans the cache does not cover, at the
 * chat's source. Source matches are stored (not as contiguous history) and the cache then answers the whole
 * page, so merging, de-duplication and order come from one query. No match is skipped: a source window cut
 * at `limit` stores `limit` matches that all come before whatever it did not return, so the first `limit`
 * merged hits never reach past it; the next page asks the source again from there.
 */
export function createSearchService(deps: {
  db: WritableDB;
  sourceFor(sourceId: string): HistorySource;
  now?: () => number;
}): SearchService {
  const { db } = deps;
  const now = deps.now ?? Date.now;

  async function searchSourceGaps(
    chat: ChatRecord,
    request: SearchRequest,
    after: SearchPosition | null,
    signal: AbortSignal | undefined,
  ): Promise<{ spans: SearchedSpan[]; incomplete: boolean }> {
    const from = request.from ?? Number.MIN_SAFE_INTEGER;
    const to = request.to === null ? now() : request.to - 1;
    const { covered, uncovered } = splitByCoverage(listCoverage(db, chat.id), from, to);
    const openStart = (span: { from: number; to: number }) => ({
      from: span.from === Number.MIN_SAFE_INTEGER ? null : span.from,
      to: span.to,
    });
    const spans: SearchedSpan[] = covered.map((span) => ({ ...openStart(span), where: 'cache' }));
    let source: HistorySource;
    try {
      source = deps.sourceFor(chat.sourceId);
    } catch {
      return { spans, incomplete: uncovered.length > 0 };
    }
    if (!source.searchWindow) return { spans, incomplete: uncovered.length > 0 };
    const matches = createSearchMatcher(request, compileSearchQuery(request.query));
    let incomplete = false;
    for (const span of uncovered) {
      try {
        const found = (
          await source.searchWindow(
            { key: chat.sourceKey, peer: chat.peer },
            {
              from: span.from,
              to: span.to,
              filter: request,
              order: request.order,
              limit: request.limit,
              after,
              matches,
            },
            signal,
          )
        ).filter(matches);
        storeHistoryRun(db, chat, { messages: found, coverage: null });
        spans.push({ ...openStart(span), where: 'source' });
      } catch (error) {
        if (error instanceof Error && error.name === 'AbortError') throw new ScrollbackError('CANCELLED', 'The search was cancelled.');
        incomplete = true;
      }
    }
    spans.sort((a, b) => (a.from ?? Number.MIN_SAFE_INTEGER) - (b.from ?? Number.MIN_SAFE_INTEGER));
    return { spans, incomplete };
  }

  /** The chats a filter covers: its one chat, or all of them (checked to exist). */
  function chatsInScope(chatId: number | null): Array<{ id: number; name: string }> {
    if (chatId === null) return listChatSummaries(db).map(({ id, name }) => ({ id, name }));
    const chat = getChatRecord(db, chatId);
    return [{ id: chat.id, name: chat.name }];
  }

  return {
    async search(request, signal) {
      const query = compileSearchQuery(request.query);
      const after = decodeSearchCursor(request.cursor);
      const chats = chatsInScope(request.chatId);
      let spans: SearchedSpan[] = [];
      let incomplete = false;
      if (request.chatId !== null) {
        ({ spans, incomplete } = await searchSourceGaps(getChatRecord(db, request.chatId), request, after, signal));
      } else if (request.from !== null || request.to !== null) {
        spans = [{ from: request.from, to: request.to ?? now(), where: 'cache' }];
      }
      const candidates = candidateIds(db, query);
      const sign = request.order === 'newest' ? -1 : 1;
      const hits: CacheHit[] = [];
      for (const chat of chats) {
        hits.push(...searchCachedChat(db, chat.id, request, query, { order: request.order, limit: request.limit, after, candidates }));
      }
      hits.sort((a, b) => sign * compare(a.position, b.position));
      const page = hits.slice(0, request.limit);
      const names = new Map(chats.map((chat) => [chat.id, chat.name]));
      const messages = readMessagesByRowId(
        db,
        page.map((hit) => hit.rowId),
      );
      const results: SearchHit[] = page.map((hit, index) => ({
        message: messages[index]!,
        chatName: names.get(hit.chatId) ?? '',
        highlights: highlightRanges(messages[index]!.text, query.terms),
      }));
      const more = page.length === request.limit;
      return {
        hits: results,
        nextCursor: more && page.length > 0 ? encodeSearchCursor(page[page.length - 1]!.position) : null,
        searched: spans,
        incomplete,
      };
    },
    async count(filter, signal) {
      const query = compileSearchQuery(filter.query);
      let total = 0;
      for (const { id: chatId } of chatsInScope(filter.chatId)) {
        const span = cachedDateSpan(db, chatId, filter);
        if (!span) continue;
        const step = Math.max(1, Math.ceil((span.last + 1 - span.first) / COUNT_SLICES));
        for (let from = span.first; from <= span.last; from += step) {
          total += countCachedMatches(db, chatId, { ...filter, from, to: Math.min(from + step, span.last + 1) }, query);
          await yieldToEventLoop();
          signal?.throwIfAborted();
        }
      }
      return total;
    },
  };
}
