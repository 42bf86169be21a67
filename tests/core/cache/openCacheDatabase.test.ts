import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { runMigrations } from '../../../electron/core/cache/runMigrations.ts';
import { LOCK_WAIT_MS } from '../../../electron/core/cache/transactions.ts';
import { latestSchemaVersion } from '../../../electron/core/cache/migrations/allMigrations.ts';
import type { WritableDB } from '../../../electron/core/cache/CacheDatabase.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();
/** What the window shows too: no command-line switch (the CLI adds its own hint). */
const windowWords = expect.not.stringMatching(/--db|SCROLLBACK_DB/);
const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('openCacheDatabase', () => {
  it('creates a WAL database with foreign keys, a busy timeout, strict tables and owner-only permissions', () => {
    const file = path.join(tempFolder(), 'nested', 'folder', 'scrollback.db');
    const db = openCacheDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(LOCK_WAIT_MS);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(() => db.prepare("INSERT INTO sources (id, kind, name, created_at) VALUES ('x', 'demo', 'X', 'not a number')").run()).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    expect(() => db.prepare("INSERT INTO chats (source_id, source_key, name, kind) VALUES ('missing', 'k', 'n', 'group')").run()).toThrow(
      /FOREIGN KEY/,
    );
    db.close();
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a corrupt file with DB_CORRUPT, naming it, and leaves it byte for byte as it was', () => {
    const file = path.join(tempFolder(), 'scrollback.db');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('this is not sqlite at all\n'), crypto.randomBytes(8192)]));
    const before = digest(file);
    expect(() => openCacheDatabase(file)).toThrow(expect.objectContaining({ code: 'DB_CORRUPT', message: expect.stringContaining(file) }));
    expect(() => openCacheDatabase(file)).toThrow(expect.objectContaining({ message: windowWords }));
    expect(digest(file)).toBe(before);
  });

  it('refuses a database written by a newer Scrollback with DB_TOO_NEW and does not touch it', () => {
    const file = path.join(tempFolder(), 'scrollback.db');
    openCacheDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${latestSchemaVersion + 5}`);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = digest(file);
    expect(() => openCacheDatabase(file)).toThrow(
      expect.objectContaining({ code: 'DB_TOO_NEW', message: expect.stringMatching(/newer version of Scrollback/) }),
    );
    expect(() => openCacheDatabase(file)).toThrow(expect.objectContaining({ message: windowWords }));
    expect(digest(file)).toBe(before);
  });

  it('reports an unwritable data folder with DB_UNWRITABLE', () => {
    const blocker = path.join(tempFolder(), 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    expect(() => openCacheDatabase(path.join(blocker, 'data', 'scrollback.db'))).toThrow(
      expect.objectContaining({ code: 'DB_UNWRITABLE', message: expect.stringContaining('Cannot write to the data folder') }),
    );
    expect(() => openCacheDatabase(path.join(blocker, 'data', 'scrollback.db'))).toThrow(expect.objectContaining({ message: windowWords }));
    expect(fs.readFileSync(blocker, 'utf8')).toBe('not a folder');
  });

  it('reports a read-only folder with DB_UNWRITABLE (skipped as root, who may write anywhere)', (context) => {
    if (process.getuid?.() === 0) context.skip('running as root: file modes do not stop root from writing');
    const folder = path.join(tempFolder(), 'locked');
    fs.mkdirSync(folder, { mode: 0o500 });
    expect(() => openCacheDatabase(path.join(folder, 'scrollback.db'))).toThrow(expect.objectContaining({ code: 'DB_UNWRITABLE' }));
  });

  it('runs each migration with its version bump in one transaction: a failing step leaves the previous version', () => {
    const db = new Database(path.join(tempFolder(), 'm.db'));
    const migrations = [
      { version: 1, name: 'one', up: (d: Database.Database) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      {
        version: 2,
        name: 'two',
        up: (d: Database.Database) => {
          d.exec('CREATE TABLE b (y INTEGER) STRICT');
          throw new Error('boom in the middle of migration 2');
        },
      },
    ];
    expect(() => runMigrations(db as WritableDB, migrations, 'm.db')).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'a'").get()).toBeDefined();
  });

  it('pages by keyset on the position index (the query plan never scans the table)', () => {
    const db = openCacheDatabase(path.join(tempFolder(), 'plan.db'));
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM messages m WHERE m.chat_id = 1 AND (m.date, m.sort_key) < (5, 5) AND (m.date, m.sort_key) >= (1, 1)
         ORDER BY m.date DESC, m.sort_key DESC LIMIT 100`,
      )
      .all() as Array<{ detail: string }>;
    const details = plan.map((row) => row.detail).join(' | ');
    expect(details).toMatch(/USING (COVERING )?INDEX messages_by_position/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });
});

describe('search folding inside SQLite', () => {
  it('folds ASCII text with lower() exactly as foldForSearch does, and the rest through fold()', async () => {
    const { foldForSearch } = await import('../../../electron/core/text/foldForSearch.ts');
    const fc = (await import('fast-check')).default;
    const db = openCacheDatabase(path.join(tempFolder(), 'fold.db'));
    const sql = db.prepare(`SELECT CASE WHEN length(CAST(? AS BLOB)) = length(?) THEN lower(?) ELSE fold(?) END AS folded`);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.constantFrom('Café', 'ÀÉÎÕÜ', 'İstanbul', 'ǅ', '你好 ABC', 'שלום', '🎉Party'),
        ),
        (text) => {
          expect((sql.get(text, text, text, text) as { folded: string }).folded).toBe(foldForSearch(text));
        },
      ),
      { numRuns: 500 },
    );
  });
});
