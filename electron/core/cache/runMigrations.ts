import { ScrollbackError } from '../../../shared/errors.ts';
import type { CacheDatabase } from './CacheDatabase.ts';
import type { Migration } from './migrations/Migration.ts';

/**
 * Brings the schema to the newest version. Each step and its version bump commit together, so a crash
 * leaves the database at a whole version. A database written by a newer Scrollback is refused untouched.
 */
export function runMigrations(db: CacheDatabase, migrations: readonly Migration[], databasePath: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  if (current > latest) {
    throw new ScrollbackError(
      'DB_TOO_NEW',
      `The cache at ${databasePath} was written by a newer version of Scrollback (schema ${current}; this version knows up to ${latest}). Update Scrollback, or point it at another database with --db or SCROLLBACK_DB.`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
