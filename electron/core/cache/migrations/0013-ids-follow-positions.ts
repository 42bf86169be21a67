import type { Migration } from './Migration.ts';

/**
 * Whether a chat's message ids follow its positions (every message stored after all those before it, as an
 * import or a download paging newer stores them): then the messages between two dates are exactly the ids
 * between the first and the last of them, and the search index, keyed by chat and id, is read in position
 * order without a walk to prove it. Kept by every insert (see insertMessages). Chats that already hold messages
 * are not known to and start at 0 (search proves the order as before); a chat stored from now on starts at 1.
 */
export const migration0013IdsFollowPositions: Migration = {
  version: 13,
  name: 'ids follow positions',
  up(db) {
    db.exec(`
      ALTER TABLE chats ADD COLUMN ids_follow_positions INTEGER NOT NULL DEFAULT 1 CHECK (ids_follow_positions IN (0, 1));
      UPDATE chats SET ids_follow_positions = 0 WHERE EXISTS (SELECT 1 FROM messages WHERE messages.chat_id = chats.id);
    `);
  },
};
