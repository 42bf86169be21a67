import fs from 'node:fs';
import Database from 'better-sqlite3';
import { ScrollbackError } from '../../../shared/errors.ts';
import type { RecoveryProgress } from '../../../shared/archiveHealth.ts';
import { damageMarkerOf } from './cacheErrors.ts';
import { openCacheDatabase } from './openCacheDatabase.ts';
import { INDEXED_BODY_OF_PARAMETER, SEARCH_ROWID_SPAN } from './searchIndexRowid.ts';
import { translator } from '../i18n/createTranslator.ts';

export interface RecoveryReport {
  /** The recovered database (at the original path). */
  path: string;
  /** Where the damaged file was kept. */
  damagedCopy: string;
  chats: number;
  messages: number;
  /** Chats of which some messages could not be read: their coverage was dropped, so the gaps are fetched again. */
  incompleteChats: Array<{ name: string; recovered: number }>;
}

type Row = Record<string, unknown>;

/**
 * Copies everything that can still be read from a damaged cache into a fresh database at the same path,
 * keeping the damaged file beside it (`….damaged-<time>`). Row by row, so one unreadable page costs only the
 * rows on it; a chat that lost messages keeps no coverage (nothing claims a stretch that is not all there).
 * Run with nothing else using the database.
 */
export function recoverCacheDatabase(
  databasePath: string,
  now = new Date(),
  onProgress?: (progress: RecoveryProgress) => void,
): RecoveryReport {
  const copied = copyReadableArchive(databasePath, onProgress);
  return { ...replaceWithRecovered(databasePath, copied.freshPath, now), ...copied.report };
}

/**
 * The long half of a recovery: copies what reads into `<database>.recovering`, reading the damaged file
 * through its own read-only connection, so the app may keep showing the damaged archive meanwhile (a worker).
 */
export function copyReadableArchive(
  databasePath: string,
  onProgress?: (progress: RecoveryProgress) => void,
): { freshPath: string; report: Omit<RecoveryReport, 'path' | 'damagedCopy'> } {
  if (!fs.existsSync(databasePath))
    throw new ScrollbackError('NOT_FOUND', translator()('error.cache.nothingToRecover', { path: databasePath }));
  const freshPath = `${databasePath}.recovering`;
  fs.rmSync(freshPath, { force: true });
  const damaged = new Database(databasePath, { readonly: true, fileMustExist: true });
  const fresh = openCacheDatabase(freshPath);
  const report = { chats: 0, messages: 0, incompleteChats: [] as RecoveryReport['incompleteChats'] };
  try {
    const readAll = (sql: string, ...params: unknown[]): { rows: Row[]; complete: boolean } => {
      const rows: Row[] = [];
      try {
        for (const row of damaged.prepare(sql).iterate(...params)) rows.push(row as Row);
        return { rows, complete: true };
      } catch {
        return { rows, complete: false };
      }
    };
    const columnsOf = (table: string) =>
      (fresh.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((c) => c.name);
    const copy = (table: string, rows: Row[]) => {
      if (rows.length === 0) return;
      const columns = columnsOf(table).filter((column) => column in rows[0]!);
      const insert = fresh.prepare(`INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      for (const row of rows) insert.run(...columns.map((column) => row[column]));
    };
    fresh
      .transaction(() => {
        copy('sources', readAll('SELECT * FROM sources').rows);
        const chats = readAll('SELECT * FROM chats ORDER BY id').rows;
        copy('chats', chats);
        copy('senders', readAll('SELECT * FROM senders ORDER BY id').rows);
        const recoveredByChat = copyReadableMessages(damaged, fresh, onProgress);
        const setCount = fresh.prepare('UPDATE chats SET cached_count = ? WHERE id = ?');
        const idsOrderUnknown = fresh.prepare('UPDATE chats SET ids_follow_positions = 0 WHERE id = ?');
        for (const chat of chats) {
          const recovered = recoveredByChat.get(Number(chat.id)) ?? 0;
          setCount.run(recovered, chat.id);
          // An archive from before schema 13 does not say whether a chat's ids follow its positions: not assumed.
          if (!('ids_follow_positions' in chat) && recovered > 0) idsOrderUnknown.run(chat.id);
          const coverage = readAll('SELECT * FROM coverage WHERE chat_id = ?', chat.id);
          // The chat's own count says how many it had: fewer read means some sat on a damaged page.
          if (recovered >= Number(chat.cached_count ?? 0) && coverage.complete) copy('coverage', coverage.rows);
          else report.incompleteChats.push({ name: String(chat.name), recovered });
          report.chats++;
          report.messages += recovered;
        }
        copy('exports', readAll('SELECT * FROM exports').rows);
      })
      .immediate();
    fresh.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    fresh.close();
    damaged.close();
  }
  return { freshPath, report };
}

/**
 * The short half, with nothing else holding the database open (SQLite deletes a WAL file by its name when the
 * last connection closes): the damaged file (and its WAL) moves aside to `….damaged-<time>`, the copy takes its place.
 */
export function replaceWithRecovered(databasePath: string, freshPath: string, now = new Date()): { path: string; damagedCopy: string } {
  const damagedCopy = `${databasePath}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm'])
    if (fs.existsSync(databasePath + suffix)) fs.renameSync(databasePath + suffix, damagedCopy + suffix);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(freshPath + suffix, { force: true });
  fs.renameSync(freshPath, databasePath);
  fs.rmSync(damageMarkerOf(databasePath), { force: true });
  return { path: databasePath, damagedCopy };
}

/** Rows are read in rowid ranges; a range that fails is read row by row, so a damaged page costs only its rows. */
const RANGE = 1000;

function copyReadableMessages(
  damaged: Database.Database,
  fresh: Database.Database,
  onProgress?: (progress: RecoveryProgress) => void,
): Map<number, number> {
  const counts = new Map<number, number>();
  const columns = (fresh.prepare(`SELECT name FROM pragma_table_info('messages')`).all() as Array<{ name: string }>).map((c) => c.name);
  const insert = fresh.prepare(`INSERT OR IGNORE INTO messages (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  const index = fresh.prepare(
    `INSERT INTO message_search (rowid, body) VALUES (? * ${SEARCH_ROWID_SPAN} + ?, ${INDEXED_BODY_OF_PARAMETER})`,
  );
  const store = (row: Row) => {
    if (insert.run(...columns.map((column) => row[column])).changes === 0) return;
    copiedMessages++;
    if (row.text) index.run(row.chat_id, row.id, String(row.text));
    counts.set(Number(row.chat_id), (counts.get(Number(row.chat_id)) ?? 0) + 1);
  };
  let last: number;
  try {
    last = (damaged.prepare('SELECT max(id) AS id FROM messages').get() as { id: number | null }).id ?? 0;
  } catch {
    // The table's last page is the damaged one: walk as far as the chats say there are messages, and some.
    try {
      last = 2 * ((damaged.prepare('SELECT sum(cached_count) AS n FROM chats').get() as { n: number | null }).n ?? 0) + RANGE;
    } catch {
      last = 0;
    }
  }
  let totalMessages = 0;
  try {
    totalMessages = (damaged.prepare('SELECT sum(cached_count) AS n FROM chats').get() as { n: number | null }).n ?? 0;
  } catch {
    // The chats table is on a damaged page: progress without a total.
  }
  let copiedMessages = 0;
  const range = damaged.prepare('SELECT * FROM messages WHERE id >= ? AND id < ?');
  const one = damaged.prepare('SELECT * FROM messages WHERE id = ?');
  for (let from = 1; from <= last; from += RANGE) {
    if (from % (RANGE * 20) === 1) onProgress?.({ copiedMessages, totalMessages });
    try {
      for (const row of range.all(from, from + RANGE) as Row[]) store(row);
    } catch {
      for (let id = from; id < from + RANGE && id <= last; id++) {
        try {
          const row = one.get(id) as Row | undefined;
          if (row) store(row);
        } catch {
          // On the damaged page: lost.
        }
      }
    }
  }
  return counts;
}
