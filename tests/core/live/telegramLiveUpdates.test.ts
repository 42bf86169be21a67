import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseOf, openScrollbackCore } from '../../../electron/core/app/openScrollbackCore.ts';
import { listCoverage } from '../../../electron/core/cache/coverageQueries.ts';
import { selectMessageVersions } from '../../../electron/core/cache/messageQueries.ts';
import { saveTelegramAccount } from '../../../electron/core/sources/telegram/saveTelegramAccount.ts';
import type { AppEvent } from '../../../shared/ipc/events.ts';
import { createFakeClock } from '../../support/fakeRyzeApiServer.ts';
import { createFakeTelegram, seedFakeChat } from '../../support/fakeTelegram.ts';
import { fakeTelegramClient } from '../../support/fakeTelegramClient.ts';
import { silentLogger } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

async function liveCore(folder: string) {
  const clock = createFakeClock(Date.UTC(2025, 0, 1));
  const group = seedFakeChat({ type: 'channel', id: 777, accessHash: 4242 }, 'Team', 300, { start: Date.UTC(2024, 0, 1) / 1000 });
  const friend = seedFakeChat({ type: 'user', id: 555, accessHash: 99 }, 'Friend', 60, { start: Date.UTC(2024, 5, 1) / 1000 });
  const fake = createFakeTelegram({ chats: [group, friend], clock });
  const core = openScrollbackCore({
    databasePath: path.join(folder, 'live.db'),
    logger: silentLogger,
    telegram: { clientFor: () => fakeTelegramClient(fake), connects: false, clock, pacingMs: 0 },
    listen: true,
  });
  const sourceId = saveTelegramAccount(core.providerContext, { userId: '42', name: 'Me', apiId: 12345 });
  const chats = await core.refreshChats(sourceId);
  await core.live.listen();
  const events: Extract<AppEvent, { kind: 'messagesChanged' }>[] = [];
  core.events.subscribe((event) => {
    if (event.kind === 'messagesChanged') events.push(event);
  });
  return { core, fake, clock, group, friend, chats, events, db: databaseOf(core) };
}

/** Lets pushed updates travel (they arrive on later turns, as from the network) until `done` holds. */
async function until(done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 2000 && !done(); turn++) await new Promise((resolve) => setImmediate(resolve));
  expect(done()).toBe(true);
}

describe('live updates from Telegram', () => {
  it('stores 50 new messages, 10 edits and 5 deletions pushed while a chat is open: the cache equals the source plus the deleted ones, marked', async () => {
    const { core, fake, clock, group, chats, events, db } = await liveCore(tempFolder());
    const chat = chats.find((candidate) => candidate.name === 'Team')!;
    const opened = await core.history.getHistoryPage({ chatId: chat.id, anchor: { kind: 'latest' }, limit: 50 });
    expect(opened.reachedNewest).toBe(true);
    const historyCallsAfterOpen = fake.historyCalls;

    const edited = group.messages.slice(-30, -20).map((message) => message.id);
    const originalTexts = new Map(group.messages.map((message) => [message.id, message.message]));
    const deleted = group.messages.slice(-12, -7).map((message) => message.id);
    for (let i = 0; i < 50; i++) {
      void clock.sleep(1000);
      fake.postMessage(group, `live message ${i}`);
      if (i < 10) fake.editMessage(group, edited[i]!, `edited text ${i}`);
      if (i === 20) fake.deleteMessages(group, deleted);
    }
    const pushed = 50 + 10 + 1;
    expect(fake.updatesPushed).toBe(pushed);
    await until(() => events.reduce((n, event) => n + event.added, 0) === 50 && events.flatMap((e) => e.changedIds).length === 15);
    expect(events.every((event) => event.chatId === chat.id)).toBe(true);

    // The window at the newest pages on from the cache alone: the pushed run is covered.
    const newer = await core.history.getHistoryPage({
      chatId: chat.id,
      anchor: { kind: 'after', cursor: opened.newerCursor! },
      limit: 100,
    });
    expect(newer.messages.map((message) => message.text)).toEqual(Array.from({ length: 50 }, (_, i) => `live message ${i}`));
    expect(newer.reachedNewest).toBe(true);
    expect(fake.historyCalls).toBe(historyCallsAfterOpen);

    // What is stored is exactly the source's history, plus the five it deleted, marked and kept.
    const rows = db
      .prepare('SELECT source_msg_id AS id, text, deleted_at, earlier_versions FROM messages WHERE chat_id = ? ORDER BY sort_key')
      .all(chat.id) as Array<{ id: string; text: string; deleted_at: number | null; earlier_versions: number }>;
    const stored = rows.filter((row) => row.deleted_at === null);
    // (The page asked one message more than it showed, for the day separator of its first row.)
    const oldestStored = Number(rows[0]!.id);
    expect(oldestStored).toBeLessThanOrEqual(Number(opened.messages[0]!.id));
    const atSource = group.messages.filter((message) => message.id >= oldestStored);
    expect(stored.map((row) => [row.id, row.text])).toEqual(atSource.map((message) => [String(message.id), message.message]));
    expect(rows.filter((row) => row.deleted_at !== null).map((row) => Number(row.id))).toEqual(deleted);
    for (const [i, id] of edited.entries()) {
      expect(rows.find((row) => row.id === String(id))!.earlier_versions).toBe(1);
      expect(selectMessageVersions(db, chat.id, String(id)).map((version) => version.text)).not.toContain(`edited text ${i}`);
    }
    expect(listCoverage(db, chat.id)).toHaveLength(1);

    // The query language finds them: `is:deleted`, and `is:edited` with a word of the new text.
    const filter = { chatId: chat.id, from: null, to: null, sender: '', kinds: [] };
    const found = await core.search.search({ ...filter, query: 'is:deleted', order: 'oldest', limit: 50, cursor: null });
    expect(found.hits.map((hit) => Number(hit.message.id))).toEqual(deleted);
    const editedHits = await core.search.search({ ...filter, query: 'is:edited "edited text"', order: 'oldest', limit: 50, cursor: null });
    expect(editedHits.hits.map((hit) => Number(hit.message.id))).toEqual(edited);
    // The words they said before the edit: found only when earlier versions are asked for.
    const oldWords = { ...filter, query: `"${originalTexts.get(edited[0]!)!}"`, order: 'oldest' as const, limit: 50, cursor: null };
    expect((await core.search.search(oldWords)).hits.map((hit) => hit.message.id)).not.toContain(String(edited[0]));
    const withVersions = await core.search.search({ ...oldWords, earlierVersions: true });
    expect(withVersions.hits.map((hit) => hit.message.id)).toContain(String(edited[0]));
    expect((await core.search.count({ ...filter, query: oldWords.query, earlierVersions: true })).onComputer).toBe(
      (await core.search.count({ ...filter, query: oldWords.query })).onComputer + 1,
    );
    await core.close();
  });

  it('never claims a gap as covered: after a lost update the next pushed message is stored outside the covered run', async () => {
    const { core, fake, clock, group, chats, events, db } = await liveCore(tempFolder());
    const chat = chats.find((candidate) => candidate.name === 'Team')!;
    await core.history.getHistoryPage({ chatId: chat.id, anchor: { kind: 'latest' }, limit: 20 });
    const before = listCoverage(db, chat.id);
    void clock.sleep(1000);
    const lost = fake.postMessage(group, 'never pushed', { unseen: true });
    const after = fake.postMessage(group, 'pushed after the gap');
    await until(() => events.some((event) => event.added === 1));
    // Stored, but the run still ends where it did: the lost message lies between.
    expect(db.prepare('SELECT count(*) AS n FROM messages WHERE chat_id = ? AND source_msg_id = ?').get(chat.id, String(after.id))).toEqual(
      { n: 1 },
    );
    expect(listCoverage(db, chat.id)).toEqual(before);
    // Reading on fetches the gap from Telegram, and then it is whole.
    const newest = await core.history.getHistoryPage({ chatId: chat.id, anchor: { kind: 'latest' }, limit: 5 });
    expect(newest.messages.map((message) => message.text).slice(-2)).toEqual([lost.message, after.message]);
    expect(listCoverage(db, chat.id)).toHaveLength(1);
    await core.close();
  });

  it('deletions in a private chat (ids of the account, not of the chat) mark the message in the chat that holds it', async () => {
    const { core, fake, friend, chats, events, db } = await liveCore(tempFolder());
    const chat = chats.find((candidate) => candidate.name === 'Friend')!;
    await core.history.getHistoryPage({ chatId: chat.id, anchor: { kind: 'latest' }, limit: 100 });
    const id = friend.messages.at(-3)!.id;
    fake.deleteMessages(friend, [id]);
    await until(() => events.length > 0);
    expect(events[0]).toEqual({ kind: 'messagesChanged', chatId: chat.id, added: 0, changedIds: [String(id)] });
    const row = db.prepare('SELECT deleted_at FROM messages WHERE chat_id = ? AND source_msg_id = ?').get(chat.id, String(id)) as {
      deleted_at: number | null;
    };
    expect(row.deleted_at).not.toBeNull();
    await core.close();
  });
});
