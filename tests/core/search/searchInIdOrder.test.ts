import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SearchRequest } from '../../../shared/search.ts';
import { foldForSearch } from '../../../electron/core/text/foldForSearch.ts';
import type { SourceMessage } from '../../../electron/core/model/SourceMessage.ts';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { upsertSource } from '../../../electron/core/cache/sourceQueries.ts';
import { findChatIdByKey, getChatRecord, upsertChats } from '../../../electron/core/cache/chatQueries.ts';
import { storeHistoryRun } from '../../../electron/core/cache/storeHistoryRun.ts';
import { planSearch, searchChatInIdOrder } from '../../../electron/core/cache/searchQueries.ts';
import type { WritableDB } from '../../../electron/core/cache/CacheDatabase.ts';
import { createSearchService } from '../../../electron/core/search/createSearchService.ts';
import { compileSearchQuery } from '../../../electron/core/search/compileSearchQuery.ts';
import { createDemoSource } from '../../../electron/core/sources/demo/createDemoSource.ts';
import { allDemoMessages } from '../../support/cacheDemoChat.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

function batchesOf<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * Three chats whose message ids follow their positions differently: `inOrder` stored oldest first (ids in
 * position order, with another chat's batches between, so its ids are not one run), `interleaved` that other
 * chat, and `newestFirst` stored a batch at a time from the newest (each older batch has higher ids).
 */
async function storeChats(db: WritableDB) {
  const demo = createDemoSource();
  upsertSource(db, { id: demo.id, kind: 'demo', name: 'Demo archive' });
  const keys = ['design', 'family', 'ana'];
  upsertChats(
    db,
    demo.id,
    (await demo.listChats()).filter((chat) => keys.includes(chat.key)),
  );
  const idOf = (key: string): number => {
    const id = findChatIdByKey(db, demo.id, key);
    if (id === null) throw new Error(`The demo chat ${key} was not stored.`);
    return id;
  };
  const [inOrder, interleaved, newestFirst] = [idOf('design'), idOf('family'), idOf('ana')];
  const byKey = new Map(keys.map((key) => [key, allDemoMessages(key)]));
  const store = (chatId: number, messages: SourceMessage[]) => storeHistoryRun(db, getChatRecord(db, chatId), { messages, coverage: null });
  const design = batchesOf(byKey.get('design')!, 400);
  const family = batchesOf(byKey.get('family')!.slice(0, 3_000), 250);
  for (let i = 0; i < Math.max(design.length, family.length); i++) {
    if (design[i]) store(inOrder, design[i]!);
    if (family[i]) store(interleaved, family[i]!);
  }
  for (const batch of batchesOf(byKey.get('ana')!, 100).reverse()) store(newestFirst, batch);
  const all = [
    ...byKey.get('design')!.map((m) => ({ ...m, chatId: inOrder })),
    ...byKey
      .get('family')!
      .slice(0, 3_000)
      .map((m) => ({ ...m, chatId: interleaved })),
    ...byKey.get('ana')!.map((m) => ({ ...m, chatId: newestFirst })),
  ];
  return { inOrder, interleaved, newestFirst, all };
}

function expected(all: Array<SourceMessage & { chatId: number }>, request: Omit<SearchRequest, 'cursor' | 'limit'>): string[] {
  const term = foldForSearch(request.query);
  const sign = request.order === 'newest' ? -1 : 1;
  return all
    .filter(
      (m) =>
        (request.chatId === null || m.chatId === request.chatId) &&
        (request.from === null || m.date >= request.from) &&
        (request.to === null || m.date < request.to) &&
        foldForSearch(m.text).includes(term),
    )
    .sort((a, b) => sign * (a.date - b.date || a.sortKey - b.sortKey || a.chatId - b.chatId))
    .map((m) => `${m.chatId}:${m.id}`);
}

const terms = ['the', 'meeting', 'you', 'train', 'landlord', 'console.log', 'weekend plans', 'ok', '42', 'e', 'zq', 'qqzzxx', 'café'];

describe('a chat page read from the index in id order', () => {
  it('property: pages and dated totals in chats stored oldest first, newest first or between another chat, and across them, are what a scan finds', async () => {
    const db = openCacheDatabase(path.join(tempFolder(), 'search.db'));
    const { inOrder, interleaved, newestFirst, all } = await storeChats(db);
    const service = createSearchService({
      db,
      sourceFor: () => {
        throw new Error('offline');
      },
    });
    const dates = all.map((m) => m.date);
    const [start, end] = [Math.min(...dates), Math.max(...dates) + 1];
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          chatId: fc.constantFrom(inOrder, interleaved, newestFirst, null),
          query: fc.constantFrom(...terms),
          order: fc.constantFrom('newest' as const, 'oldest' as const),
          limit: fc.integer({ min: 1, max: 60 }),
          from: fc.option(fc.integer({ min: start, max: end }), { nil: null }),
          span: fc.option(fc.integer({ min: 1, max: end - start }), { nil: null }),
        }),
        async (r) => {
          const base = { chatId: r.chatId, query: r.query, sender: '', kinds: [], order: r.order };
          // Pages without dates (the id-order path), three deep.
          const want = expected(all, { ...base, from: null, to: null });
          const request: SearchRequest = { ...base, from: null, to: null, limit: r.limit, cursor: null };
          const got: string[] = [];
          for (let page = 0; page < 3; page++) {
            const result = await service.search(request);
            got.push(...result.hits.map((hit) => `${hit.message.chatId}:${hit.message.id}`));
            if (!result.nextCursor) break;
            request.cursor = result.nextCursor;
          }
          expect(got, JSON.stringify(r)).toEqual(want.slice(0, 3 * r.limit));
          // A total in dates (the count over the ids those dates hold, when they are one run).
          const to = r.from === null || r.span === null ? null : r.from + r.span;
          const filter = { ...base, from: r.from, to };
          expect((await service.count(filter)).onComputer, JSON.stringify(filter)).toBe(expected(all, filter).length);
        },
      ),
      { numRuns: 60 },
    );
    db.close();
  });

  it('is used only where ids follow positions: a chat stored newest first is left to the other plans', async () => {
    const db = openCacheDatabase(path.join(tempFolder(), 'search.db'));
    const { inOrder, newestFirst } = await storeChats(db);
    const pageOf = (chatId: number, order: 'newest' | 'oldest') => {
      const filter = { chatId, from: null, to: null, query: 'the', sender: '', kinds: [] };
      return searchChatInIdOrder(db, planSearch(db, filter, compileSearchQuery('the').root), chatId, { order, limit: 20, after: null });
    };
    expect(pageOf(inOrder, 'newest')).toHaveLength(20);
    expect(pageOf(inOrder, 'oldest')).toHaveLength(20);
    expect(pageOf(newestFirst, 'newest')).toBeNull();
    expect(pageOf(newestFirst, 'oldest')).toBeNull();
    db.close();
  });
});
