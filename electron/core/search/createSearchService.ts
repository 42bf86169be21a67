import { topicTitlesOf } from '../cache/topicQueries.ts';
import type {
  SearchFilter,
  SearchHit,
  SearchPage,
  SearchRequest,
  SearchTotal,
  SearchedSource,
  SearchedSpan,
  DateSpanOfChat,
} from '../../../shared/search.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import type { WritableDB } from '../cache/CacheDatabase.ts';
import { findChatIdByKey, getChatRecord, readChatNewestKnownDate, upsertChats, type ChatRecord } from '../cache/chatQueries.ts';
import { findCoverageContaining, listCoverage } from '../cache/coverageQueries.ts';
import { readMessagesByRowId } from '../cache/messageQueries.ts';
import { listSourceRecords } from '../cache/sourceQueries.ts';
import { storeHistoryRun } from '../cache/storeHistoryRun.ts';
import type { HistorySource, SourceGlobalSearchPage } from '../sources/HistorySource.ts';
import type { SourceKind } from '../../../shared/domain.ts';
import { sourceKindName } from '../sources/sourceKindName.ts';
import type { SourceMessage } from '../model/SourceMessage.ts';
import { compileSearchQuery, highlightRanges, type CompiledQuery } from './compileSearchQuery.ts';
import { createSearchMatcher } from './matchesSearchFilter.ts';
import {
  cachedDateSpan,
  cachedMessageCount,
  chatNamesOf,
  countCachedMatchesByIndex,
  estimatedMessageCount,
  countCachedMatchesInDates,
  countIndexCandidates,
  indexMatchesAnywhere,
  planSearch,
  readIndexCandidates,
  searchAllChatsByIndexMembership,
  searchCachedMessages,
  searchCandidatesByDate,
  searchChatInIdOrder,
  type CacheHit,
  type SearchPosition,
} from '../cache/searchQueries.ts';
import { splitByCoverage } from './uncoveredSpans.ts';
import { layOutSearchCoverage, type UncoveredOutcome } from './layOutSearchCoverage.ts';
import { missingSpans, type SearchCoverage } from '../../../shared/searchCoverage.ts';
import { describeSearchQueryNote } from '../../../shared/searchQuery.ts';
import { translator } from '../i18n/createTranslator.ts';
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

/**
 * Rows walked first, per hit the page wants: a term in a quarter of the rows or more fills the page there, one
 * found in none of them is left to the index at once.
 */
const WALK_PROBE_PER_HIT = 4;

/** Rows walked first for a 1–2 character term before its vocabulary is read (which costs as much as its matches). */
const SHORT_WALK_PROBE = 64;

/**
 * Candidates across chats few enough to read and sort by date; more are found walking the date index for them.
 * Sorting reads each candidate's row (about 1.4 µs); the walk reads the date index until the page is found
 * (about 0.1 µs an entry, messages ÷ matches × the page of entries): they cost the same at about √(3.7 ×
 * messages) candidates (1,900 at 1M messages, 6,000 at 10M; measured on the bench's archive).
 */
function fewCandidates(messages: number): number {
  return Math.min(8_000, Math.max(500, Math.round(Math.sqrt(3.7 * messages))));
}

/** Checking a row walked in date order costs about as much as reading this many postings of the index. */
const ROW_COST_IN_POSTINGS = 23;

/** Across chats, checking a row walked costs about as much as finding this many matches of a 1–2 character term. */
const ROW_COST_IN_SHORT_TERM_MATCHES = 6;

/** Slices a count is split into; each is a few tens of milliseconds even on a 1,000,000-message chat. */
const COUNT_SLICES = 32;

/** The query's notes in the words of this process's language (the window reads its own from the query). */
function describedNotes(query: CompiledQuery): string[] {
  const t = translator();
  return query.notes.map((note) => describeSearchQueryNote(note, t));
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function encodeSearchCursor(position: SearchPosition): string {
  return `${position.date}~${position.sortKey}~${position.chatId}`;
}

/** A span as the window shows it: a start at the beginning of time is no start (null). */
function openStart(span: { from: number; to: number }): DateSpanOfChat {
  return { from: span.from === Number.MIN_SAFE_INTEGER ? null : span.from, to: span.to };
}

function decodeSearchCursor(cursor: string | null): SearchPosition | null {
  if (cursor === null) return null;
  const [date = NaN, sortKey = NaN, chatId = NaN] = cursor.split('~').map(Number);
  if (![date, sortKey, chatId].every((n) => Number.isSafeInteger(n)))
    throw new ScrollbackError('INVALID_INPUT', 'The search cursor is not one returned by a search.');
  return { date, sortKey, chatId };
}

/**
 * Few candidates: reading each from the index and sorting them by date is cheaper than walking the date
 * index until `limit` matches turn up. The two costs meet near sqrt(limit × messages / 3) (a candidate's row
 * costs about three rows walked in order); four times that leaves the walk to truly common terms.
 */
function indexCandidateCap(limit: number, messagesInScope: number): number {
  return Math.min(50_000, Math.max(2_000, Math.ceil(4 * Math.sqrt((limit * messagesInScope) / 3))));
}

/** Where a search key of a message is kept: its chat and its source's id. */
function hitKey(chatId: number, messageId: string): string {
  return `${chatId}:${messageId}`;
}

/** The end (exclusive) of the whole second holding `date`: a source dated in seconds has all of it before this. */
function endOfSecond(date: number): number {
  return Math.floor(date / 1000) * 1000 + 1000;
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

  function sourceOf(sourceId: string): HistorySource | null {
    try {
      return deps.sourceFor(sourceId);
    } catch {
      return null;
    }
  }

  /** The asked range split by what is downloaded (one chat). */
  function coverageOf(chat: ChatRecord, filter: SearchFilter) {
    const from = filter.from ?? Number.MIN_SAFE_INTEGER;
    const to = filter.to === null ? now() : filter.to - 1;
    const { covered, uncovered } = splitByCoverage(listCoverage(db, chat.id), from, to);
    return { covered: covered.map(openStart), uncovered };
  }

  /** Stores what a source's search found (not as contiguous history) and notes where it was found. */
  function storeFound(chat: ChatRecord, messages: SourceMessage[], sourceName: string, foundAt: Map<string, string>): void {
    if (messages.length === 0) return;
    storeHistoryRun(db, chat, { messages, coverage: null });
    for (const message of messages) foundAt.set(hitKey(chat.id, message.id), sourceName);
  }

  /** Where a hit was found, when that is worth saying: at its source, and not in the history downloaded here. */
  function foundAtOf(hit: CacheHit, messageId: string, foundAt: ReadonlyMap<string, string>): string | null {
    const sourceName = foundAt.get(hitKey(hit.chatId, messageId));
    if (sourceName === undefined) return null;
    return findCoverageContaining(db, hit.chatId, hit.position) ? null : sourceName;
  }

  /** The name results give the chat's source ("Telegram", "the demo archive"). */
  function sourceNameOf(chat: ChatRecord): string {
    const record = listSourceRecords(db).find((candidate) => candidate.id === chat.sourceId);
    return record ? sourceKindName(record.kind) : 'the source';
  }

  /** The newest message the chat is known to have: past it, a search looks for news, not missing history. */
  function newestKnownOf(chat: ChatRecord): number {
    return readChatNewestKnownDate(db, chat.id) ?? Number.POSITIVE_INFINITY;
  }

  async function searchSourceGaps(
    chat: ChatRecord,
    request: SearchRequest,
    query: CompiledQuery,
    after: SearchPosition | null,
    foundAt: Map<string, string>,
    signal: AbortSignal | undefined,
  ): Promise<{ spans: SearchedSpan[]; incomplete: boolean; coverage: SearchCoverage }> {
    const { covered, uncovered } = coverageOf(chat, request);
    // Read before the source is asked: what it finds is stored and would move the newest known date.
    const newestKnown = newestKnownOf(chat);
    const outcomes: UncoveredOutcome[] = [];
    const layout = (unsearchedBecause: 'unreachable' | 'cannot search') =>
      layOutSearchCoverage({ covered, uncovered: outcomes, newestKnown, sourceName: sourceNameOf(chat), unsearchedBecause });
    const spans: SearchedSpan[] = covered.map((span) => ({ ...span, where: 'cache' }));
    if (uncovered.length === 0) return { spans, incomplete: false, coverage: layout('unreachable') };
    const source = sourceOf(chat.sourceId);
    if (!source?.searchWindow) {
      outcomes.push(...uncovered.map((span) => ({ ...openStart(span), searched: false })));
      return { spans, incomplete: true, coverage: layout(source ? 'cannot search' : 'unreachable') };
    }
    const matcher = createSearchMatcher(request, query, chat.name);
    const matches = (message: SourceMessage) => matcher({ ...message, senderName: message.sender?.name ?? null });
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
              words: query.sourceWords,
              order: request.order,
              limit: request.limit,
              after,
              matches,
            },
            signal,
          )
        ).filter(matches);
        storeFound(chat, found, sourceKindName(source.kind), foundAt);
        spans.push({ ...openStart(span), where: 'source' });
        outcomes.push({ ...openStart(span), searched: true });
      } catch (error) {
        if (error instanceof Error && error.name === 'AbortError') throw new ScrollbackError('CANCELLED', 'The search was cancelled.');
        incomplete = true;
        outcomes.push({ ...openStart(span), searched: false });
      }
    }
    spans.sort((a, b) => (a.from ?? Number.MIN_SAFE_INTEGER) - (b.from ?? Number.MIN_SAFE_INTEGER));
    return { spans, incomplete, coverage: layout('unreachable') };
  }

  /**
   * All-chats search at the sources that can search all their chats (Telegram's messages.searchGlobal), for
   * the words of the query, newest first. What they found is stored, so the cache answers the page; each
   * source's page is cut where its reading stopped (`floor`: it returned nothing older than that), so a page
   * never passes a match the source still has. Sources that cannot are searched in what is cached, and say so.
   */
  async function searchAllSources(
    request: SearchRequest,
    query: CompiledQuery,
    after: SearchPosition | null,
    foundAt: Map<string, string>,
    signal: AbortSignal | undefined,
  ): Promise<{ sources: SearchedSource[]; floor: number | null; incomplete: boolean }> {
    const sources: SearchedSource[] = [];
    let floor: number | null = null;
    let incomplete = false;
    const matchers = new Map<string, ReturnType<typeof createSearchMatcher>>();
    const matches = (message: SourceMessage, chatName: string) => {
      let matcher = matchers.get(chatName);
      if (!matcher) matchers.set(chatName, (matcher = createSearchMatcher(request, query, chatName)));
      return matcher({ ...message, senderName: message.sender?.name ?? null });
    };
    const to = after ? Math.min(request.to ?? Number.POSITIVE_INFINITY, endOfSecond(after.date)) : request.to;
    for (const record of listSourceRecords(db)) {
      if (record.kind === 'import') continue;
      const sourceName = sourceKindName(record.kind);
      if (query.sourceWords === '' || request.order !== 'newest') {
        const reason = query.sourceWords === '' ? 'only words are searched at the source' : 'the source is searched newest first only';
        // Only Telegram's accounts could have been asked (a lazily loaded source cannot tell before it loads).
        if (record.kind === 'telegram') sources.push({ sourceName: record.name, where: 'computer', reason });
        continue;
      }
      const source = sourceOf(record.id);
      let page: SourceGlobalSearchPage | null;
      try {
        page = source?.searchAllChats
          ? await source.searchAllChats(
              {
                words: query.sourceWords,
                from: request.from,
                to: to === Number.POSITIVE_INFINITY ? null : to,
                limit: request.limit,
                matches,
              },
              signal,
            )
          : null;
      } catch (error) {
        if (error instanceof Error && error.name === 'AbortError') throw new ScrollbackError('CANCELLED', 'The search was cancelled.');
        incomplete = true;
        sources.push({ sourceName: record.name, where: 'computer', reason: `${sourceName} could not be reached` });
        continue;
      }
      if (!page) {
        sources.push({ sourceName: record.name, where: 'computer', reason: `${sourceName} cannot search all chats` });
        continue;
      }
      sources.push({ sourceName: record.name, where: 'source', reason: null });
      const byChat = new Map<string, { chat: ChatRecord; messages: SourceMessage[] }>();
      for (const { chat, message } of page.found) {
        let entry = byChat.get(chat.key);
        if (!entry) {
          const chatId = findChatIdByKey(db, record.id, chat.key) ?? upsertChats(db, record.id, [chat])[0];
          if (chatId === undefined)
            throw new ScrollbackError('INTERNAL', `A chat ${record.name} found could not be stored on this computer.`);
          entry = { chat: getChatRecord(db, chatId), messages: [] };
          byChat.set(chat.key, entry);
        }
        entry.messages.push(message);
      }
      for (const { chat, messages } of byChat.values()) storeFound(chat, messages, sourceName, foundAt);
      if (!page.exhausted && page.oldestDate !== null) {
        // A whole page budget inside the cursor's own second cannot move on: answer without a cut, say so.
        if (after && page.oldestDate >= endOfSecond(after.date) - 1000) incomplete = true;
        else floor = Math.max(floor ?? Number.MIN_SAFE_INTEGER, page.oldestDate);
      }
    }
    return { sources, floor, incomplete };
  }

  /** Counts what the index cannot decide by walking the scope's dates in slices, yielding between them. */
  async function countBySlices(
    filter: SearchFilter,
    plan: ReturnType<typeof planSearch>,
    chatId: number | null,
    signal: AbortSignal | undefined,
  ) {
    const span = cachedDateSpan(db, chatId);
    if (!span) return 0;
    // Only the dates asked are walked (the plan checks them on each row as well).
    const first = Math.max(span.first, filter.from ?? span.first);
    const last = Math.min(span.last, filter.to === null ? span.last : filter.to - 1);
    let total = 0;
    const step = Math.max(1, Math.ceil((last + 1 - first) / COUNT_SLICES));
    for (let from = first; from <= last; from += step) {
      total += countCachedMatchesInDates(db, plan, chatId, from, Math.min(from + step, last + 1));
      await yieldToEventLoop();
      signal?.throwIfAborted();
    }
    return total;
  }

  /**
   * One page from the cache, by the plan that costs least for this term:
   * - a term the index has nowhere: nothing, from one lookup;
   * - a probe of the first rows in date order tells a common term (it fills the page there, or within a short
   *   walk at the density found) from the rest (the index in id order is slow for a term that is everywhere:
   *   it reads its postings in other chats' segments to reach this chat's);
   * - one chat: the index in id order, proven to be the chat's position order (searchChatInIdOrder);
   * - across chats: the index's candidates sorted by date when few, else the date index walked keeping them;
   * - one chat otherwise: its candidates sorted by date when few, else a walk of its dates checking each row.
   */
  function findCachedPage(
    filter: SearchFilter,
    query: CompiledQuery,
    chatId: number | null,
    options: { order: 'newest' | 'oldest'; limit: number; after: SearchPosition | null },
  ): CacheHit[] {
    // A 1–2 character term is left to the row check first: its vocabulary costs as much as its matches.
    const quick = planSearch(db, filter, query.root, { expandShortTerms: false });
    // Found nowhere in the index: nothing, from one lookup.
    if (quick.none || (quick.index !== null && !indexMatchesAnywhere(db, quick.index))) return [];
    const walk = (walkBudget: number) => searchCachedMessages(db, quick, chatId, { ...options, viaIndex: false, walkBudget });
    // A term the index has somewhere gets a probe long enough to fill the page where it is common (the walk
    // stops at the page); a 1–2 character term, not yet looked up, a short one (it may be nowhere).
    const probed = quick.index === null && quick.shortTerms ? SHORT_WALK_PROBE : WALK_PROBE_PER_HIT * options.limit;
    const probe = walk(probed);
    if (probe.length === options.limit) return probe;
    const seen = probe.length;
    if (seen > 0) {
      // Rows the page takes at the probe's density, twice over, against what the index would read: for a
      // 1–2 character term its vocabulary (about its matches in the whole archive), else its candidates.
      const rows = Math.ceil((2 * probed * options.limit) / seen);
      const matches = (seen / probed) * (quick.shortTerms || chatId === null ? estimatedMessageCount(db) : cachedMessageCount(db, chatId));
      // Across chats a 1–2 character term's matches are read three times (its vocabulary, the query over its
      // trigrams, the walk keeping them): each costs a sixth of a row walked, not a 23rd.
      const rowCost = quick.shortTerms && chatId === null ? ROW_COST_IN_SHORT_TERM_MATCHES : ROW_COST_IN_POSTINGS;
      if (rows * rowCost < matches) {
        const walked = walk(rows);
        if (walked.length === options.limit) return walked;
      }
    }
    const plan = quick.shortTerms ? planSearch(db, filter, query.root) : quick;
    if (plan.index === null) return searchCachedMessages(db, plan, chatId, { ...options, viaIndex: false });
    if (chatId === null) {
      // Across chats: few candidates, read once, are sorted by date; many are found walking the date index.
      const few = fewCandidates(estimatedMessageCount(db));
      const candidates = readIndexCandidates(db, plan, few + 1);
      return candidates.length <= few
        ? searchCandidatesByDate(db, plan, candidates, options)
        : searchAllChatsByIndexMembership(db, plan, options);
    }
    const inIdOrder = searchChatInIdOrder(db, plan, chatId, options);
    if (inIdOrder) return inIdOrder;
    let cap = 0;
    const candidates = countIndexCandidates(db, plan, chatId, () => {
      cap = indexCandidateCap(options.limit, cachedMessageCount(db, chatId));
      return cap + 1;
    });
    // No candidate: the index has answered "nothing" already, without a walk.
    if (candidates === 0) return [];
    return searchCachedMessages(db, plan, chatId, { ...options, viaIndex: candidates <= cap });
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
      let incomplete: boolean;
      let coverage: SearchCoverage | null = null;
      let sources: SearchedSource[] = [];
      let floor: number | null = null;
      const foundAt = new Map<string, string>();
      if (chat) {
        ({ spans, incomplete, coverage } = await searchSourceGaps(chat, request, query, after, foundAt, signal));
      } else {
        if (request.from !== null || request.to !== null) spans = [{ from: request.from, to: request.to ?? now(), where: 'cache' }];
        ({ sources, floor, incomplete } = await searchAllSources(request, query, after, foundAt, signal));
      }
      signal?.throwIfAborted();
      // Below the floor a source may hold matches it has not returned yet: this page stops above it.
      const scoped = floor === null ? request : { ...request, from: Math.max(request.from ?? Number.MIN_SAFE_INTEGER, floor + 1) };
      const page = findCachedPage(scoped, query, request.chatId, { order: request.order, limit: request.limit, after });
      const names = chatNamesOf(
        db,
        page.map((hit) => hit.chatId),
      );
      const messages = readMessagesByRowId(
        db,
        page.map((hit) => hit.rowId),
      );
      const topicTitles = topicTitlesOf(
        db,
        messages.flatMap((message) => (message.topicId ? [{ chatId: message.chatId, topicId: message.topicId }] : [])),
      );
      const results: SearchHit[] = page.map((hit, index) => {
        const message = messages[index];
        if (!message) throw new ScrollbackError('INTERNAL', 'A message the search found was not there when it was read.');
        return {
          message,
          chatName: names.get(hit.chatId) ?? '',
          highlights: highlightRanges(message.text, query.terms),
          foundAt: foundAtOf(hit, message.id, foundAt),
          topicTitle: message.topicId ? (topicTitles.get(`${hit.chatId}:${message.topicId}`) ?? null) : null,
        };
      });
      let nextCursor: string | null = null;
      const last = page.at(-1);
      if (page.length === request.limit && last) nextCursor = encodeSearchCursor(last.position);
      // Cut at a source's floor: the next page starts there (everything dated at the floor and older).
      else if (floor !== null)
        nextCursor = encodeSearchCursor({ date: floor, sortKey: Number.MAX_SAFE_INTEGER, chatId: Number.MAX_SAFE_INTEGER });
      return { hits: results, nextCursor, searched: spans, incomplete, sources, coverage };
    },
    async count(filter, signal) {
      const query = compileSearchQuery(filter.query);
      const plan = planSearch(db, filter, query.root);
      const byIndex = countCachedMatchesByIndex(db, plan, filter.chatId);
      const onComputer = byIndex ?? (await countBySlices(filter, plan, filter.chatId, signal));
      // Only a query a source can count exactly as asked (its words, nothing else) gets its count.
      const countable =
        query.sourceWords !== '' &&
        query.root !== null &&
        (query.root.type === 'text' || (query.root.type === 'and' && query.root.children.every((node) => node.type === 'text'))) &&
        filter.from === null &&
        filter.to === null &&
        filter.sender.trim() === '' &&
        filter.kinds.length === 0;
      const askSource = async <T>(ask: () => Promise<T>): Promise<T | null> => {
        try {
          return await ask();
        } catch (error) {
          if (error instanceof Error && error.name === 'AbortError') throw new ScrollbackError('CANCELLED', 'The count was cancelled.');
          return null;
        }
      };
      if (filter.chatId === null) {
        // Each account that can count all its chats (Telegram's messages.searchGlobal `count`), summed.
        const counts: Array<{ count: number; kind: SourceKind }> = [];
        for (const record of countable ? listSourceRecords(db) : []) {
          const source = record.kind === 'import' ? null : sourceOf(record.id);
          if (!source?.searchAllChats) continue;
          const answer = await askSource(
            async () =>
              (await source.searchAllChats?.({ words: query.sourceWords, from: null, to: null, limit: 1, matches: () => true }, signal)) ??
              null,
          );
          if (answer?.count != null) counts.push({ count: answer.count, kind: record.kind });
        }
        const [first] = counts;
        const atSource: SearchTotal['atSource'] =
          first === undefined
            ? null
            : { count: counts.reduce((sum, { count }) => sum + count, 0), sourceName: sourceKindName(first.kind), scope: 'all chats' };
        return { onComputer, atSource, notDownloaded: [], notes: describedNotes(query) };
      }
      const chat = getChatRecord(db, filter.chatId);
      // History not downloaded, as the search model lays it out (news past the newest known message is not).
      const { covered, uncovered } = coverageOf(chat, filter);
      const uncoveredOpen = missingSpans(
        layOutSearchCoverage({
          covered,
          uncovered: uncovered.map((span) => ({ ...openStart(span), searched: false })),
          newestKnown: newestKnownOf(chat),
          sourceName: sourceNameOf(chat),
          unsearchedBecause: 'unreachable',
        }),
      ).map(({ from, to }) => ({ from, to }));
      let atSource: SearchTotal['atSource'] = null;
      const source = sourceOf(chat.sourceId);
      if (source?.countMatches && countable && uncoveredOpen.length > 0) {
        const count = await askSource(
          async () => (await source.countMatches?.({ key: chat.sourceKey, peer: chat.peer }, query.sourceWords, signal)) ?? null,
        );
        if (count !== null) atSource = { count, sourceName: sourceKindName(source.kind), scope: 'chat' };
      }
      return { onComputer, atSource, notDownloaded: uncoveredOpen, notes: describedNotes(query) };
    },
  };
}
