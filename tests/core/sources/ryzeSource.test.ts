import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { upsertSource } from '../../../electron/core/cache/sourceQueries.ts';
import { getChatSummary, upsertChats } from '../../../electron/core/cache/chatQueries.ts';
import { listCoverage } from '../../../electron/core/cache/coverageQueries.ts';
import { createHistoryEngine } from '../../../electron/core/history/createHistoryEngine.ts';
import { createSyncService } from '../../../electron/core/sync/createSyncService.ts';
import { createRyzeApiClient } from '../../../electron/core/sources/ryze/createRyzeApiClient.ts';
import { createRyzeSource } from '../../../electron/core/sources/ryze/createRyzeSource.ts';
import { createFakeClock, seedRyzeChat, startFakeRyzeApiServer } from '../../support/fakeRyzeApiServer.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();
const JID = '120363000000000001@g.us';
const TOKEN = 'ryze-secret-token-7f3a';
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function setup(options: { count: number; token?: string; instance?: string; timeoutMs?: number }) {
  const clock = createFakeClock();
  const serverMessages = seedRyzeChat(JID, options.count);
  const server = await startFakeRyzeApiServer({ token: TOKEN, instance: 'main', chats: { [JID]: serverMessages }, clock });
  closers.push(server.close);
  const db = openCacheDatabase(path.join(tempFolder(), 'ryze.db'));
  upsertSource(db, { id: 'ryze:main', kind: 'ryze', name: 'WhatsApp (main)' });
  const [chatId] = upsertChats(db, 'ryze:main', [{ key: JID, name: 'Group', kind: 'group', messageCount: null, lastMessageDate: null }]);
  const client = createRyzeApiClient({
    baseUrl: server.baseUrl,
    instance: options.instance ?? 'main',
    token: options.token ?? TOKEN,
    clock,
    timeoutMs: options.timeoutMs ?? 2000,
  });
  const source = createRyzeSource({ id: 'ryze:main', client, listChats: () => [] });
  const engine = createHistoryEngine({ db, sourceFor: () => source });
  const sync = createSyncService({
    history: engine,
    chatTotals: (id) => ({ cached: getChatSummary(db, id).cachedCount, total: null }),
    now: clock.now,
    sleep: (ms) => clock.sleep(ms),
  });
  const storedIds = () =>
    (
      db.prepare('SELECT source_msg_id AS id FROM messages WHERE chat_id = ? ORDER BY date, sort_key').all(chatId!) as Array<{ id: string }>
    ).map((r) => r.id);
  const rowCount = () => (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
  return { clock, server, serverMessages, db, chatId: chatId!, engine, sync, storedIds, rowCount };
}

function inServerOrder(messages: ReturnType<typeof seedRyzeChat>): string[] {
  return [...messages].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp) || (a.id < b.id ? -1 : 1)).map((m) => m.id);
}

describe('RyzeAPI source against a faithful fake server', () => {
  it('syncs 10,000 messages with three 300-message same-second bursts at page size 50: exactly the server’s messages, once each', async () => {
    const { sync, chatId, serverMessages, storedIds, db } = await setup({ count: 10_000 });
    sync.start({ chatId, from: null, to: null });
    const status = await sync.settled(chatId);
    expect(status.error).toBeNull();
    expect(status.state).toBe('done');
    const ids = storedIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(inServerOrder(serverMessages));
    const coverage = listCoverage(db, chatId);
    expect(coverage).toHaveLength(1);
    expect(coverage[0]!.reachesOldest).toBe(true);
  });

  it('never sends more than 100 requests in any 60-second window', async () => {
    const { sync, chatId, server } = await setup({ count: 10_000 });
    sync.start({ chatId, from: null, to: null });
    await sync.settled(chatId);
    const times = server.requests.map((r) => r.at).sort((a, b) => a - b);
    expect(times.length).toBeGreaterThan(100);
    let worst = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i]! - times[j]! >= 60_000) j++;
      worst = Math.max(worst, i - j + 1);
    }
    expect(worst).toBeLessThanOrEqual(100);
  });

  it('rides out 500s and timeouts: the sync is delayed, nothing is lost', async () => {
    const { sync, chatId, server, serverMessages, storedIds } = await setup({ count: 1_500, timeoutMs: 150 });
    // Eight failures in a row: more than one request's retries, so the sync itself has to wait and go on.
    server.failNext('500', 5);
    server.failNext('hang', 3);
    sync.start({ chatId, from: null, to: null });
    const status = await sync.settled(chatId);
    expect(status.state).toBe('done');
    expect(storedIds()).toEqual(inServerOrder(serverMessages));
  });

  it.each([
    ['a wrong token', { token: 'wrong' }, 'AUTH_REQUIRED', /Invalid token/],
    ['an unknown instance', { instance: 'nope' }, 'SOURCE_NOT_FOUND', /Instance not found/],
  ])('%s gives its documented message and leaves the cache unchanged', async (_name, options, code, message) => {
    const { engine, chatId, rowCount } = await setup({ count: 200, ...options });
    const before = rowCount();
    await expect(engine.getHistoryPage({ chatId, anchor: { kind: 'latest' }, limit: 50 })).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
    });
    expect(rowCount()).toBe(before);
  });

  it('a malformed date gets the documented message from the server', async () => {
    const clock = createFakeClock();
    const server = await startFakeRyzeApiServer({ token: TOKEN, instance: 'main', chats: {}, clock });
    closers.push(server.close);
    const client = createRyzeApiClient({ baseUrl: server.baseUrl, instance: 'main', token: TOKEN, clock });
    // Year 10000 cannot be written as RFC 3339: the server refuses it with its documented message.
    await expect(client.fetchHistory({ number: JID, count: 5, from: Date.UTC(10_000, 0, 1) })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining("invalid 'from' date format. Use ISO 8601 format"),
    });
    await expect(client.fetchHistory({ number: '', count: 5 })).rejects.toMatchObject({
      message: expect.stringContaining('Number is required'),
    });
  });

  it.each([0, 600, 750, 1_500, 2_999])(
    'jumps to message %i’s date, then pages both ways to the ends with every message once',
    async (index) => {
      const { engine, chatId, serverMessages } = await setup({ count: 3_000 });
      const order = inServerOrder(serverMessages);
      const target = serverMessages[index]!;
      const first = await engine.getHistoryPage({ chatId, anchor: { kind: 'aroundDate', date: Date.parse(target.timestamp) }, limit: 60 });
      const seen = first.messages.map((m) => m.id);
      let page = first;
      while (!page.reachedNewest && page.newerCursor) {
        page = await engine.getHistoryPage({ chatId, anchor: { kind: 'after', cursor: page.newerCursor }, limit: 60 });
        seen.push(...page.messages.map((m) => m.id));
      }
      page = first;
      while (!page.reachedOldest && page.olderCursor) {
        page = await engine.getHistoryPage({ chatId, anchor: { kind: 'before', cursor: page.olderCursor }, limit: 60 });
        seen.unshift(...page.messages.map((m) => m.id));
      }
      expect(seen).toEqual(order);
    },
  );
});
