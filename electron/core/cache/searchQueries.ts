import type { SearchFilter, SearchKind } from '../../../shared/search.ts';
import { messageKindsFor } from '../../../shared/search.ts';
import type { ReadableDB } from './CacheDatabase.ts';
import { cachedStatement } from './cachedStatement.ts';
import { foldForSearch } from '../text/foldForSearch.ts';
import type { CompiledQuery } from '../model/CompiledQuery.ts';

/** Total order of search results across chats. */
export interface SearchPosition {
  date: number;
  sortKey: number;
  chatId: number;
}

export interface CacheHit {
  rowId: number;
  chatId: number;
  position: SearchPosition;
}

/** The folded text, computed inside SQLite for ASCII (same result as foldForSearch) and by fold() otherwise. */
const FOLDED_TEXT = 'CASE WHEN length(CAST(m.text AS BLOB)) = length(m.text) THEN lower(m.text) ELSE fold(m.text) END';
const LINK_CONDITION = `(m.entities LIKE '%"type":"link"%' OR m.entities LIKE '%"type":"textLink"%' OR m.kind = 'webpage')`;

/**
 * Above this many index candidates a term is common: scanning the date range in order and checking each
 * message finds the first page sooner than sorting every candidate.
 */
const CANDIDATE_CAP = 20_000;

interface Conditions {
  sql: string[];
  params: unknown[];
}

/** Local senders whose name contains the filter (folded); null when there is no sender filter. */
function senderIdsMatching(db: ReadableDB, sender: string): number[] | null {
  const wanted = foldForSearch(sender.trim());
  if (wanted === '') return null;
  return cachedStatement<[], { id: number; name: string }>(db, 'SELECT id, name FROM senders')
    .all()
    .filter((row) => foldForSearch(row.name).includes(wanted))
    .map((row) => row.id);
}

function kindCondition(kinds: readonly SearchKind[], conditions: Conditions): void {
  if (kinds.length === 0) return;
  const parts: string[] = [];
  const plain = kinds.filter((kind): kind is Exclude<SearchKind, 'link'> => kind !== 'link').flatMap((kind) => messageKindsFor[kind]);
  if (plain.length > 0) {
    parts.push(`m.kind IN (${plain.map(() => '?').join(', ')})`);
    conditions.params.push(...plain);
  }
  if (kinds.includes('link')) parts.push(LINK_CONDITION);
  conditions.sql.push(`(${parts.join(' OR ')})`);
}

/** Everything but the text terms and the cursor, as SQL over `messages m`. Null when nothing can match. */
function filterConditions(db: ReadableDB, chatId: number, filter: SearchFilter, query: CompiledQuery): Conditions | null {
  const conditions: Conditions = { sql: ['m.chat_id = ?'], params: [chatId] };
  if (filter.from !== null) {
    conditions.sql.push('m.date >= ?');
    conditions.params.push(filter.from);
  }
  if (filter.to !== null) {
    conditions.sql.push('m.date < ?');
    conditions.params.push(filter.to);
  }
  const senders = senderIdsMatching(db, filter.sender);
  if (senders !== null) {
    if (senders.length === 0) return null;
    conditions.sql.push(`m.sender_id IN (${senders.map(() => '?').join(', ')})`);
    conditions.params.push(...senders);
  }
  kindCondition(filter.kinds, conditions);
  for (const term of query.terms) {
    conditions.sql.push(`instr(${FOLDED_TEXT}, ?) > 0`);
    conditions.params.push(term);
  }
  return conditions;
}

/**
 * The index candidates for the query's trigrams, or null when the query has no trigram or the terms are
 * too common for candidates to help.
 */
export function candidateIds(db: ReadableDB, query: CompiledQuery): string | null {
  if (!query.trigramQuery) return null;
  const rows = cachedStatement<[string, number], { rowid: number }>(
    db,
    'SELECT rowid FROM message_search WHERE message_search MATCH ? LIMIT ?',
  ).all(query.trigramQuery, CANDIDATE_CAP + 1);
  if (rows.length > CANDIDATE_CAP) return null;
  return JSON.stringify(rows.map((row) => row.rowid));
}

/**
 * One page of matches from the cached messages of one chat, in order, strictly after `after`.
 * The text terms are always confirmed on the folded text, so the index only has to be a superset.
 */
export function searchCachedChat(
  db: ReadableDB,
  chatId: number,
  filter: SearchFilter,
  query: CompiledQuery,
  options: { order: 'newest' | 'oldest'; limit: number; after: SearchPosition | null; candidates?: string | null },
): CacheHit[] {
  const conditions = filterConditions(db, chatId, filter, query);
  if (!conditions) return [];
  const candidates = options.candidates !== undefined ? options.candidates : candidateIds(db, query);
  if (candidates !== null) {
    conditions.sql.push('m.id IN (SELECT value FROM json_each(?))');
    conditions.params.push(candidates);
  }
  const descending = options.order === 'newest';
  if (options.after) {
    conditions.sql.push(`(m.date, m.sort_key, m.chat_id) ${descending ? '<' : '>'} (?, ?, ?)`);
    conditions.params.push(options.after.date, options.after.sortKey, options.after.chatId);
  }
  const direction = descending ? 'DESC' : 'ASC';
  // Prepared per call: the SQL varies with the filter, and caching every combination would grow without bound.
  const rows = db
    .prepare<unknown[], { id: number; date: number; sort_key: number }>(
      `SELECT m.id, m.date, m.sort_key FROM messages m WHERE ${conditions.sql.join(' AND ')}
       ORDER BY m.date ${direction}, m.sort_key ${direction} LIMIT ?`,
    )
    .all(...conditions.params, options.limit);
  return rows.map((row) => ({ rowId: row.id, chatId, position: { date: row.date, sortKey: row.sort_key, chatId } }));
}

/** How many cached messages of a chat match within [from, to) (for the panel's total). */
export function countCachedMatches(db: ReadableDB, chatId: number, filter: SearchFilter, query: CompiledQuery): number {
  const conditions = filterConditions(db, chatId, filter, query);
  if (!conditions) return 0;
  const candidates = candidateIds(db, query);
  if (candidates !== null) {
    conditions.sql.push('m.id IN (SELECT value FROM json_each(?))');
    conditions.params.push(candidates);
  }
  return db
    .prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM messages m WHERE ${conditions.sql.join(' AND ')}`)
    .get(...conditions.params)!.n;
}

/** The dates of the oldest and newest cached messages of a chat inside the filter's range. */
export function cachedDateSpan(db: ReadableDB, chatId: number, filter: SearchFilter): { first: number; last: number } | null {
  const row = cachedStatement<unknown[], { first: number | null; last: number | null }>(
    db,
    'SELECT min(date) AS first, max(date) AS last FROM messages WHERE chat_id = ? AND date >= ? AND date < ?',
  ).get(chatId, filter.from ?? Number.MIN_SAFE_INTEGER, filter.to ?? Number.MAX_SAFE_INTEGER);
  return row && row.first !== null && row.last !== null ? { first: row.first, last: row.last } : null;
}
