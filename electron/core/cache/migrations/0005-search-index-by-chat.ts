import type { Migration } from './Migration.ts';
import { indexedBodyOf, searchRowIdOf, SEARCH_ROWID_SPAN } from '../searchIndexRowid.ts';

/**
 * The full-text index rebuilt so that it answers counts and zero-hit queries alone, restricted to a chat:
 * - rowid = chat × 2^36 + message id: a chat is one rowid range, read without touching other chats' postings;
 * - detail=full: a term is a phrase of its trigrams, matched at consecutive positions, so a match is exactly a
 *   substring of the folded text and no candidate needs checking against the row (which costs 4–5 µs each);
 * - case_sensitive 1: the text is already folded by foldForSearch; the tokenizer must not fold it again;
 * - two end markers after each body: every occurrence of a 1–2 character term starts a trigram, found through
 *   the vocabulary table (message_search_terms);
 * - automerge 16: bulk stores merge segments less often (the index's cost at ingest drops to that of the
 *   old one); queries read a few more segments.
 * Plus an index in date order across chats, so all-chats search walks one index instead of one per chat, and
 * the date of each chat's first message where the source told it.
 */
export const migration0005SearchIndexByChat: Migration = {
  version: 5,
  name: 'search index by chat',
  up(db) {
    db.exec(`
      DROP TRIGGER IF EXISTS messages_delete_search;
      DROP TABLE IF EXISTS message_search;
      CREATE VIRTUAL TABLE message_search USING fts5 (
        body, content = '', tokenize = 'trigram case_sensitive 1', detail = 'full', columnsize = 0
      );
      INSERT INTO message_search (message_search, rank) VALUES ('automerge', 16);
      CREATE VIRTUAL TABLE message_search_terms USING fts5vocab (message_search, 'row');
      INSERT INTO message_search (rowid, body) SELECT ${searchRowIdOf('messages')}, ${indexedBodyOf('text')} FROM messages WHERE text <> '';
      CREATE TRIGGER messages_delete_search AFTER DELETE ON messages WHEN old.text <> '' BEGIN
        INSERT INTO message_search (message_search, rowid, body)
        VALUES ('delete', old.chat_id * ${SEARCH_ROWID_SPAN} + old.id, ${indexedBodyOf('old.text')});
      END;
      CREATE INDEX messages_by_date ON messages (date, sort_key, chat_id);
      -- When the chat's first message was sent, once the source said (the coverage bar spans the real lifetime).
      ALTER TABLE chats ADD COLUMN first_message_date INTEGER;
    `);
  },
};
