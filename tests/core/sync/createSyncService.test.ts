import { describe, expect, it } from 'vitest';
import { ScrollbackError } from '../../../shared/errors.ts';
import { getChatSummary } from '../../../electron/core/cache/chatQueries.ts';
import { listCoverage } from '../../../electron/core/cache/coverageQueries.ts';
import { createSyncService } from '../../../electron/core/sync/createSyncService.ts';
import { allDemoMessages } from '../../support/cacheDemoChat.ts';
import { createEngineHarness } from '../../support/engineHarness.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

async function setup(options: { onPace?: (page: number, ms: number) => void } = {}) {
  const harness = await createEngineHarness(tempFolder());
  let pages = 0;
  const sync = createSyncService({
    history: harness.engine,
    chatTotals: (chatId) => {
      const chat = getChatSummary(harness.db, chatId);
      return { cached: chat.cachedCount, total: chat.messageCount };
    },
    pacingMs: 1,
    outageRetryDelaysMs: [],
    sleep: async (ms, signal) => {
      options.onPace?.(++pages, ms);
      await new Promise((resolve) => setTimeout(resolve, ms));
      signal.throwIfAborted();
    },
  });
  const storedIds = (chatId: number) =>
    (
      harness.db.prepare('SELECT source_msg_id AS id FROM messages WHERE chat_id = ? ORDER BY date, sort_key').all(chatId) as Array<{
        id: string;
      }>
    ).map((row) => row.id);
  return { ...harness, sync, storedIds };
}

describe('sync (download a chat into the cache)', () => {
  it('downloads a whole chat: exactly the source’s messages, once each, and coverage says it is complete', async () => {
    const { sync, chatIdByKey, storedIds, db, controls } = await setup();
    const chatId = chatIdByKey('family');
    sync.start({ chatId, from: null, to: null });
    const status = await sync.settled(chatId);
    expect(status).toMatchObject({ state: 'done', fetched: 24_000, cached: 24_000, total: 24_000 });
    expect(storedIds(chatId)).toEqual(allDemoMessages('family').map((m) => m.id));
    const coverage = listCoverage(db, chatId);
    expect(coverage).toHaveLength(1);
    expect(coverage[0]!.reachesOldest).toBe(true);
    // Again: nothing new to fetch; only the newest page is asked for.
    const callsBefore = controls.calls;
    sync.start({ chatId, from: null, to: null });
    expect(await sync.settled(chatId)).toMatchObject({ state: 'done', fetched: 0 });
    expect(controls.calls - callsBefore).toBe(1);
  });

  it('downloads a date range and stops there', async () => {
    const { sync, chatIdByKey, storedIds } = await setup();
    const chatId = chatIdByKey('family');
    const from = Date.parse('2021-01-01T00:00:00Z');
    const to = Date.parse('2021-12-31T23:59:59Z');
    sync.start({ chatId, from, to });
    expect(await sync.settled(chatId)).toMatchObject({ state: 'done' });
    const stored = new Set(storedIds(chatId));
    const inRange = allDemoMessages('family').filter((m) => m.date >= from && m.date <= to);
    expect(inRange.length).toBeGreaterThan(100);
    for (const message of inRange) expect(stored.has(message.id)).toBe(true);
    expect(stored.size).toBeLessThan(inRange.length + 1000);
  });

  it('pauses at any page and resumes exactly where it stopped: no gap, no duplicate', async () => {
    let pauseAt = 7;
    const holder: { pause?: () => void } = {};
    const { sync, chatIdByKey, storedIds } = await setup({ onPace: (page) => page === pauseAt && holder.pause?.() });
    const chatId = chatIdByKey('family');
    holder.pause = () => sync.pause(chatId);
    sync.start({ chatId, from: null, to: null });
    const paused = await sync.settled(chatId);
    expect(paused.state).toBe('paused');
    // Paused at its 7th page by construction: what it stored is exactly the chat's newest messages, as many
    // as the status says, and not all of them.
    const all = allDemoMessages('family').map((m) => m.id);
    const storedWhenPaused = storedIds(chatId);
    expect(storedWhenPaused.length).toBe(paused.cached);
    expect(storedWhenPaused).toEqual(all.slice(all.length - paused.cached));
    expect(storedWhenPaused).not.toEqual([]);
    expect(storedWhenPaused).not.toEqual(all);
    pauseAt = -1;
    sync.resume(chatId);
    expect(await sync.settled(chatId)).toMatchObject({ state: 'done', cached: 24_000 });
    expect(storedIds(chatId)).toEqual(allDemoMessages('family').map((m) => m.id));
  });

  it('waits out a rate limit, showing until when, then carries on', async () => {
    // What the status says is read at the moment the sync starts waiting (its sleep), not after a delay.
    const waits: Array<{ ms: number; waitingUntil: number | null }> = [];
    const holder: { status?: () => { waitingUntil: number | null } } = {};
    const { sync, chatIdByKey, controls } = await setup({
      onPace: (_page, ms) => waits.push({ ms, waitingUntil: holder.status!().waitingUntil }),
    });
    const chatId = chatIdByKey('ana');
    holder.status = () => sync.status(chatId);
    controls.nextFailure = new ScrollbackError('RATE_LIMITED', 'FLOOD_WAIT', { retryAfterMs: 40 });
    const started = Date.now();
    sync.start({ chatId, from: null, to: null });
    expect(await sync.settled(chatId)).toMatchObject({ state: 'done', cached: 900, waitingUntil: null });
    // The first wait is the source's 40 ms, shown as an end time at least that far ahead; the pacing waits show none.
    expect(waits[0]!.ms).toBe(40);
    expect(waits[0]!.waitingUntil).toBeGreaterThanOrEqual(started + 40);
    expect(waits.slice(1).every((wait) => wait.waitingUntil === null)).toBe(true);
  });

  it('stops with a clear error when the source is unreachable, keeping what it stored', async () => {
    const { sync, chatIdByKey, controls } = await setup({ onPace: (page) => page === 3 && (controls.offline = true) });
    const chatId = chatIdByKey('family');
    sync.start({ chatId, from: null, to: null });
    const status = await sync.settled(chatId);
    expect(status.state).toBe('failed');
    expect(status.error?.code).toBe('SOURCE_UNAVAILABLE');
    expect(status.cached).toBeGreaterThan(0);
  });
});
