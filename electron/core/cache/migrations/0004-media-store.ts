import type { Migration } from './Migration.ts';

/**
 * The media store: files kept on this computer, content-addressed (one file per sha256 however many messages
 * share it), and which message's thumbnail or whole file each one is. Thumbnails are never evicted; whole
 * files are, least recently viewed first, unless pinned or in a chat marked "keep media".
 */
export const migration0004MediaStore: Migration = {
  version: 4,
  name: 'media store',
  up(db) {
    db.exec(`
      CREATE TABLE media_files (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        mime_type TEXT NOT NULL,
        stored_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE message_media (
        chat_id INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
        -- The source's message id; '' for the chat's own photo (its avatar).
        message_id TEXT NOT NULL,
        variant TEXT NOT NULL CHECK (variant IN ('thumb', 'full')),
        sha256 TEXT NOT NULL REFERENCES media_files (sha256),
        -- Where it came from: the source kind that sent it, or the import file it was read from.
        origin TEXT NOT NULL,
        last_viewed_at INTEGER NOT NULL,
        pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
        PRIMARY KEY (chat_id, message_id, variant)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX message_media_by_file ON message_media (sha256);
      CREATE INDEX message_media_full_by_view ON message_media (last_viewed_at) WHERE variant = 'full';

      -- The chat's photo as the source describes it (JSON: a stripped preview, whether a small photo exists).
      ALTER TABLE chats ADD COLUMN avatar TEXT;
      ALTER TABLE chats ADD COLUMN keep_media INTEGER NOT NULL DEFAULT 0 CHECK (keep_media IN (0, 1));

      CREATE TABLE app_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
