import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { upsertSource } from '../../../electron/core/cache/sourceQueries.ts';
import { getChatRecord, upsertChats } from '../../../electron/core/cache/chatQueries.ts';
import { storeHistoryRun } from '../../../electron/core/cache/storeHistoryRun.ts';
import { idsFollowPositions } from '../../../electron/core/cache/messageQueries.ts';
import { sourceMessage } from '../../../electron/core/model/SourceMessage.ts';
import { numberedMessages } from '../../support/numberedMessages.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

/** What a scan says: every message's id in the order of its position. */
function scanSaysIdsFollowPositions(db: ReturnType<typeof openCacheDatabase>, chatId: number): boolean {
  const ids = db
    .prepare<[number], { id: number }>('SELECT id FROM messages WHERE chat_id = ? ORDER BY date, sort_key')
    .all(chatId)
    .map((row) => row.id);
  return ids.every((id, index) => index === 0 || id > ids[index - 1]!);
}

describe("whether a chat's ids follow its positions", () => {
  it('property: the flag says what a scan finds after pages in any order, with repeats, each newest or oldest first', () => {
    // One archive, a new chat each run (opening an archive runs every migration).
    const db = openCacheDatabase(path.join(tempFolder(), 'ids.db'));
    upsertSource(db, { id: 'import:x', kind: 'import', name: 'x' });
    let run = 0;
    fc.assert(
      fc.property(
        // Batches of message numbers (a number is a position: its date), each stored as a page in the order given.
        fc.array(fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (batches, reversedPages) => {
          const [chatId] = upsertChats(db, 'import:x', [
            { key: `c${run++}`, name: 'C', kind: 'group', messageCount: null, lastMessageDate: null },
          ]);
          const chat = getChatRecord(db, chatId!);
          expect(idsFollowPositions(db, chat.id)).toBe(true);
          for (const batch of batches) {
            const unique = [...new Set(batch)];
            const messages = unique.map((n) =>
              sourceMessage({ id: String(n), sortKey: n, date: 1_700_000_000_000 + n * 1000, sender: null, out: false, text: `m${n}` }),
            );
            storeHistoryRun(db, chat, { messages: reversedPages ? messages.reverse() : messages, coverage: null });
            expect(idsFollowPositions(db, chat.id), JSON.stringify(batches)).toBe(scanSaysIdsFollowPositions(db, chat.id));
          }
        },
      ),
      { numRuns: 60 },
    );
    db.close();
  });

  it('a page that comes newest first keeps the order; an older page stored after a newer one ends it', () => {
    const db = openCacheDatabase(path.join(tempFolder(), 'pages.db'));
    upsertSource(db, { id: 'import:x', kind: 'import', name: 'x' });
    const [chatId] = upsertChats(db, 'import:x', [{ key: 'c', name: 'C', kind: 'group', messageCount: null, lastMessageDate: null }]);
    const chat = getChatRecord(db, chatId!);
    const page = (from: number) => numberedMessages(from, 5).reverse();
    storeHistoryRun(db, chat, { messages: page(10), coverage: null });
    expect(idsFollowPositions(db, chat.id)).toBe(true);
    storeHistoryRun(db, chat, { messages: page(20), coverage: null });
    expect(idsFollowPositions(db, chat.id)).toBe(true);
    storeHistoryRun(db, chat, { messages: page(0), coverage: null });
    expect(idsFollowPositions(db, chat.id)).toBe(false);
    db.close();
  });
});
