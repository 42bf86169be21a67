import type { Migration } from './Migration.ts';

/**
 * Where a chat sits in its source's list: pinned to the top, or archived (Telegram's archive folder), as the
 * source says at each listing. Columns with constant defaults: instant at any size.
 */
export const migration0007PinnedAndArchivedChats: Migration = {
  version: 7,
  name: 'pinned and archived chats',
  up(db) {
    db.exec(`
      ALTER TABLE chats ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1));
      ALTER TABLE chats ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));
    `);
  },
};
