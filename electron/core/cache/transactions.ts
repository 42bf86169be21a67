import { ScrollbackError } from '../../../shared/errors.ts';
import type { ReadableDB, WritableDB } from './CacheDatabase.ts';
import { assertWritable, isLockBusy, isMarkedDamaged, lockBusyError, lockWaitingMessage } from './cacheErrors.ts';
import { noteWriting } from './writerNotes.ts';
import { translator } from '../i18n/createTranslator.ts';

/**
 * Several processes share one archive (the app and any number of `scrollback` commands), and SQLite lets one
 * of them write at a time. better-sqlite3 waits for the lock synchronously, which on the core's thread (the
 * Electron main process) would freeze everything. So:
 * - every connection waits at most LOCK_WAIT_MS synchronously (its busy_timeout);
 * - a write on the core's thread that finds the lock taken retries asynchronously with backoff
 *   (`writeWhenFree`), so the event loop keeps answering reads (WAL: readers never wait for the writer);
 * - a worker thread's long write (an import) may wait in place (`waitForLockInThisThread`): it blocks only itself,
 *   still sees Cancel, and says it is waiting;
 * - a write that has waited SAY_WAITING_AFTER_MS says so ("another Scrollback process is importing; waiting…"),
 *   and one that has waited past its deadline fails with BUSY naming who holds the lock (see writerNotes.ts).
 */
export const LOCK_WAIT_MS = 20;
/** A write waiting for the lock longer than this says so. */
export const SAY_WAITING_AFTER_MS = 1000;
/** A write on the core's thread gives up with BUSY after waiting this long. */
export const WRITE_DEADLINE_MS = 60_000;
const MAX_BACKOFF_MS = 250;

/** Told when a write on this connection starts waiting for another process (a message) and stops (null). */
export type LockWaitingListener = (message: string | null) => void;
const waitingListeners = new WeakMap<ReadableDB, Set<LockWaitingListener>>();

export function onLockWaiting(db: ReadableDB, listener: LockWaitingListener): () => void {
  let listeners = waitingListeners.get(db);
  if (!listeners) waitingListeners.set(db, (listeners = new Set()));
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function sayWaiting(db: ReadableDB, message: string | null): void {
  for (const listener of waitingListeners.get(db) ?? []) {
    try {
      listener(message);
    } catch {
      // A listener's failure is no reason to fail the write.
    }
  }
}

/** How a worker thread's connection waits for the lock in place (see waitForLockInThisThread). */
export interface ThreadLockWait {
  /** What this connection's transactions do, for the note others read when they find the lock taken. */
  doing: string;
  isCancelled?: () => boolean;
  deadlineMs?: number;
}
const threadWaits = new WeakMap<ReadableDB, ThreadLockWait>();

/**
 * Lets write transactions on this connection wait for the lock (checking `isCancelled`, telling onLockWaiting
 * listeners) instead of failing fast. Only for a worker thread's connection: the wait blocks its thread.
 */
export function waitForLockInThisThread(db: WritableDB, wait: ThreadLockWait): void {
  threadWaits.set(db, wait);
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `work` in one write transaction, taken at once (BEGIN IMMEDIATE), so it never fails half-way on a
 * lock it could not upgrade: everything it wrote commits together, or nothing does. A lock held by another
 * process fails it with BUSY (retried by `writeWhenFree`), or, on a connection set up by
 * `waitForLockInThisThread`, is waited for.
 */
export function inWriteTransaction<T>(db: WritableDB, work: () => T): T {
  assertWritable(db);
  if (db.inTransaction) return db.transaction(work)();
  const wait = threadWaits.get(db);
  const startedAt = Date.now();
  let delay = 5;
  let told = false;
  try {
    for (;;) {
      let began = false;
      let release: (() => void) | null = null;
      try {
        const result = db
          .transaction(() => {
            began = true;
            if (wait) release = noteWriting(db.name, wait.doing);
            return work();
          })
          .immediate();
        runAfterFirstWrite(db);
        return result;
      } catch (error) {
        // Only BEGIN waits for the lock: a transaction that began is never run twice.
        if (!isLockBusy(error)) throw error;
        const waited = Date.now() - startedAt;
        if (began || !wait || waited >= (wait.deadlineMs ?? WRITE_DEADLINE_MS)) throw lockBusyError(db.name, waited, error);
        if (wait.isCancelled?.()) throw new ScrollbackError('CANCELLED', translator()('error.cache.waitCancelled'));
        if (!told && waited >= SAY_WAITING_AFTER_MS) {
          told = true;
          sayWaiting(db, lockWaitingMessage(db.name));
        }
        Atomics.wait(sleeper, 0, 0, delay);
        delay = Math.min(delay * 2, MAX_BACKOFF_MS);
      } finally {
        (release as (() => void) | null)?.();
      }
    }
  } finally {
    if (told) sayWaiting(db, null);
  }
}

/**
 * Runs `write` (one transaction, or one statement) on the core's thread; while another process holds the
 * write lock, tries again after a growing pause (the event loop keeps running), says it is waiting after a
 * moment, and fails with BUSY naming the holder after `deadlineMs`. `write` must do nothing before it
 * writes that it could not do twice: a try that found the lock taken wrote nothing.
 */
export async function writeWhenFree<T>(
  db: WritableDB,
  write: () => T,
  options: { signal?: AbortSignal; deadlineMs?: number } = {},
): Promise<T> {
  const startedAt = Date.now();
  let delay = 5;
  let told = false;
  try {
    for (;;) {
      try {
        const result = write();
        runAfterFirstWrite(db);
        return result;
      } catch (error) {
        if (!isLockBusy(error)) throw error;
        const waited = Date.now() - startedAt;
        if (waited >= (options.deadlineMs ?? WRITE_DEADLINE_MS)) throw lockBusyError(db.name, waited, error);
        if (!told && waited >= SAY_WAITING_AFTER_MS) {
          told = true;
          sayWaiting(db, lockWaitingMessage(db.name));
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
        options.signal?.throwIfAborted();
        delay = Math.min(delay * 2, MAX_BACKOFF_MS);
      }
    }
  } finally {
    if (told) sayWaiting(db, null);
  }
}

const afterFirstWrite = new WeakMap<ReadableDB, Array<() => void>>();

/**
 * Housekeeping that writes (the media sweep) waits for the first write this connection makes, so opening an
 * archive writes nothing: a damaged one opens read-only, and opening never waits for another process's lock.
 * Skipped for good when the archive is damaged; a task that fails (the lock taken again) is not retried.
 */
export function doAfterFirstWrite(db: WritableDB, task: () => void): void {
  const tasks = afterFirstWrite.get(db) ?? [];
  tasks.push(task);
  afterFirstWrite.set(db, tasks);
}

/** Called after each successful write (transaction helpers, storeHistoryRun). */
export function runAfterFirstWrite(db: ReadableDB): void {
  const tasks = afterFirstWrite.get(db);
  if (!tasks) return;
  afterFirstWrite.delete(db);
  if (isMarkedDamaged(db)) return;
  for (const task of tasks) {
    try {
      task();
    } catch {
      // Housekeeping: next time.
    }
  }
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
