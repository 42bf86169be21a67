import type {
  SearchFilter,
  SearchHit,
  SearchPage,
  SearchRequest,
  SearchTotal,
  SearchedSpan,
  DateSpanOfChat,
} from '../../../shared/search.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import type { WritableDB } from '../cache/CacheDatabase.ts';
import { getChatRecord, readChatNewestKnownDate, type ChatRecord } from '../cache/chatQueries.ts';
import { listCoverage } from '../cache/coverageQueries.ts';
import { readMessagesByRowId } from '../cache/messageQueries.ts';
import { storeHistoryRun } from '../cache/storeHistoryRun.ts';
import type { HistorySource } from '../sources/HistorySource.ts';
import type { SourceMessage } from '../model/SourceMessage.ts';
import { compileSearchQuery, highlightRanges, type CompiledQuery } from './compileSearchQuery.ts';
import { createSearchMatcher } from './matchesSearchFilter.ts';
import {
  cachedDateSpan,
  cachedMessageCount,
  chatNamesOf,
  countCachedMatchesByIndex,
  countCachedMatchesInDates,
  countIndexCandidates,
  planSearch,
  searchCachedMessages,
  type SearchPosition,
} from '../cache/searchQueries.ts';
import { splitByCoverage } from './uncoveredSpans.ts';
import { senderNamesContaining } from '../cache/senderQueries.ts';

export interface SearchService {
  search(request: SearchRequest, signal?: AbortSignal): Promise<SearchPage>;
  /**
   * What the total is: matches on this computer (from the index, restricted to the chats asked), the
   * source's own count where it can count, and what is not downloaded. A separate call so first results
   * never wait for it; a count the index cannot answer is walked in slices with a yield between them.
   */
  count(filter: SearchFilter, signal?: AbortSignal): Promise<SearchTotal>;
  /** Sender names for `from:` (of the chat's source, or of all sources). */
  suggestSenders(chatId: number | null, text: string): string[];
}

/** Rows a page with a 1–2 character term walks before it asks the index's vocabulary instead. */
const SHORT_TERM_WALK = 4_000;

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

/**
 * Few candidates: reading each from the index and sorting them by date is cheaper than walking the date
 * index until `limit` matches turn up. The two costs meet near sqrt(limit × messages / 3) (a candidate's row
 * costs about three rows walked in order); four times that leaves the walk to truly common terms.
 */
function indexCandidateCap(limit: number, messagesInScope: number): number {
  return Math.min(50_000, Math.max(2_000, Math.ceil(4 * Math.sqrt((limit * messagesInScope) / 3))));
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

  function sourceOf(chat: ChatRecord): HistorySource | null {
    try {
      return deps.sourceFor(chat.sourceId);
    } catch {
      return null;
    }
  }

  /** The asked range split by what is downloaded (one chat). */
  function coverageOf(chat: ChatRecord, filter: SearchFilter) {
    const from = filter.from ?? Number.MIN_SAFE_INTEGER;
    const to = filter.to === null ? now() : filter.to - 1;
    const openStart = (span: { from: number; to: number }): DateSpanOfChat => ({
      from: span.from === Number.MIN_SAFE_INTEGER ? null : span.from,
      to: span.to,
    });
    const { covered, uncovered } = splitByCoverage(listCoverage(db, chat.id), from, to);
    return { covered: covered.map(openStart), uncovered, uncoveredOpen: uncovered.map(openStart) };
  }

  async function searchSourceGaps(
    chat: ChatRecord,
    request: SearchRequest,
    query: CompiledQuery,
    after: SearchPosition | null,
    signal: AbortSignal | undefined,
  ): Promise<{ spans: SearchedSpan[]; incomplete: boolean }> {
    const { covered, uncovered, uncoveredOpen } = coverageOf(chat, request);
    const spans: SearchedSpan[] = covered.map((span) => ({ ...span, where: 'cache' }));
    const source = sourceOf(chat);
    if (!source?.searchWindow) return { spans, incomplete: uncovered.length > 0 };
    const matcher = createSearchMatcher(request, query, chat.name);
    const matches = (message: SourceMessage) => matcher({ ...message, senderName: message.sender?.name ?? null });
    let incomplete = false;
    for (const [index, span] of uncovered.entries()) {
      try {
        const found = (
          await source.searchWindow(
            { key: chat.sourceKey, peer: chat.peer },
            {
              from: span.from,
              to: span.to,
              filter: request,
              words: query.sourceWords,
              order: request.order,
              limit: request.limit,
              after,
              matches,
            },
            signal,
          )
        ).filter(matches);
        storeHistoryRun(db, chat, { messages: found, coverage: null });
        spans.push({ ...uncoveredOpen[index]!, where: 'source' });
      } catch (error) {
        if (error instanceof Error && error.name === 'AbortError') throw new ScrollbackError('CANCELLED', 'The search was cancelled.');
        incomplete = true;
      }
    }
    spans.sort((a, b) => (a.from ?? Number.MIN_SAFE_INTEGER) - (b.from ?? Number.MIN_SAFE_INTEGER));
    return { spans, incomplete };
  }

  /** Counts what the index cannot decide by walking the scope's dates in slices, yielding between them. */
  async function countBySlices(plan: ReturnType<typeof planSearch>, chatId: number | null, signal: AbortSignal | undefined) {
    const span = cachedDateSpan(db, chatId);
    if (!span) return 0;
    let total = 0;
    const step = Math.max(1, Math.ceil((span.last + 1 - span.first) / COUNT_SLICES));
    for (let from = span.first; from <= span.last; from += step) {
      total += countCachedMatchesInDates(db, plan, chatId, from, Math.min(from + step, span.last + 1));
      await yieldToEventLoop();
      signal?.throwIfAborted();
    }
    return total;
  }

  return {
    suggestSenders(chatId, text) {
      return senderNamesContaining(db, chatId === null ? null : getChatRecord(db, chatId).sourceId, text, 8);
    },
    async search(request, signal) {
      const query = compileSearchQuery(request.query);
      const after = decodeSearchCursor(request.cursor);
      const chat = request.chatId === null ? null : getChatRecord(db, request.chatId);
      let spans: SearchedSpan[] = [];
      let incomplete = false;
      if (chat) {
        ({ spans, incomplete } = await searchSourceGaps(chat, request, query, after, signal));
      } else if (request.from !== null || request.to !== null) {
        spans = [{ from: request.from, to: request.to ?? now(), where: 'cache' }];
      }
      signal?.throwIfAborted();
      const options = { order: request.order, limit: request.limit, after };
      // A 1–2 character term is usually common: a short walk in date order fills the page before its
      // vocabulary (which costs as much as its matches) could be read. Only a page it does not fill goes on.
      const quick = planSearch(db, request, query.root, { expandShortTerms: false });
      const walked = quick.shortTerms
        ? searchCachedMessages(db, quick, request.chatId, { ...options, viaIndex: false, walkBudget: SHORT_TERM_WALK })
        : [];
      let page = walked;
      if (walked.length < request.limit) {
        const plan = quick.shortTerms ? planSearch(db, request, query.root) : quick;
        const cap = indexCandidateCap(request.limit, cachedMessageCount(db, request.chatId));
        const candidates = plan.index === null ? Number.POSITIVE_INFINITY : countIndexCandidates(db, plan, request.chatId, cap + 1);
        // No candidate: the index has answered "nothing" already, without a walk.
        page = candidates === 0 ? [] : searchCachedMessages(db, plan, request.chatId, { ...options, viaIndex: candidates <= cap });
      }
      const names = chatNamesOf(
        db,
        page.map((hit) => hit.chatId),
      );
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
      const plan = planSearch(db, filter, query.root);
      const byIndex = countCachedMatchesByIndex(db, plan, filter.chatId);
      const onComputer = byIndex ?? (await countBySlices(plan, filter.chatId, signal));
      if (filter.chatId === null) return { onComputer, atSource: null, notDownloaded: [], notes: query.notes };
      const chat = getChatRecord(db, filter.chatId);
      // History not downloaded: gaps up to the chat's newest known message (what came after it is news
      // since the chat was listed, asked of the source by each search, not history missing here).
      const newestKnown = readChatNewestKnownDate(db, chat.id) ?? Number.POSITIVE_INFINITY;
      const uncoveredOpen = coverageOf(chat, filter)
        .uncoveredOpen.filter((span) => span.from === null || span.from < newestKnown)
        .map((span) => ({ ...span, to: Math.min(span.to, newestKnown) }));
      let atSource: SearchTotal['atSource'] = null;
      const source = sourceOf(chat);
      // Only a query the source can count exactly as asked (its words, nothing else) gets its count.
      const plainWords =
        query.sourceWords !== '' &&
        query.root !== null &&
        (query.root.type === 'text' || (query.root.type === 'and' && query.root.children.every((node) => node.type === 'text')));
      const unfiltered = filter.from === null && filter.to === null && filter.sender.trim() === '' && filter.kinds.length === 0;
      if (source?.countMatches && plainWords && unfiltered && uncoveredOpen.length > 0) {
        try {
          const count = await source.countMatches({ key: chat.sourceKey, peer: chat.peer }, query.sourceWords, signal);
          if (count !== null) atSource = { count, sourceName: source.kind === 'telegram' ? 'Telegram' : source.kind };
        } catch (error) {
          if (error instanceof Error && error.name === 'AbortError') throw new ScrollbackError('CANCELLED', 'The count was cancelled.');
        }
      }
      return { onComputer, atSource, notDownloaded: uncoveredOpen, notes: query.notes };
    },
  };
}
