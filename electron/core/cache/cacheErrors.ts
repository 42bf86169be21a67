import fs from 'node:fs';
import path from 'node:path';
import { ScrollbackError } from '../../../shared/errors.ts';
import type { ReadableDB, WritableDB } from './CacheDatabase.ts';
import { currentWriters, describeWriters } from './writerNotes.ts';
import type { ArchiveHealth } from '../../../shared/archiveHealth.ts';
import { translator } from '../i18n/createTranslator.ts';

/** Connections found damaged: nothing more is written through them (what still reads, reads). */
const damaged = new WeakMap<ReadableDB, ScrollbackError>();

/** Beside a damaged database, so a restart (or the CLI) knows before it writes anything. */
export function damageMarkerOf(databasePath: string): string {
  return `${databasePath}.damaged`;
}

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function damagedError(databasePath: string): ScrollbackError {
  return new ScrollbackError('DB_CORRUPT', translator()('error.cache.damaged', { path: databasePath }));
}

/**
 * What a failure of the cache means for the person, in words: a full disk (naming the folder), a damaged
 * database (which also stops every later write through this connection), a read-only file. Null for an
 * error that is not the cache's.
 */
export function cacheErrorOf(db: ReadableDB | string, error: unknown): ScrollbackError | null {
  if (error instanceof ScrollbackError) return error;
  const code = sqliteCode(error);
  const databasePath = typeof db === 'string' ? db : db.name;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return new ScrollbackError('DISK_FULL', translator()('error.cache.diskFull', { folder: path.dirname(databasePath) }), { cause: error });
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    const marked = damagedError(databasePath);
    if (typeof db !== 'string') damaged.set(db, marked);
    try {
      fs.writeFileSync(damageMarkerOf(databasePath), `${new Date().toISOString()} ${code}\n`, { flag: 'a' });
    } catch {
      // The mark in memory still stops writes through this connection.
    }
    return marked;
  }
  if (isLockBusy(error)) return lockBusyError(databasePath, 0, error);
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return new ScrollbackError('DB_UNWRITABLE', translator()('error.cache.readOnly', { path: databasePath, code }), { cause: error });
  }
  return null;
}

/** Refuses to write through a connection whose database was found damaged (here, or by an earlier run). */
export function assertWritable(db: WritableDB): void {
  const mark = damaged.get(db);
  if (mark) throw mark;
  // Another connection (the import worker's) may have found the damage since.
  if (fs.existsSync(damageMarkerOf(db.name))) {
    markDamagedIfFlagged(db);
    throw damaged.get(db)!;
  }
}

/** Called on open: a database an earlier run found damaged is not written to either. */
export function markDamagedIfFlagged(db: ReadableDB): void {
  if (fs.existsSync(damageMarkerOf(db.name))) damaged.set(db, damagedError(db.name));
}

export function isMarkedDamaged(db: ReadableDB): boolean {
  return damaged.has(db);
}

/** BUSY errors that mean "another process holds the write lock" (and may be tried again), as opposed to other BUSY. */
const lockBusyErrors = new WeakSet<ScrollbackError>();

/** The write lock was taken by another connection: SQLite's own error, or ours that says so. */
export function isLockBusy(error: unknown): boolean {
  if (error instanceof ScrollbackError) return lockBusyErrors.has(error);
  const code = sqliteCode(error);
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/** BUSY, naming who holds the lock (from the notes writers leave), never INTERNAL. */
export function lockBusyError(databasePath: string, waitedMs: number, cause?: unknown): ScrollbackError {
  const holders = describeWriters(currentWriters(databasePath));
  const t = translator();
  const waited = waitedMs >= 1000 ? ` ${t('error.cache.waited', { seconds: Math.round(waitedMs / 1000) })}` : '';
  const error = new ScrollbackError(
    'BUSY',
    holders ? t('error.cache.busyScrollback', { waited, holders }) : t('error.cache.busyOther', { waited }),
    { cause },
  );
  lockBusyErrors.add(error);
  return error;
}

/** What a write waiting for the lock says: "Another Scrollback process is importing; waiting… (scrollback import, process 1234, …)". */
export function lockWaitingMessage(databasePath: string): string {
  const notes = currentWriters(databasePath);
  const holders = describeWriters(notes);
  if (!holders) return translator()('cache.lock.waitingOther');
  const doing = notes.some((note) => note.doing.startsWith('importing')) ? 'importing' : 'writing';
  return translator()('cache.lock.waitingScrollback', { doing, holders });
}

/** Whether the archive is damaged (found so here, or by another process or an earlier run), in words. */
export function archiveHealthOf(db: ReadableDB): ArchiveHealth {
  markDamagedIfFlagged(db);
  const mark = damaged.get(db);
  return mark ? { damaged: true, message: mark.message } : { damaged: false, message: null };
}

/**
 * A write that only keeps a nicety (when a chat or a photo was last looked at): made on read paths, so it is
 * skipped while another process holds the lock or the archive is damaged, rather than failing the read.
 */
export function writeIfFree(db: WritableDB, write: () => void): void {
  markDamagedIfFlagged(db);
  if (damaged.has(db)) return;
  try {
    write();
  } catch (error) {
    if (!isLockBusy(error)) throw error;
  }
}
