import type { WritableDB } from '../cache/CacheDatabase.ts';
import type { ScrollbackCore } from './ScrollbackCore.ts';

const databases = new WeakMap<ScrollbackCore, WritableDB>();

/** The cache connection of a core, for tests and benchmarks that inspect or seed what it stored. */
export function databaseOf(core: ScrollbackCore): WritableDB {
  const db = databases.get(core);
  if (!db) throw new Error('not a core opened by openScrollbackCore');
  return db;
}

/** Called once by openScrollbackCore, so databaseOf can answer for the core it returns. */
export function rememberDatabaseOf(core: ScrollbackCore, db: WritableDB): void {
  databases.set(core, db);
}
