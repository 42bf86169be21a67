import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { listCoverage } from '../../../electron/core/cache/coverageQueries.ts';
import { createEngineHarness, expectConsecutive, idsOf } from '../../support/engineHarness.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import type { HistoryPage } from '../../../shared/history.ts';
import { ScrollbackError } from '../../../shared/errors.ts';

const tempFolder = useTempFolder();

describe('history engine over the demo source', () => {
  it('opens at the newest message and pages back to the first with no gap and no repeat', async () => {
    const { engine, chatIdByKey, controls } = await createEngineHarness(tempFolder());
    const chatId = chatIdByKey('family');
    let page = await engine.getHistoryPage({ chatId, anchor: { kind: 'latest' }, limit: 300 });
    expect(page.reachedNewest).toBe(true);
    expect(idsOf(page).at(-1)).toBe(24_000);
    const seen: number[] = idsOf(page);
    while (!page.reachedOldest) {
      page = await engine.getHistoryPage({ chatId, anchor: { kind: 'before', cursor: page.olderCursor! }, limit: 300 });
      expect(page.messages.length).toBeGreaterThan(0);
      seen.unshift(...idsOf(page));
    }
    expect(seen.length).toBe(24_000);
    expectConsecutive(seen);
    expect(seen[0]).toBe(1);

    // A second walk is served entirely from the cache.
    const callsAfterFirstWalk = controls.calls;
    let again = await engine.getHistoryPage({ chatId, anchor: { kind: 'before', cursor: page.newerCursor! }, limit: 300 });
    let count = 0;
    while (again.newerCursor && count < 5) {
      again = await engine.getHistoryPage({ chatId, anchor: { kind: 'after', cursor: again.newerCursor }, limit: 300 });
      count++;
    }
    expect(controls.calls).toBe(callsAfterFirstWalk);
  });

  it('centres a window on a date: half before, the rest at or after it', async () => {
    const { engine, chatIdByKey, demo } = await createEngineHarness(tempFolder());
    const chatId = chatIdByKey('archive');
    const date = Date.parse('2021-06-01T00:00:00Z');
    const page = await engine.getHistoryPage({ chatId, anchor: { kind: 'aroundDate', date }, limit: 100 });
    const expectedFirstAfter = demo.timelineOf('archive').firstIndexAtOrAfter(date) + 1;
    expect(page.messages).toHaveLength(100);
    expect(page.anchorIndex).toBe(50);
    expect(Number(page.messages[50]!.id)).toBe(expectedFirstAfter);
    expect(page.messages[49]!.date).toBeLessThan(date);
    expect(page.messages[50]!.date).toBeGreaterThanOrEqual(date);
    expectConsecutive(idsOf(page));
  });

  it('never presents a gap as contiguous history: it fetches the gap between two cached windows', async () => {
    const { engine, chatIdByKey, controls, db } = await createEngineHarness(tempFolder());
    const chatId = chatIdByKey('archive');
    const older = await engine.getHistoryPage({
      chatId,
      anchor: { kind: 'aroundDate', date: Date.parse('2020-01-10T00:00:00Z') },
      limit: 100,
    });
    const newer = await engine.getHistoryPage({
      chatId,
      anchor: { kind: 'aroundMessage', messageId: String(Number(older.messages[99]!.id) + 400) },
      limit: 100,
    });
    expect(listCoverage(db, chatId)).toHaveLength(2);
    // Page down from the older window: each page must be contiguous and must reach into the newer window.
    let page: HistoryPage = older;
    const collected = idsOf(older);
    const callsBefore = controls.calls;
    while (Number(page.messages.at(-1)!.id) < Number(newer.messages.at(-1)!.id)) {
      page = await engine.getHistoryPage({ chatId, anchor: { kind: 'after', cursor: page.newerCursor! }, limit: 100 });
      collected.push(...idsOf(page));
    }
    expectConsecutive(collected);
    expect(controls.calls).toBeGreaterThan(callsBefore);
    // The gap is filled, so the two runs have merged into one.
    expect(listCoverage(db, chatId)).toHaveLength(1);
  });

  it('keeps paging correctly when the source returns short pages mid-history', async () => {
    const { engine, chatIdByKey, controls } = await createEngineHarness(tempFolder());
    const chatId = chatIdByKey('ana');
    controls.shortPageSize = 7;
    let page = await engine.getHistoryPage({ chatId, anchor: { kind: 'latest' }, limit: 50 });
    const seen = idsOf(page);
    while (!page.reachedOldest) {
      page = await engine.getHistoryPage({ chatId, anchor: { kind: 'before', cursor: page.olderCursor! }, limit: 50 });
      seen.unshift(...idsOf(page));
    }
    expect(seen[0]).toBe(1);
    expect(seen).toHaveLength(900);
    expectConsecutive(seen);
  });

  it('serves the cached history marked offline when the source cannot be reached, and says so when nothing is cached', async () => {
    const { engine, chatIdByKey, controls } = await createEngineHarness(tempFolder());
    const chatId = chatIdByKey('design');
    const online = await engine.getHistoryPage({ chatId, anchor: { kind: 'latest' }, limit: 40 });
    controls.offline = true;
    const offline = await engine.getHistoryPage({ chatId, anchor: { kind: 'latest' }, limit: 40 });
    expect(offline.offline).toBe(true);
    expect(idsOf(offline)).toEqual(idsOf(online));
    // What is cached before the window (the one message fetched for the seam) still browses, marked offline…
    const partial = await engine.getHistoryPage({ chatId, anchor: { kind: 'before', cursor: online.olderCursor! }, limit: 40 });
    expect(partial).toMatchObject({ offline: true, reachedOldest: false });
    expect(partial.messages).toHaveLength(1);
    // …and past it, the error says the source is unreachable instead of pretending the chat begins there.
    await expect(
      engine.getHistoryPage({ chatId, anchor: { kind: 'before', cursor: partial.olderCursor! }, limit: 40 }),
    ).rejects.toMatchObject({
      code: 'SOURCE_UNAVAILABLE',
    });
    await expect(engine.getHistoryPage({ chatId: chatIdByKey('ana'), anchor: { kind: 'latest' }, limit: 40 })).rejects.toBeInstanceOf(
      ScrollbackError,
    );
  });

  it('answers an unknown chat with CHAT_NOT_FOUND and a message that says which', async () => {
    const { engine } = await createEngineHarness(tempFolder());
    await expect(engine.getHistoryPage({ chatId: 999, anchor: { kind: 'latest' }, limit: 10 })).rejects.toMatchObject({
      code: 'CHAT_NOT_FOUND',
      message: expect.stringContaining('999'),
    });
  });

  it('jumps to a message by id, even one not cached yet, and centres it', async () => {
    const { engine, chatIdByKey } = await createEngineHarness(tempFolder());
    const chatId = chatIdByKey('archive');
    const page = await engine.getHistoryPage({ chatId, anchor: { kind: 'aroundMessage', messageId: '400000' }, limit: 60 });
    expect(page.messages[page.anchorIndex!]!.id).toBe('400000');
    expect(page.anchorIndex).toBe(30);
    await expect(
      engine.getHistoryPage({ chatId, anchor: { kind: 'aroundMessage', messageId: '2000000' }, limit: 60 }),
    ).rejects.toMatchObject({
      code: 'MESSAGE_NOT_FOUND',
    });
  });

  it('property: any sequence of jumps and pages yields contiguous pages and coverage that matches the stored rows', async () => {
    const { engine, chatIdByKey, db } = await createEngineHarness(tempFolder());
    const chatId = chatIdByKey('family');
    const start = Date.parse('2018-04-01T00:00:00Z');
    const end = Date.parse('2026-12-01T00:00:00Z');
    const step = fc.oneof(
      fc.record({ kind: fc.constant('jump' as const), date: fc.integer({ min: start, max: end }) }),
      fc.record({ kind: fc.constantFrom('older' as const, 'newer' as const), pages: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant('latest' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 120 }), async (steps, limit) => {
        let page: HistoryPage = await engine.getHistoryPage({ chatId, anchor: { kind: 'latest' }, limit });
        for (const action of steps) {
          if (action.kind === 'jump')
            page = await engine.getHistoryPage({ chatId, anchor: { kind: 'aroundDate', date: action.date }, limit });
          else if (action.kind === 'latest') page = await engine.getHistoryPage({ chatId, anchor: { kind: 'latest' }, limit });
          else {
            for (let i = 0; i < action.pages; i++) {
              const cursor = action.kind === 'older' ? page.olderCursor : page.newerCursor;
              if (!cursor) break;
              const next = await engine.getHistoryPage({
                chatId,
                anchor: { kind: action.kind === 'older' ? 'before' : 'after', cursor },
                limit,
              });
              if (next.messages.length === 0) break;
              page = next;
            }
          }
          expectConsecutive(idsOf(page));
          expect(page.messages.length).toBeLessThanOrEqual(limit);
          if (page.reachedOldest && page.messages.length > 0) expect(page.messages[0]!.id).toBe('1');
        }
        for (const range of listCoverage(db, chatId)) {
          const row = db
            .prepare(
              `SELECT count(*) AS n, min(sort_key) AS first, max(sort_key) AS last FROM messages
               WHERE chat_id = ? AND (date, sort_key) >= (?, ?) AND (date, sort_key) <= (?, ?)`,
            )
            .get(chatId, range.from.date, range.from.sortKey, range.to.date, range.to.sortKey) as {
            n: number;
            first: number;
            last: number;
          };
          expect(row.n).toBe(row.last - row.first + 1);
          if (range.reachesOldest) expect(row.first).toBe(1);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('page seams', () => {
  it('tells each page the message before its first, so day separators do not depend on the window', async () => {
    const { engine, chatIdByKey } = await createEngineHarness(tempFolder());
    const chatId = chatIdByKey('family');
    const latest = await engine.getHistoryPage({ chatId, anchor: { kind: 'latest' }, limit: 50 });
    const older = await engine.getHistoryPage({ chatId, anchor: { kind: 'before', cursor: latest.olderCursor! }, limit: 50 });
    const lastOfOlder = older.messages.at(-1)!;
    expect(latest.previous).toEqual({ date: lastOfOlder.date, senderId: lastOfOlder.senderId, service: lastOfOlder.service !== null });
    const first = await engine.getHistoryPage({ chatId, anchor: { kind: 'aroundMessage', messageId: '3' }, limit: 10 });
    expect(first.reachedOldest).toBe(true);
    expect(first.previous).toBeNull();
  });
});
