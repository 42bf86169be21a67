import type { Migration } from './Migration.ts';

/**
 * Whole-account backups: one row per account (its settings as JSON, the pass under way, the schedule, the
 * last summary) and one per chat of it (its kind as the backup counts it, when its whole history was first
 * stored, which pass last finished it, why it failed, whether it left the source). Each pass is named by
 * its start time; a chat is done in a pass when `done_pass` equals it, so a pass killed midway goes on with
 * the chats not done yet and never lists or downloads a finished one again.
 */
export const migration0010Backups: Migration = {
  version: 10,
  name: 'backups',
  up(db) {
    db.exec(`
      CREATE TABLE backups (
        source_id TEXT PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
        settings TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('idle', 'running', 'paused', 'done', 'failed')),
        -- The pass under way (or the last one): its start, epoch ms; NULL before the first.
        pass_started_at INTEGER,
        -- The pass's chat list was read from the source and stored (a resumed pass does not list again);
        -- while it is being read, where the next page starts (the source's opaque cursor), so a pass killed
        -- midway through a long list goes on from there.
        pass_listed INTEGER NOT NULL DEFAULT 0 CHECK (pass_listed IN (0, 1)),
        list_cursor TEXT,
        -- What the pass did so far (JSON, a BackupSummary without its end), kept across a kill.
        pass_counts TEXT,
        next_run_at INTEGER,
        last_summary TEXT,
        error TEXT
      ) STRICT;

      CREATE TABLE backup_chats (
        chat_id INTEGER PRIMARY KEY REFERENCES chats (id) ON DELETE CASCADE,
        source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('private', 'groups', 'channels', 'bots')),
        gone TEXT CHECK (gone IN ('left', 'deleted')),
        -- The pass whose listing last found it (one not found by a finished listing is gone).
        listed_pass INTEGER,
        -- When its whole history was first stored; NULL: the next pass downloads it whole.
        history_at INTEGER,
        -- The pass whose history step finished it (its media may still be under way), and the pass that
        -- finished it entirely (their start times).
        history_pass INTEGER,
        done_pass INTEGER,
        backed_up_at INTEGER,
        error TEXT,
        -- About how many messages it has, from its listing (a channel's newest id: its ids are its own), for
        -- the time left before its history is walked; NULL: the listing could not say.
        size_hint INTEGER,
        -- A basic group later migrated to a supergroup: the supergroup's chat, whose history continues it.
        continued_by INTEGER REFERENCES chats (id) ON DELETE SET NULL
      ) STRICT;
      CREATE INDEX backup_chats_by_source ON backup_chats (source_id, done_pass);
    `);
  },
};
