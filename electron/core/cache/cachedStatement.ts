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

/** Statements whose SQL varies with the request (search plans): kept for the most recent ones only. */
const DYNAMIC_STATEMENTS_KEPT = 64;
const dynamicByDatabase = new WeakMap<ReadableDB, Map<string, Statement>>();

/**
 * Like cachedStatement for SQL built per request (a search's conditions): the same query typed again, or
 * paged, reuses its statement, and at most the 64 most recently used are kept, so the cache cannot grow
 * without bound however many different queries are typed.
 */
export function recentStatement<Params extends unknown[] = unknown[], Row = unknown>(db: ReadableDB, sql: string): Statement<Params, Row> {
  let statements = dynamicByDatabase.get(db);
  if (!statements) {
    statements = new Map();
    dynamicByDatabase.set(db, statements);
  }
  let statement = statements.get(sql);
  if (statement) statements.delete(sql);
  else statement = db.prepare(sql);
  statements.set(sql, statement);
  if (statements.size > DYNAMIC_STATEMENTS_KEPT) statements.delete(statements.keys().next().value!);
  return statement as unknown as Statement<Params, Row>;
}
