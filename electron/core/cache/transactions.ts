import type { ReadableDB, WritableDB } from './CacheDatabase.ts';
import { assertWritable } from './cacheErrors.ts';

/**
 * Runs `work` in one write transaction, taken at once (BEGIN IMMEDIATE), so it never fails half-way on a
 * lock it could not upgrade: everything it wrote commits together, or nothing does.
 */
export function inWriteTransaction<T>(db: WritableDB, work: () => T): T {
  assertWritable(db);
  return db.transaction(work).immediate();
}

/**
 * Runs `read` in one read transaction: every query in it sees the same snapshot, even while another
 * connection writes (WAL). For long reads such as an export.
 */
export function inReadSnapshot<T>(db: ReadableDB, read: () => T): T {
  db.exec('BEGIN');
  try {
    const result = read();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * While `work` runs, a write that finds the database locked fails after `ms` instead of the normal busy
 * timeout: used while an import holds the write lock, so this thread's event loop never blocks for seconds.
 */
export async function withBusyTimeout<T>(db: ReadableDB, ms: number, work: () => Promise<T>): Promise<T> {
  const normal = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`);
  try {
    return await work();
  } finally {
    db.pragma(`busy_timeout = ${normal}`);
  }
}
