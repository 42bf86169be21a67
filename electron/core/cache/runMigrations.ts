import { ScrollbackError } from '../../../shared/errors.ts';
import type { WritableDB } from './CacheDatabase.ts';
import type { Migration } from './migrations/Migration.ts';
import { translator } from '../i18n/createTranslator.ts';

/**
 * Brings the schema to the newest version. Each step and its version bump commit together, so a crash
 * leaves the database at a whole version. A database written by a newer Scrollback is refused untouched.
 */
export function runMigrations(db: WritableDB, migrations: readonly Migration[], databasePath: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  if (current > latest) {
    throw new ScrollbackError(
      'DB_TOO_NEW',
      translator()('error.cache.tooNew', { path: databasePath, schema: String(current), latest: String(latest) }),
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    if (migration.rebuildsTables) runRebuildingMigration(db, migration);
    else runInTransaction(db, migration);
  }
}

function runInTransaction(db: WritableDB, migration: Migration): void {
  db.transaction(() => {
    migration.up(db);
    db.pragma(`user_version = ${migration.version}`);
  }).immediate();
}

/**
 * SQLite's 12-step procedure around a step that drops and recreates referenced tables: foreign keys off
 * outside the transaction (a no-op inside one), the step, `foreign_key_check` (any violation rolls the
 * whole step back), commit, foreign keys on again, whatever happened.
 */
function runRebuildingMigration(db: WritableDB, migration: Migration): void {
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      migration.up(db);
      const violations = db.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new ScrollbackError(
          'INTERNAL',
          translator()('error.cache.migrationBreaks', {
            version: String(migration.version),
            name: migration.name,
            count: violations.length,
          }),
        );
      }
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
}
