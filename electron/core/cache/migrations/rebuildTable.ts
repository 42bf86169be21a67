import type { WritableDB } from '../CacheDatabase.ts';

/**
 * Replaces `table` by one created from `createSql` (which must create a table named `table`), keeping every
 * row: steps 4–8 of SQLite's "other kinds of table schema changes". Only for a migration that declares
 * `rebuildsTables`, which runs it with foreign keys off, so the drop below deletes nothing that references it.
 * `columns` are copied by name; new columns take their defaults. Indexes and triggers of the table are
 * recreated from `afterSql`.
 */
export function rebuildTable(
  db: WritableDB,
  table: string,
  options: { createSql: string; columns: readonly string[]; afterSql?: string },
): void {
  if (db.pragma('foreign_keys', { simple: true }) !== 0) {
    throw new Error(`rebuildTable(${table}) needs foreign keys off: declare the migration's rebuildsTables`);
  }
  const staging = `${table}__rebuild`;
  const create = options.createSql.replace(new RegExp(`CREATE TABLE\\s+${table}\\b`), `CREATE TABLE ${staging}`);
  if (create === options.createSql) throw new Error(`rebuildTable(${table}): createSql must create table ${table}`);
  const columns = options.columns.join(', ');
  db.exec(create);
  db.exec(`INSERT INTO ${staging} (${columns}) SELECT ${columns} FROM ${table}`);
  db.exec(`DROP TABLE ${table}`);
  db.exec(`ALTER TABLE ${staging} RENAME TO ${table}`);
  if (options.afterSql) db.exec(options.afterSql);
}
