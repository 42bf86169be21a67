import type { Migration } from './Migration.ts';

/**
 * Forum topics: a forum chat's topics (their ids are their first message's, as Telegram's are), which topic
 * each message is in (NULL: the General topic, or no forum), and whether the chat is a forum. Columns with
 * constant defaults: instant at any size; the index serves one topic's history in order.
 */
export const migration0008ForumTopics: Migration = {
  version: 8,
  name: 'forum topics',
  up(db) {
    db.exec(`
      CREATE TABLE topics (
        chat_id INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
        topic_id TEXT NOT NULL,
        title TEXT NOT NULL,
        icon_emoji TEXT,
        icon_color INTEGER,
        created_date INTEGER,
        PRIMARY KEY (chat_id, topic_id)
      ) STRICT, WITHOUT ROWID;
      ALTER TABLE chats ADD COLUMN forum INTEGER NOT NULL DEFAULT 0 CHECK (forum IN (0, 1));
      ALTER TABLE messages ADD COLUMN topic_id TEXT;
      CREATE INDEX messages_by_topic ON messages (chat_id, topic_id, date, sort_key) WHERE topic_id IS NOT NULL;
    `);
  },
};
