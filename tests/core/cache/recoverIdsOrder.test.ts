import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { recoverCacheDatabase } from '../../../electron/core/cache/recoverCacheDatabase.ts';
import { upsertSource } from '../../../electron/core/cache/sourceQueries.ts';
import { getChatRecord, upsertChats } from '../../../electron/core/cache/chatQueries.ts';
import { storeHistoryRun } from '../../../electron/core/cache/storeHistoryRun.ts';
import { idsFollowPositions } from '../../../electron/core/cache/messageQueries.ts';
import { numberedMessages } from '../../support/numberedMessages.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

describe('recovering an archive', () => {
  it("keeps whether each chat's ids follow its positions, and assumes nothing for an archive that did not say", () => {
    for (const saysOrder of [true, false]) {
      const file = path.join(tempFolder(), `archive-${saysOrder}.db`);
      const db = openCacheDatabase(file);
      upsertSource(db, { id: 'import:x', kind: 'import', name: 'x' });
      const [inOrder, outOfOrder] = upsertChats(db, 'import:x', [
        { key: 'a', name: 'A', kind: 'group', messageCount: null, lastMessageDate: null },
        { key: 'b', name: 'B', kind: 'group', messageCount: null, lastMessageDate: null },
      ]);
      const page = (from: number) => numberedMessages(from, 3);
      for (const from of [0, 10]) storeHistoryRun(db, getChatRecord(db, inOrder!), { messages: page(from), coverage: null });
      for (const from of [10, 0]) storeHistoryRun(db, getChatRecord(db, outOfOrder!), { messages: page(from), coverage: null });
      db.close();
      // An archive written before schema 13 has no such column.
      if (!saysOrder) {
        const raw = new Database(file);
        raw.exec('ALTER TABLE chats DROP COLUMN ids_follow_positions');
        raw.close();
      }
      recoverCacheDatabase(file);
      const recovered = openCacheDatabase(file);
      expect(idsFollowPositions(recovered, inOrder!), `in order, the archive says: ${saysOrder}`).toBe(saysOrder);
      expect(idsFollowPositions(recovered, outOfOrder!), `out of order, the archive says: ${saysOrder}`).toBe(false);
      recovered.close();
    }
  });
});
