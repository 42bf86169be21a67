import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { upsertSource } from '../../../electron/core/cache/sourceQueries.ts';
import { getChatRecord, upsertChats } from '../../../electron/core/cache/chatQueries.ts';
import { storeHistoryRun } from '../../../electron/core/cache/storeHistoryRun.ts';
import { selectMessagesByIds, selectMessageVersions } from '../../../electron/core/cache/messageQueries.ts';
import { sourceMessage, type SourceMessage } from '../../../electron/core/model/SourceMessage.ts';
import type { WritableDB } from '../../../electron/core/cache/CacheDatabase.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();
const T0 = Date.UTC(2024, 0, 1);

function message(id: number, text = `message ${id}`, editDate: number | null = null): SourceMessage {
  return sourceMessage({
    id: String(id),
    sortKey: id,
    date: T0 + id * 60_000,
    sender: { key: 'u1', name: 'Ana' },
    out: false,
    text,
    editDate,
  });
}

function openChat(): { db: WritableDB; chatId: number } {
  const db = openCacheDatabase(path.join(tempFolder(), 'cache.db'));
  upsertSource(db, { id: 'telegram:1', kind: 'telegram', name: 'Telegram', settings: {} });
  const [chatId] = upsertChats(db, 'telegram:1', [{ key: 'c1', name: 'Chat', kind: 'group', messageCount: null, lastMessageDate: null }]);
  return { db, chatId: chatId! };
}

function storeRun(db: WritableDB, chatId: number, messages: SourceMessage[], at: number, reachesNewest = false) {
  return storeHistoryRun(db, getChatRecord(db, chatId), {
    messages,
    coverage: { from: messages[0]!, to: messages.at(-1)!, reachesOldest: false },
    reachesNewest,
    seenAt: at,
  });
}

function searchCount(db: WritableDB, word: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM message_search WHERE message_search MATCH ?`).get(`"${word}"`) as { n: number }).n;
}

describe('edits and deletions in the cache', () => {
  it('keeps the earlier version of an edited message and indexes the new text only', () => {
    const { db, chatId } = openChat();
    const first = [1, 2, 3, 4, 5].map((id) => message(id));
    first[2] = message(3, 'the train leaves at nine');
    expect(storeRun(db, chatId, first, T0 + 1).inserted).toBe(5);

    const later = [1, 2, 3, 4, 5].map((id) => message(id));
    later[2] = message(3, 'the bus leaves at ten', T0 + 999_000);
    const stored = storeRun(db, chatId, later, T0 + 2);
    expect(stored).toMatchObject({ inserted: 0, edited: ['3'], deleted: [] });

    const [row] = selectMessagesByIds(db, chatId, ['3']);
    expect(row).toMatchObject({ text: 'the bus leaves at ten', editDate: T0 + 999_000, earlierVersions: 1, deletedAt: null });
    expect(selectMessageVersions(db, chatId, '3')).toEqual([
      { text: 'the train leaves at nine', entities: [], media: null, editDate: null, replacedAt: T0 + 2 },
    ]);
    expect(searchCount(db, 'train')).toBe(0);
    expect(searchCount(db, 'bus')).toBe(1);

    // The same page again changes nothing; an older copy (an export made before the edit) does not revert it.
    expect(storeRun(db, chatId, later, T0 + 3).edited).toEqual([]);
    expect(storeRun(db, chatId, first, T0 + 4).edited).toEqual([]);
    expect(selectMessagesByIds(db, chatId, ['3'])[0]!.text).toBe('the bus leaves at ten');
    expect(selectMessageVersions(db, chatId, '3')).toHaveLength(1);
  });

  it('marks messages missing from a complete re-fetched run as deleted, keeps them, and lifts the mark if they come back', () => {
    const { db, chatId } = openChat();
    storeRun(
      db,
      chatId,
      [1, 2, 3, 4, 5, 6].map((id) => message(id)),
      T0 + 1,
    );
    // The source lost 3 and 6 (its newest): a run from 1 that reaches the newest proves both gone.
    const stored = storeRun(
      db,
      chatId,
      [1, 2, 4, 5].map((id) => message(id)),
      T0 + 7,
      true,
    );
    expect(stored.deleted.sort()).toEqual(['3', '6']);
    const rows = selectMessagesByIds(db, chatId, ['1', '3', '6']);
    expect(rows.map((row) => [row.id, row.deletedAt])).toEqual([
      ['1', null],
      ['3', T0 + 7],
      ['6', T0 + 7],
    ]);
    expect((db.prepare('SELECT cached_count AS n FROM chats WHERE id = ?').get(chatId) as { n: number }).n).toBe(6);

    // A run that does not claim the newest leaves what lies after it alone; an earlier mark keeps its date.
    storeRun(
      db,
      chatId,
      [1, 2].map((id) => message(id)),
      T0 + 8,
    );
    expect(selectMessagesByIds(db, chatId, ['3'])[0]!.deletedAt).toBe(T0 + 7);

    // A stored run without coverage (search results) proves nothing about what it does not hold.
    storeHistoryRun(db, getChatRecord(db, chatId), { messages: [message(1)], coverage: null, seenAt: T0 + 9 });
    expect(selectMessagesByIds(db, chatId, ['2'])[0]!.deletedAt).toBeNull();

    const back = storeRun(
      db,
      chatId,
      [2, 3, 4].map((id) => message(id)),
      T0 + 10,
    );
    expect(back.restored).toEqual(['3']);
    expect(selectMessagesByIds(db, chatId, ['3'])[0]!.deletedAt).toBeNull();
  });
});
