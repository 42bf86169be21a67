import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { upsertSource } from '../../../electron/core/cache/sourceQueries.ts';
import { getChatSummary, upsertChats } from '../../../electron/core/cache/chatQueries.ts';
import { listCoverage } from '../../../electron/core/cache/coverageQueries.ts';
import { selectMessagesByIds, selectMessageVersions } from '../../../electron/core/cache/messageQueries.ts';
import { createHistoryEngine } from '../../../electron/core/history/createHistoryEngine.ts';
import { createSyncService } from '../../../electron/core/sync/createSyncService.ts';
import { createRefreshService } from '../../../electron/core/sync/createRefreshService.ts';
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

async function downloadedRyzeChat(count: number) {
  const clock = createFakeClock();
  const serverMessages = seedRyzeChat(JID, count);
  const server = await startFakeRyzeApiServer({ token: TOKEN, instance: 'main', chats: { [JID]: serverMessages }, clock });
  closers.push(server.close);
  const db = openCacheDatabase(path.join(tempFolder(), 'ryze.db'));
  upsertSource(db, { id: 'ryze:main', kind: 'ryze', name: 'WhatsApp (main)' });
  const [chatId] = upsertChats(db, 'ryze:main', [{ key: JID, name: 'Group', kind: 'group', messageCount: null, lastMessageDate: null }]);
  const client = createRyzeApiClient({ baseUrl: server.baseUrl, instance: 'main', token: TOKEN, clock, timeoutMs: 2000 });
  const source = createRyzeSource({ id: 'ryze:main', client, listChats: () => [] });
  const engine = createHistoryEngine({ db, sourceFor: () => source });
  const sync = createSyncService({
    history: engine,
    chatTotals: (id) => ({ cached: getChatSummary(db, id).cachedCount, total: null }),
    now: clock.now,
    sleep: (ms) => clock.sleep(ms),
  });
  sync.start({ chatId: chatId!, from: null, to: null });
  expect((await sync.settled(chatId!)).state).toBe('done');
  const refresh = createRefreshService({ db, sourceFor: () => source, onStored: () => undefined });
  return { server, serverMessages, db, chatId: chatId!, refresh };
}

describe('refreshing a downloaded chat', () => {
  it('RyzeAPI: new messages, edits and deletions between two refreshes are found by the bounded re-check, and nothing older is asked for', async () => {
    const { server, serverMessages, db, chatId, refresh } = await downloadedRyzeChat(3000);
    const originals = new Map(serverMessages.map((message) => [message.id, message.content] as const));
    const originalText = (id: string) => originals.get(id)!;
    const byNewest = [...serverMessages].sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
    const newestAt = Date.parse(byNewest[0]!.timestamp);
    // At WhatsApp, between two refreshes: 20 new messages, 3 edits and 2 deletions among the recent ones.
    for (let i = 0; i < 20; i++) {
      server.post(JID, {
        id: `3EB1${i.toString(16).toUpperCase().padStart(12, '0')}`,
        fromMe: false,
        timestamp: new Date(newestAt + (i + 1) * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        content: `new ${i}`,
        type: 'text',
        chatJid: JID,
        senderJid: '5511911111111@s.whatsapp.net',
      });
    }
    const edited = [byNewest[5]!, byNewest[40]!, byNewest[75]!];
    edited.forEach((message, i) => server.edit(JID, message.id, `corrected ${i}`));
    // Beyond the 7 days a refresh looks back (after a 40-day pause in the chat): not asked for, so not seen.
    const farBack = byNewest[95]!;
    server.edit(JID, farBack.id, 'changed long ago');
    const removed = [byNewest[12]!, byNewest[70]!];
    for (const message of removed) server.remove(JID, message.id);

    const requestsBefore = server.requests.length;
    const result = await refresh.refresh(chatId);
    const asked = server.requests.slice(requestsBefore);
    expect(result).toMatchObject({ added: 20, edited: 3, deleted: 2 });
    // One request for the newest page (it reaches what was cached) and one page of the re-check, which
    // reaches past the chat's 40-day pause, beyond the 7 days looked at: nothing else is asked for.
    expect(asked).toHaveLength(2);
    const oldestAsked = Math.min(...asked.map((request) => (typeof request.body.to === 'string' ? Date.parse(request.body.to) : Infinity)));
    expect(oldestAsked).toBeGreaterThan(newestAt - 7 * 86_400_000);
    expect(Date.parse(farBack.timestamp)).toBeLessThan(newestAt - 7 * 86_400_000);
    expect(selectMessagesByIds(db, chatId, [farBack.id])[0]!.text).toBe(originalText(farBack.id));
    expect(result.recheckedFrom).not.toBeNull();

    const rows = selectMessagesByIds(
      db,
      chatId,
      [...edited, ...removed].map((message) => message.id),
    );
    expect(rows.slice(0, 3).map((row) => [row.text, row.earlierVersions])).toEqual([
      ['corrected 0', 1],
      ['corrected 1', 1],
      ['corrected 2', 1],
    ]);
    expect(selectMessageVersions(db, chatId, edited[0]!.id).map((version) => version.text)).toEqual([originalText(edited[0]!.id)]);
    expect(rows.slice(3).every((row) => row.deletedAt !== null)).toBe(true);
    expect(listCoverage(db, chatId)).toHaveLength(1);

    // A second refresh with nothing changed finds nothing and asks the same few requests.
    const again = server.requests.length;
    expect(await refresh.refresh(chatId)).toMatchObject({ added: 0, edited: 0, deleted: 0 });
    expect(server.requests.length - again).toBe(2);
  });
});
