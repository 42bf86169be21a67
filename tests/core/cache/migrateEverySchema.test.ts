import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { runMigrations } from '../../../electron/core/cache/runMigrations.ts';
import { allMigrations, latestSchemaVersion } from '../../../electron/core/cache/migrations/allMigrations.ts';
import { rebuildTable } from '../../../electron/core/cache/migrations/rebuildTable.ts';
import { foldForSearch } from '../../../electron/core/text/foldForSearch.ts';
import type { WritableDB } from '../../../electron/core/cache/CacheDatabase.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

/** Rows written with the SQL each schema version had, so a later step must carry them over. */
const seedsByVersion: Record<number, (db: Database.Database) => void> = {
  1(db) {
    const kinds = ['demo', 'telegram', 'ryze', 'import'];
    kinds.forEach((kind, index) =>
      db
        .prepare('INSERT INTO sources (id, kind, name, settings, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(`${kind}:1`, kind, `Source ${index}`, JSON.stringify({ n: index }), 1_600_000_000_000 + index),
    );
    const insertChat = db.prepare(
      'INSERT INTO chats (source_id, source_key, name, kind, peer, message_count, last_message_date, cached_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertSender = db.prepare('INSERT INTO senders (source_id, source_key, name, peer) VALUES (?, ?, ?, ?)');
    const insertMessage = db.prepare(
      'INSERT INTO messages (chat_id, source_msg_id, date, sort_key, sender_id, kind, out, text, entities, media, reply_to, service, reactions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    // Seeded at the version given: from 5 on the index is keyed by chat and holds end markers.
    const indexByChat = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'message_search_terms'").get() !== undefined;
    const insertSearch = indexByChat
      ? db.prepare('INSERT INTO message_search (rowid, body) VALUES (? * 68719476736 + ?, ? || char(1, 1))')
      : db.prepare('INSERT INTO message_search (rowid, body) VALUES (?, ?)');
    const insertCoverage = db.prepare(
      'INSERT INTO coverage (chat_id, from_date, from_sort_key, to_date, to_sort_key, reaches_oldest) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const kind of kinds) {
      for (let c = 0; c < 3; c++) {
        const chatId = Number(
          insertChat.run(
            `${kind}:1`,
            `chat-${c}`,
            `${kind} chat ${c}`,
            ['private', 'group', 'channel'][c],
            JSON.stringify({ hash: c }),
            40,
            1_700_000_040_000,
            40,
          ).lastInsertRowid,
        );
        const senderId = Number(insertSender.run(`${kind}:1`, `sender-${chatId}`, `Sender ${chatId}`, null).lastInsertRowid);
        for (let m = 0; m < 40; m++) {
          const text = `message ${m} of chat ${chatId} — café`;
          const rowId = insertMessage.run(
            chatId,
            String(m + 1),
            1_700_000_000_000 + m * 1000,
            m,
            senderId,
            m % 10 === 0 ? 'photo' : 'text',
            m % 2,
            text,
            '[]',
            m % 10 === 0 ? JSON.stringify({ kind: 'photo', width: 1, height: 1 }) : null,
            m > 0 ? String(m) : null,
            null,
            null,
          ).lastInsertRowid;
          if (indexByChat) insertSearch.run(chatId, rowId, foldForSearch(text));
          else insertSearch.run(rowId, foldForSearch(text));
        }
        insertCoverage.run(chatId, 1_700_000_000_000, 0, 1_700_000_039_000, 39, c === 0 ? 1 : 0);
      }
    }
  },
  2(db) {
    const chats = db.prepare('SELECT id FROM chats ORDER BY id LIMIT 5').all() as Array<{ id: number }>;
    for (const { id } of chats) {
      db.prepare(
        'INSERT INTO exports (chat_id, request, target, written, newest_date, newest_sort_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(id, '{"format":"json"}', `/tmp/export-${id}.json`, 40, 1_700_000_039_000, 39, 1_700_100_000_000);
    }
  },
  3(db) {
    // Version 3 let any kind of source be stored: one the old CHECK refused, with a chat.
    db.prepare("INSERT INTO sources (id, kind, name, settings, created_at) VALUES ('signal:1', 'signal', 'Signal', '{}', 5)").run();
    db.prepare(
      "INSERT INTO chats (source_id, source_key, name, kind, cached_count) VALUES ('signal:1', 'note-to-self', 'Note to self', 'private', 0)",
    ).run();
  },
  4(db) {
    // Version 4 kept media files: one file, the thumbnail of a photo message, and a chat marked keep-media.
    db.prepare("INSERT INTO media_files (sha256, size, mime_type, stored_at) VALUES ('ab12', 10, 'image/jpeg', 7)").run();
    db.prepare(
      "INSERT INTO message_media (chat_id, message_id, variant, sha256, origin, last_viewed_at, pinned) VALUES (1, '1', 'thumb', 'ab12', 'demo', 7, 0)",
    ).run();
    db.prepare('UPDATE chats SET keep_media = 1 WHERE id = 2').run();
  },
  5(db) {
    // Version 5 learnt when a chat began.
    db.prepare('UPDATE chats SET first_message_date = 1_600_000_000_000 WHERE id = 3').run();
  },
  6(db) {
    // Version 6 kept edits and deletions: an earlier version, a deleted message, a chat kept up to date.
    db.prepare(
      "INSERT INTO message_versions (message_id, chat_id, text, entities, media, edit_date, replaced_at) VALUES (2, 1, 'before the edit', NULL, NULL, NULL, 8)",
    ).run();
    db.prepare('UPDATE messages SET earlier_versions = 1, edit_date = 9 WHERE id = 2').run();
    db.prepare('UPDATE messages SET deleted_at = 10 WHERE id = 3').run();
    db.prepare('UPDATE chats SET keep_current = 1, refreshed_at = 11, looked_at = 12 WHERE id = 1').run();
  },
  7(db) {
    // Version 7 learnt where a chat sits in its source's list.
    db.prepare('UPDATE chats SET pinned = 1 WHERE id = 1').run();
    db.prepare('UPDATE chats SET archived = 1 WHERE id = 2').run();
  },
  8(db) {
    // Version 8 learnt forum topics: a forum, its topic, a message in it.
    db.prepare('UPDATE chats SET forum = 1 WHERE id = 1').run();
    db.prepare(
      "INSERT INTO topics (chat_id, topic_id, title, icon_emoji, icon_color, created_date) VALUES (1, '2', 'Q&A', NULL, 7322096, 13)",
    ).run();
    db.prepare("UPDATE messages SET topic_id = '2' WHERE id = 2").run();
  },
  9(db) {
    // Version 9 kept a channel post's signature and the bot it came via.
    db.prepare(`UPDATE messages SET details = '{"author":"Ana"}' WHERE id = 1`).run();
  },
  10(db) {
    // Version 10 learnt whole-account backups: an account's backup mid-pass and a chat it finished.
    const source = (db.prepare('SELECT source_id FROM chats WHERE id = 1').get() as { source_id: string }).source_id;
    db.prepare(
      `INSERT INTO backups (source_id, settings, state, pass_started_at, pass_listed) VALUES (?, '{"kinds":["private"],"media":[],"excludedChatIds":[],"everyMinutes":1440,"includeLeft":false}', 'running', 14, 1)`,
    ).run(source);
    db.prepare(
      "INSERT INTO backup_chats (chat_id, source_id, kind, listed_pass, history_at, history_pass, done_pass, backed_up_at) VALUES (1, ?, 'private', 14, 15, 14, 14, 15)",
    ).run(source);
  },
  11(db) {
    // Version 11 kept a chat away from AI assistants.
    db.prepare('UPDATE chats SET hidden_from_assistants = 1 WHERE id = 2').run();
  },
  12(db) {
    // Version 12 placed senders in people: one renamed by the user, a sender they placed, an identity.
    db.prepare("UPDATE people SET name = 'Ana C.', named_by_user = 1 WHERE id = (SELECT min(id) FROM people)").run();
    db.prepare('UPDATE person_senders SET pinned = 1 WHERE sender_id = (SELECT min(sender_id) FROM person_senders)').run();
    db.prepare("INSERT INTO sender_identities (sender_id, identity) SELECT min(id), 'phone:+4915112345678' FROM senders").run();
  },
};

type Snapshot = Record<string, Array<Record<string, unknown>>>;

function snapshot(db: Database.Database): Snapshot {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'message_search%' ORDER BY name",
    )
    .all() as Array<{ name: string }>;
  const result: Snapshot = {};
  for (const { name } of tables) {
    const columns = (db.prepare(`PRAGMA table_info(${name})`).all() as Array<{ name: string }>).map((column) => column.name);
    // Tables WITHOUT ROWID have none to order by: their columns in order will do.
    const order = (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(name) as { sql: string }).sql.includes('WITHOUT ROWID')
      ? columns.join(', ')
      : 'rowid';
    result[name] = db.prepare(`SELECT * FROM ${name} ORDER BY ${order}`).all() as Array<Record<string, unknown>>;
  }
  return result;
}

function databaseAtVersion(file: string, version: number): Database.Database {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  db.function('fold', { deterministic: true }, (text: unknown) => foldForSearch(String(text ?? '')));
  runMigrations(
    db as WritableDB,
    allMigrations.filter((migration) => migration.version <= version),
    file,
  );
  for (let seeded = 1; seeded <= version; seeded++) seedsByVersion[seeded]?.(db);
  return db;
}

describe('migrating a populated database of every earlier schema version', () => {
  it('has a seed for every version', () => {
    for (const migration of allMigrations)
      if (migration.version < latestSchemaVersion)
        expect(seedsByVersion[migration.version], `seed for schema ${migration.version}`).toBeTypeOf('function');
  });

  for (const migration of allMigrations.filter((candidate) => candidate.version < latestSchemaVersion)) {
    it(`keeps every row from schema ${migration.version} (${migration.name}) to ${latestSchemaVersion}`, () => {
      const file = path.join(tempFolder(), `v${migration.version}.db`);
      const old = databaseAtVersion(file, migration.version);
      const before = snapshot(old);
      const searchable = (old.prepare("SELECT count(*) AS n FROM message_search WHERE message_search MATCH 'afe'").get() as { n: number })
        .n;
      old.close();
      expect(before.messages!.length).toBe(480);

      const migrated = openCacheDatabase(file);
      expect(migrated.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      expect(migrated.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(migrated.pragma('foreign_key_check')).toEqual([]);
      expect(migrated.pragma('integrity_check', { simple: true })).toBe('ok');
      const after = snapshot(migrated);
      for (const [table, rows] of Object.entries(before)) {
        expect(after[table]?.length, `rows of ${table}`).toBe(rows.length);
        // Every column that existed keeps its value, row by row.
        expect(
          after[table]!.map((row) => Object.fromEntries(Object.keys(rows[0] ?? {}).map((column) => [column, row[column]]))),
          table,
        ).toEqual(rows);
      }
      expect((migrated.prepare("SELECT count(*) AS n FROM message_search WHERE message_search MATCH 'afe'").get() as { n: number }).n).toBe(
        searchable,
      );
      // The rebuilt index holds one entry per message under its chat's rowid range, and a delete removes it.
      const inChat = (chatId: number) =>
        (
          migrated
            .prepare(
              `SELECT count(*) AS n FROM message_search WHERE message_search MATCH '"cafe"' AND rowid BETWEEN ? * 68719476736 AND ? * 68719476736 + 68719476735`,
            )
            .get(chatId, chatId) as { n: number }
        ).n;
      expect(inChat(1)).toBe(40);
      // A source of a kind the old CHECK did not list can now be stored; cascades still work.
      migrated.prepare("INSERT INTO sources (id, kind, name, created_at) VALUES ('matrix:1', 'matrix', 'Matrix', 0)").run();
      migrated.prepare("DELETE FROM sources WHERE id = 'ryze:1'").run();
      expect((migrated.prepare("SELECT count(*) AS n FROM chats WHERE source_id = 'ryze:1'").get() as { n: number }).n).toBe(0);
      expect((migrated.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n).toBe(360);
      migrated.prepare("DELETE FROM messages WHERE chat_id = 1 AND source_msg_id = '1'").run();
      expect(inChat(1)).toBe(39);
      migrated.close();
    });
  }

  it('refuses to rebuild a table while foreign keys would cascade the drop', () => {
    const db = databaseAtVersion(path.join(tempFolder(), 'fk.db'), 1);
    expect(() =>
      rebuildTable(db as never, 'sources', { createSql: 'CREATE TABLE sources (id TEXT PRIMARY KEY)', columns: ['id'] }),
    ).toThrow(/foreign keys off/);
    expect((db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n).toBe(480);
    db.close();
  });

  it('rolls a rebuilding step back whole when it would break a reference', () => {
    const file = path.join(tempFolder(), 'broken.db');
    const db = databaseAtVersion(file, 2);
    const breaking = {
      version: 3,
      name: 'drops a referenced row',
      rebuildsTables: true,
      up(inner: Database.Database) {
        rebuildTable(inner as never, 'sources', {
          createSql:
            'CREATE TABLE sources (id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, settings TEXT NOT NULL, created_at INTEGER NOT NULL) STRICT',
          columns: ['id', 'kind', 'name', 'settings', 'created_at'],
        });
        inner.prepare("DELETE FROM sources WHERE id = 'demo:1'").run();
      },
    };
    expect(() => runMigrations(db as WritableDB, [...allMigrations.slice(0, 2), breaking as never], file)).toThrow(
      /would break \d+ references; nothing was changed/,
    );
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect((db.prepare('SELECT count(*) AS n FROM sources').get() as { n: number }).n).toBe(4);
    db.close();
  });
});
