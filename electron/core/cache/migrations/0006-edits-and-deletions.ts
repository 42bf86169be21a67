import type { Migration } from './Migration.ts';

/**
 * What the source forgets, kept here:
 * - `message_versions`: a message's earlier text, formatting and attachment each time an edit was seen
 *   (the row in `messages` is always the newest), with when the version was made at the source (its edit
 *   date; NULL for the original) and when this computer saw it replaced;
 * - `messages.deleted_at`: when this computer learnt the source deleted the message (it stays here);
 * - `messages.earlier_versions`: how many versions are kept, so a page shows "edited · 2 earlier" without a join;
 * - per chat: whether it is kept up to date, when it last was, and when the user last looked ("what changed
 *   since"). Adding columns with constant defaults rewrites nothing, so this step is instant at any size;
 *   the partial index covers only deleted rows.
 */
export const migration0006EditsAndDeletions: Migration = {
  version: 6,
  name: 'edits and deletions',
  up(db) {
    db.exec(`
      CREATE TABLE message_versions (
        id INTEGER PRIMARY KEY,
        message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        chat_id INTEGER NOT NULL,
        text TEXT NOT NULL,
        entities TEXT,
        media TEXT,
        -- When this version was made at the source: the edit date it carried, NULL for the original message.
        edit_date INTEGER,
        -- When this computer saw it replaced by a newer version, epoch ms.
        replaced_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX message_versions_by_message ON message_versions (message_id, id);
      CREATE INDEX message_versions_by_chat ON message_versions (chat_id, replaced_at);

      ALTER TABLE messages ADD COLUMN deleted_at INTEGER;
      ALTER TABLE messages ADD COLUMN earlier_versions INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX messages_deleted ON messages (chat_id, deleted_at) WHERE deleted_at IS NOT NULL;

      -- NULL: the default (on once the user downloaded the chat); 0 or 1: the user said so.
      ALTER TABLE chats ADD COLUMN keep_current INTEGER CHECK (keep_current IN (0, 1));
      ALTER TABLE chats ADD COLUMN refreshed_at INTEGER;
      ALTER TABLE chats ADD COLUMN looked_at INTEGER;
    `);
  },
};
