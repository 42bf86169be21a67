import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SearchKind, SearchRequest } from '../../../shared/search.ts';
import { searchKinds } from '../../../shared/search.ts';
import { messageKindOf } from '../../../shared/domain.ts';
import { foldForSearch } from '../../../electron/core/text/foldForSearch.ts';
import type { SourceMessage } from '../../../electron/core/model/SourceMessage.ts';
import { createEngineHarness } from '../../support/engineHarness.ts';
import { allDemoMessages, cacheWholeDemoChat } from '../../support/cacheDemoChat.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import { storeHistoryRun } from '../../../electron/core/cache/storeHistoryRun.ts';
import { markDeletedByIds } from '../../../electron/core/cache/messageQueries.ts';
import { getChatRecord } from '../../../electron/core/cache/chatQueries.ts';
import { createSearchService } from '../../../electron/core/search/createSearchService.ts';
import { createDemoSource } from '../../../electron/core/sources/demo/createDemoSource.ts';
import { formatSearchQuery, periodOf, type QueryNode } from '../../../shared/searchQuery.ts';
import { arbitrarySearchQuery } from '../../support/arbitrarySearchQuery.ts';

const tempFolder = useTempFolder();

/** The rules, written out again as plainly as possible: the search must agree with this scan. */
function bruteForce(messages: Array<SourceMessage & { chatId: number }>, request: SearchRequest): string[] {
  const terms = foldForSearch(request.query).split(/\s+/u).filter(Boolean);
  const sender = foldForSearch(request.sender.trim());
  const kindOk = (m: SourceMessage) => {
    if (request.kinds.length === 0) return true;
    const kind = messageKindOf(m);
    const map: Record<string, string[]> = {
      text: ['text'],
      photo: ['photo'],
      video: ['video', 'gif'],
      voice: ['voice', 'audio'],
      file: ['file'],
      poll: ['poll'],
      service: ['service'],
    };
    const link = m.entities.some((e) => e.type === 'link' || e.type === 'textLink') || kind === 'webpage';
    return request.kinds.some((k) => (k === 'link' ? link : map[k]!.includes(kind)));
  };
  const matched = messages.filter(
    (m) =>
      (request.chatId === null || m.chatId === request.chatId) &&
      (request.from === null || m.date >= request.from) &&
      (request.to === null || m.date < request.to) &&
      (sender === '' || (m.sender !== null && foldForSearch(m.sender.name).includes(sender))) &&
      kindOk(m) &&
      terms.every((t) => foldForSearch(m.text).includes(t)),
  );
  const sign = request.order === 'newest' ? -1 : 1;
  matched.sort((a, b) => sign * (a.date - b.date || a.sortKey - b.sortKey || a.chatId - b.chatId));
  return matched.map((m) => `${m.chatId}:${m.id}`);
}

const vocabulary = [
  '',
  'the',
  'train',
  'CAFÉ',
  'cafe',
  'ok',
  'e',
  'you',
  'meeting notes',
  'zzz',
  'שלום',
  '你好',
  'MAÑANA',
  'é',
  'on my way',
  'npm',
  '👍',
  'thanks fixed',
  'Jürgen',
];
const senders = ['', 'ana', 'Chen', '陈', 'émile', 'EMILE', 'you', 'nobody'];

/** The query language's rules, written out plainly again (not the engine's matcher): what a query admits. */
function admits(node: QueryNode, m: SourceMessage, chatName: string): boolean {
  const kind = messageKindOf(m);
  const fold = foldForSearch;
  switch (node.type) {
    case 'text':
      return fold(m.text).includes(fold(node.value));
    case 'from':
      return node.value === 'me' ? m.out : m.sender !== null && fold(m.sender.name).includes(fold(node.value.replace(/^@/, '')));
    case 'in':
      return fold(chatName).includes(fold(node.value));
    case 'date': {
      const period = periodOf(node.value)!;
      if (node.op === 'before') return m.date < period.start;
      if (node.op === 'after') return m.date >= period.end;
      return m.date >= period.start && m.date < period.end;
    }
    case 'has': {
      const link = m.entities.some((e) => e.type === 'link' || e.type === 'textLink') || kind === 'webpage';
      const kinds: Record<string, string[]> = {
        photo: ['photo'],
        video: ['video', 'gif'],
        voice: ['voice', 'audio'],
        file: ['file'],
        poll: ['poll'],
        media: ['photo', 'video', 'gif', 'sticker', 'voice', 'audio', 'file'],
      };
      return node.value === 'link' ? link : kinds[node.value]!.includes(kind);
    }
    case 'is':
      return node.value === 'edited'
        ? m.editDate !== null
        : node.value === 'forwarded'
          ? m.forward !== null
          : node.value === 'reply'
            ? m.replyToId !== null
            : node.value === 'deleted'
              ? m.deletedAt != null
              : kind === 'service';
    case 'not':
      return !admits(node.child, m, chatName);
    case 'and':
      return node.children.every((child) => admits(child, m, chatName));
    case 'or':
      return node.children.some((child) => admits(child, m, chatName));
  }
}

describe('search over the cache', () => {
  it('property: a query in the search language (operators, phrases, -not, OR, groups) returns what a brute-force scan does, in order', async () => {
    const { db, chatIdByKey } = await createEngineHarness(tempFolder());
    const family = chatIdByKey('family');
    const design = chatIdByKey('design');
    const names = new Map([
      [family, 'Family 🏡'],
      [design, 'Design Team'],
    ]);
    const cached = [
      ...cacheWholeDemoChat(db, family, 'family').map((m) => ({ ...m, chatId: family })),
      ...cacheWholeDemoChat(db, design, 'design').map((m) => ({ ...m, chatId: design })),
    ];
    // Some deleted at the source (kept, marked), for `is:deleted`.
    const deletedAt = Date.UTC(2026, 0, 1);
    for (const chatId of [family, design])
      markDeletedByIds(
        db,
        chatId,
        cached.filter((m) => m.chatId === chatId && Number(m.id) % 97 === 0).map((m) => m.id),
        deletedAt,
      );
    const all = cached.map((m) => (Number(m.id) % 97 === 0 ? { ...m, deletedAt } : m));
    const service = createSearchService({ db, sourceFor: () => createDemoSource() });
    const queries = arbitrarySearchQuery({
      words: ['the', 'train', 'café', 'ok', 'e', 'é', '你好', '👍', 'meeting notes', 'zzq', 'on my way', 'a', 'qx'],
      senders: ['me', 'ana', 'Chen', '@dana', 'émile', 'nobody'],
      chats: ['family', 'design', 'team', 'nothing like it'],
      dates: ['2021', '2023-03', '2024-02-29', '2019-12', '2026'],
    });
    await fc.assert(
      fc.asyncProperty(
        queries,
        fc.constantFrom(family, design, null),
        fc.constantFrom('newest' as const, 'oldest' as const),
        async (query, chatId, order) => {
          const request: SearchRequest = {
            chatId,
            from: null,
            to: null,
            query: formatSearchQuery(query),
            sender: '',
            kinds: [],
            order,
            limit: 40,
            cursor: null,
          };
          const sign = order === 'newest' ? -1 : 1;
          const expected = all
            .filter((m) => (chatId === null || m.chatId === chatId) && admits(query, m, names.get(m.chatId)!))
            .sort((a, b) => sign * (a.date - b.date || a.sortKey - b.sortKey || a.chatId - b.chatId))
            .map((m) => `${m.chatId}:${m.id}`);
          const got: string[] = [];
          for (let page = 0; page < 2; page++) {
            const result = await service.search(request);
            got.push(...result.hits.map((hit) => `${hit.message.chatId}:${hit.message.id}`));
            if (!result.nextCursor) break;
            request.cursor = result.nextCursor;
          }
          expect(got, request.query).toEqual(expected.slice(0, 80));
          const { order: _order, limit: _limit, cursor: _cursor, ...filter } = request;
          expect((await service.count(filter)).onComputer, request.query).toBe(expected.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('property: returns exactly what a brute-force scan returns, in the same order, page after page', async () => {
    const { db, chatIdByKey } = await createEngineHarness(tempFolder());
    const family = chatIdByKey('family');
    const design = chatIdByKey('design');
    const all = [
      ...cacheWholeDemoChat(db, family, 'family').map((m) => ({ ...m, chatId: family })),
      ...cacheWholeDemoChat(db, design, 'design').map((m) => ({ ...m, chatId: design })),
    ];
    const service = createSearchService({ db, sourceFor: () => createDemoSource() });
    const start = Date.parse('2018-01-01T00:00:00Z');
    const end = Date.parse('2027-01-01T00:00:00Z');
    const request = fc.record({
      chatId: fc.constantFrom(family, design, null),
      from: fc.option(fc.integer({ min: start, max: end }), { nil: null }),
      span: fc.integer({ min: 1, max: 4 * 365 * 86_400_000 }),
      openEnded: fc.boolean(),
      query: fc.constantFrom(...vocabulary),
      sender: fc.constantFrom(...senders),
      kinds: fc.subarray([...searchKinds] as SearchKind[], { maxLength: 3 }),
      order: fc.constantFrom('newest' as const, 'oldest' as const),
      limit: fc.integer({ min: 1, max: 80 }),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const full: SearchRequest = {
          chatId: r.chatId,
          from: r.from,
          to: r.from === null || r.openEnded ? null : r.from + r.span,
          query: r.query,
          sender: r.sender,
          kinds: r.kinds,
          order: r.order,
          limit: r.limit,
          cursor: null,
        };
        const expected = bruteForce(all, full);
        const got: string[] = [];
        for (let page = 0; page < 3; page++) {
          const result = await service.search(full);
          got.push(...result.hits.map((hit) => `${hit.message.chatId}:${hit.message.id}`));
          if (!result.nextCursor) break;
          full.cursor = result.nextCursor;
        }
        expect(got).toEqual(expected.slice(0, got.length));
        expect(got.length).toBe(Math.min(expected.length, 3 * r.limit));
        expect((await service.count({ ...full, cursor: null } as SearchRequest)).onComputer).toBe(expected.length);
      }),
      { numRuns: 120 },
    );
  });

  it('a total over a whole chat on this computer says nothing is missing; a chat with a gap names it', async () => {
    const { db, chatIdByKey } = await createEngineHarness(tempFolder());
    const family = chatIdByKey('family');
    const messages = cacheWholeDemoChat(db, family, 'family');
    const service = createSearchService({ db, sourceFor: () => createDemoSource() });
    const filter = { chatId: family, from: null, to: null, query: 'train', sender: '', kinds: [] };
    const whole = await service.count(filter);
    expect(whole.onComputer).toBe(messages.filter((m) => foldForSearch(m.text).includes('train')).length);
    expect(whole.notDownloaded).toEqual([]);
    // Only the newest half downloaded: the older half is named as not searched.
    const design = chatIdByKey('design');
    const all = allDemoMessages('design');
    const newest = all.slice(all.length / 2);
    storeHistoryRun(db, getChatRecord(db, design), {
      messages: newest,
      coverage: { from: newest[0]!, to: newest[newest.length - 1]!, reachesOldest: false },
    });
    const half = await service.count({ ...filter, chatId: design });
    expect(half.notDownloaded).toEqual([{ from: null, to: newest[0]!.date }]);
  });

  it('lays out what a search covered: a whole chat here is all here (news asked of the source is not missing), a gap is searched at the source or said not searched', async () => {
    const { db, chatIdByKey } = await createEngineHarness(tempFolder());
    const ana = chatIdByKey('ana');
    cacheWholeDemoChat(db, ana, 'ana');
    const request: SearchRequest = {
      chatId: ana,
      from: null,
      to: null,
      query: 'good',
      sender: '',
      kinds: [],
      order: 'newest',
      limit: 20,
      cursor: null,
    };
    const service = createSearchService({ db, sourceFor: () => createDemoSource() });
    const whole = (await service.search(request)).coverage!;
    expect(whole.spans.every((span) => span.place === 'computer')).toBe(true);
    expect(whole).toMatchObject({ sourceName: 'the demo archive', unsearchedBecause: null, newerUnchecked: false });
    // Half of another chat here: the older half is searched at the source, and said so.
    const design = chatIdByKey('design');
    const all = allDemoMessages('design');
    const newest = all.slice(all.length / 2);
    storeHistoryRun(db, getChatRecord(db, design), {
      messages: newest,
      coverage: { from: newest[0]!, to: newest[newest.length - 1]!, reachesOldest: false },
    });
    const half = (await service.search({ ...request, chatId: design })).coverage!;
    expect(half.spans.map((span) => span.place)).toEqual(['source', 'computer']);
    expect(half.spans[0]).toMatchObject({ from: null, to: newest[0]!.date });
    // Its source out of reach: the same gap, not searched, and why.
    const offline = createSearchService({
      db,
      sourceFor: () => ({
        ...createDemoSource(),
        searchWindow: () => Promise.reject(new Error('offline')),
      }),
    });
    const unreached = (await offline.search({ ...request, chatId: design })).coverage!;
    expect(unreached.spans.map((span) => span.place)).toEqual(['unsearched', 'computer']);
    expect(unreached.unsearchedBecause).toBe('unreachable');
    // All chats: no layout (each source says how it was searched instead).
    expect((await service.search({ ...request, chatId: null })).coverage).toBeNull();
  });

  it('highlights each term where it appears, diacritics and case folded', async () => {
    const { db, chatIdByKey } = await createEngineHarness(tempFolder());
    const ana = chatIdByKey('ana');
    cacheWholeDemoChat(db, ana, 'ana');
    const service = createSearchService({ db, sourceFor: () => createDemoSource() });
    const page = await service.search({
      chatId: ana,
      from: null,
      to: null,
      query: 'CAFE',
      sender: '',
      kinds: [],
      order: 'newest',
      limit: 5,
      cursor: null,
    });
    expect(page.hits.length).toBeGreaterThan(0);
    for (const hit of page.hits) {
      expect(hit.highlights.length).toBeGreaterThan(0);
      for (const [s, e] of hit.highlights) expect(foldForSearch(hit.message.text.slice(s, e))).toBe('cafe');
    }
  });
});

describe('search across cache and source', () => {
  it('searches what the cache lacks at the source, says where, and merges without gaps or duplicates', async () => {
    const { db, engine, chatIdByKey } = await createEngineHarness(tempFolder());
    const design = chatIdByKey('design');
    // Cache two windows of the chat; the rest is only at the source.
    await engine.getHistoryPage({ chatId: design, anchor: { kind: 'latest' }, limit: 300 });
    await engine.getHistoryPage({ chatId: design, anchor: { kind: 'aroundDate', date: Date.parse('2023-06-01T00:00:00Z') }, limit: 400 });
    const server = allDemoMessages('design').map((m) => ({ ...m, chatId: design }));
    const service = createSearchService({ db, sourceFor: () => createDemoSource() });
    for (const [query, order] of [
      ['the', 'newest'],
      ['you', 'oldest'],
      ['ok', 'newest'],
      ['thanks', 'oldest'],
    ] as const) {
      const request: SearchRequest = { chatId: design, from: null, to: null, query, sender: '', kinds: [], order, limit: 40, cursor: null };
      const expected = bruteForce(server, request);
      const got: string[] = [];
      let first = true;
      for (;;) {
        const page = await service.search(request);
        if (first) {
          expect(page.searched.some((span) => span.where === 'cache')).toBe(true);
          expect(page.searched.some((span) => span.where === 'source')).toBe(true);
          first = false;
        }
        got.push(...page.hits.map((hit) => `${hit.message.chatId}:${hit.message.id}`));
        if (!page.nextCursor) break;
        request.cursor = page.nextCursor;
      }
      expect(got).toEqual(expected);
    }
  });
});

describe('counting without blocking', () => {
  it('answers a history page while a large count is still running', async () => {
    const { db, engine, chatIdByKey } = await createEngineHarness(tempFolder());
    const family = chatIdByKey('family');
    cacheWholeDemoChat(db, family, 'family');
    const service = createSearchService({ db, sourceFor: () => createDemoSource() });
    const order: string[] = [];
    const counting = service.count({ chatId: family, from: null, to: null, query: 'e', sender: '', kinds: [] }).then((n) => {
      order.push('count');
      return n;
    });
    const paging = engine.getHistoryPage({ chatId: family, anchor: { kind: 'latest' }, limit: 50 }).then(() => order.push('page'));
    const [total] = await Promise.all([counting, paging]);
    expect(order).toEqual(['page', 'count']);
    expect(total.onComputer).toBeGreaterThan(10_000);
  });
});
