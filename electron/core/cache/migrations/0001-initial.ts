import type { Migration } from './Migration.ts';

export const migration0001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('demo', 'telegram', 'ryze', 'import')),
        name TEXT NOT NULL,
        -- Non-secret settings as JSON. Secrets (sessions, tokens) are never stored here in plain text.
        settings TEXT NOT NULL DEFAULT '{}',
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE chats (
        id INTEGER PRIMARY KEY,
        source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        source_key TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('private', 'group', 'channel')),
        -- What the source needs to reach this chat again after a restart (e.g. Telegram type + access hash).
        peer TEXT,
        -- The source's total when it told us; NULL when unknown.
        message_count INTEGER,
        last_message_date INTEGER,
        -- Maintained in the same transaction as the messages, so listing chats never counts rows.
        cached_count INTEGER NOT NULL DEFAULT 0,
        UNIQUE (source_id, source_key)
      ) STRICT;

      CREATE TABLE senders (
        id INTEGER PRIMARY KEY,
        source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        source_key TEXT NOT NULL,
        name TEXT NOT NULL,
        peer TEXT,
        UNIQUE (source_id, source_key)
      ) STRICT;

      CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        chat_id INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
        source_msg_id TEXT NOT NULL,
        -- Epoch milliseconds. History order is (date, sort_key).
        date INTEGER NOT NULL,
        sort_key INTEGER NOT NULL,
        sender_id INTEGER REFERENCES senders (id),
        kind TEXT NOT NULL,
        out INTEGER NOT NULL DEFAULT 0,
        text TEXT NOT NULL,
        entities TEXT,
        media TEXT,
        reply_to TEXT,
        forward TEXT,
        edit_date INTEGER,
        service TEXT,
        grouped_id TEXT,
        views INTEGER,
        reactions TEXT,
        UNIQUE (chat_id, source_msg_id)
      ) STRICT;

      -- Keyset paging walks this index; unique so that (date, sort_key) is a total order within a chat.
      CREATE UNIQUE INDEX messages_by_position ON messages (chat_id, date, sort_key);

      -- Contentless trigram index over foldForSearch(text): substring matching in every script, CJK included.
      -- detail=none and columnsize=0 keep it small and fast to build (matches are confirmed against the
      -- folded text); removing an entry takes FTS5's 'delete' command with the text that was indexed.
      CREATE VIRTUAL TABLE message_search USING fts5 (
        body, content = '', tokenize = 'trigram', detail = 'none', columnsize = 0
      );
      CREATE TRIGGER messages_delete_search AFTER DELETE ON messages WHEN old.text <> '' BEGIN
        INSERT INTO message_search (message_search, rowid, body) VALUES ('delete', old.id, fold(old.text));
      END;

      -- Contiguous runs of a chat's history known to be completely cached, endpoints inclusive.
      CREATE TABLE coverage (
        id INTEGER PRIMARY KEY,
        chat_id INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
        from_date INTEGER NOT NULL,
        from_sort_key INTEGER NOT NULL,
        to_date INTEGER NOT NULL,
        to_sort_key INTEGER NOT NULL,
        -- The run starts at the very first message of the chat.
        reaches_oldest INTEGER NOT NULL DEFAULT 0 CHECK (reaches_oldest IN (0, 1)),
        CHECK (from_date < to_date OR (from_date = to_date AND from_sort_key <= to_sort_key))
      ) STRICT;
      CREATE INDEX coverage_by_chat ON coverage (chat_id, from_date, from_sort_key);
    `);
  },
};
