import type { Statement } from 'better-sqlite3';
import type { ReadableDB } from './CacheDatabase.ts';

const statementsByDatabase = new WeakMap<ReadableDB, Map<string, Statement>>();

/** Prepares each SQL text once per connection: preparing costs more than running a page query. */
export function cachedStatement<Params extends unknown[] = unknown[], Row = unknown>(db: ReadableDB, sql: string): Statement<Params, Row> {
  let statements = statementsByDatabase.get(db);
  if (!statements) {
    statements = new Map();
    statementsByDatabase.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement as unknown as Statement<Params, Row>;
}
