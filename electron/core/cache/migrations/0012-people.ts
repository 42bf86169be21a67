import type { Migration } from './Migration.ts';
import { placeUnplacedSenders } from '../peopleQueries.ts';

/**
 * People: one person across sources and chats. `sender_identities` holds what proves who a sender is (a
 * Telegram user id, a phone number, a WhatsApp JID, a Discord user id), from the sender's key and what its
 * source told about it; senders sharing an identity are one person. `person_senders` places each sender in a
 * person; `pinned` marks the user's own placements (a link or an unlink), which automatic linking keeps.
 */
export const migration0012People: Migration = {
  version: 12,
  name: 'people',
  up(db) {
    db.exec(`
      CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        named_by_user INTEGER NOT NULL DEFAULT 0 CHECK (named_by_user IN (0, 1)),
        me INTEGER NOT NULL DEFAULT 0 CHECK (me IN (0, 1))
      ) STRICT;
      CREATE TABLE person_senders (
        sender_id INTEGER PRIMARY KEY REFERENCES senders (id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))
      ) STRICT;
      CREATE INDEX person_senders_by_person ON person_senders (person_id);
      CREATE TABLE sender_identities (
        sender_id INTEGER NOT NULL REFERENCES senders (id) ON DELETE CASCADE,
        identity TEXT NOT NULL,
        PRIMARY KEY (sender_id, identity)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX sender_identities_by_identity ON sender_identities (identity);
    `);
    // The senders already stored, each placed as if met now.
    placeUnplacedSenders(db);
  },
};
