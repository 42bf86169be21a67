import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { upsertSource } from '../../../electron/core/cache/sourceQueries.ts';
import { getChatRecord, upsertChats } from '../../../electron/core/cache/chatQueries.ts';
import { storeHistoryRun, type HistoryRun } from '../../../electron/core/cache/storeHistoryRun.ts';
import { sourceMessage, type SourceMessage } from '../../../electron/core/model/SourceMessage.ts';
import type { WritableDB } from '../../../electron/core/cache/CacheDatabase.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();
const T0 = Date.UTC(2024, 0, 1);

function message(id: number): SourceMessage {
  return sourceMessage({
    id: String(id),
    sortKey: id,
    date: T0 + id * 60_000,
    sender: { key: 'u1', name: 'Ana' },
    out: false,
    text: `message ${id}`,
  });
}

function openChat(): { db: WritableDB; store: (run: HistoryRun) => ReturnType<typeof storeHistoryRun>; deleted: () => string[] } {
  const db = openCacheDatabase(path.join(tempFolder(), 'cache.db'));
  upsertSource(db, { id: 'telegram:1', kind: 'telegram', name: 'Telegram', settings: {} });
  const [chatId] = upsertChats(db, 'telegram:1', [{ key: 'c1', name: 'Chat', kind: 'group', messageCount: null, lastMessageDate: null }]);
  return {
    db,
    store: (run) => storeHistoryRun(db, getChatRecord(db, chatId!), run),
    deleted: () =>
      (
        db.prepare('SELECT source_msg_id AS id FROM messages WHERE deleted_at IS NOT NULL ORDER BY sort_key').all() as Array<{ id: string }>
      ).map((row) => row.id),
  };
}

const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// A run whose messages are all new skips the sweep's row-by-row check when its stretch holds nothing else
// (every page of a download); these are the cases where the stretch does hold something else.
describe('the sweep of a run whose messages are all new', () => {
  it('marks a stored message of the stretch that the run lacks deleted at the source', () => {
    const { store, deleted } = openChat();
    // Message 5 arrived alone (a pushed update: stored, proving nothing).
    store({ messages: [message(5)], coverage: null });
    const page = [...ids(1, 4), ...ids(6, 10)].map(message);
    const stored = store({ messages: page, coverage: { from: page[0]!, to: page.at(-1)!, reachesOldest: true } });
    expect(stored).toMatchObject({ inserted: 9, deleted: ['5'] });
    expect(deleted()).toEqual(['5']);
  });

  it('marks what lies between the boundary the page was asked from and its first message', () => {
    const { store, deleted } = openChat();
    const first = ids(1, 10).map(message);
    store({ messages: first, coverage: { from: first[0]!, to: first.at(-1)!, reachesOldest: true } });
    store({ messages: [message(12)], coverage: null });
    // A page newer than 10 starting at 13: 12 lies in the stretch it proves (after 10, the boundary).
    const next = ids(13, 20).map(message);
    const stored = store({
      messages: next,
      coverage: { from: message(10), to: next.at(-1)!, reachesOldest: false },
      boundary: message(10),
    });
    expect(stored).toMatchObject({ inserted: 8, deleted: ['12'] });
    expect(deleted()).toEqual(['12']);
  });

  it('marks nothing when the stretch holds only the run, the boundary message included', () => {
    const { store, deleted } = openChat();
    const first = ids(1, 10).map(message);
    store({ messages: first, coverage: { from: first[0]!, to: first.at(-1)!, reachesOldest: true } });
    const next = ids(11, 20).map(message);
    const stored = store({
      messages: next,
      coverage: { from: message(10), to: next.at(-1)!, reachesOldest: false },
      boundary: message(10),
      reachesNewest: true,
    });
    expect(stored).toMatchObject({ inserted: 10, deleted: [] });
    expect(deleted()).toEqual([]);
  });
});
