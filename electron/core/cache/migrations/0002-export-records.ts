import type { Migration } from './Migration.ts';

/** What each finished export covered, so "Export again" can write only what is new since then. */
export const migration0002ExportRecords: Migration = {
  version: 2,
  name: 'export records',
  up(db) {
    db.exec(`
      CREATE TABLE exports (
        id INTEGER PRIMARY KEY,
        chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
        request TEXT NOT NULL,
        target TEXT NOT NULL,
        written INTEGER NOT NULL,
        newest_date INTEGER,
        newest_sort_key INTEGER,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX exports_by_chat ON exports (chat_id, id);
    `);
  },
};
