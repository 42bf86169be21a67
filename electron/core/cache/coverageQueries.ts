import type { MessagePosition } from '../../../shared/cursor.ts';
import { comparePositions } from '../../../shared/cursor.ts';
import type { ReadableDB, WritableDB } from './CacheDatabase.ts';
import { cachedStatement } from './cachedStatement.ts';

type Point = Pick<MessagePosition, 'date' | 'sortKey'>;

/** A run of history known to be completely cached: every message between `from` and `to` (inclusive). */
export interface CoverageRange {
  from: Point;
  to: Point;
  /** `from` is the first message of the chat. */
  reachesOldest: boolean;
}

interface CoverageRow {
  id: number;
  from_date: number;
  from_sort_key: number;
  to_date: number;
  to_sort_key: number;
  reaches_oldest: number;
}

function toRange(row: CoverageRow): CoverageRange {
  return {
    from: { date: row.from_date, sortKey: row.from_sort_key },
    to: { date: row.to_date, sortKey: row.to_sort_key },
    reachesOldest: row.reaches_oldest === 1,
  };
}

/** The covered run that contains `point`, if any. Runs never overlap, so there is at most one. */
export function findCoverageContaining(db: ReadableDB, chatId: number, point: Point): CoverageRange | null {
  const row = cachedStatement<unknown[], CoverageRow>(
    db,
    `SELECT * FROM coverage WHERE chat_id = ? AND (from_date, from_sort_key) <= (?, ?)
     ORDER BY from_date DESC, from_sort_key DESC LIMIT 1`,
  ).get(chatId, point.date, point.sortKey);
  if (!row) return null;
  const range = toRange(row);
  return comparePositions(range.to, point) >= 0 ? range : null;
}

/** The first run after `point` (its `from` is newer than `point`), if any. */
export function findCoverageAfter(db: ReadableDB, chatId: number, point: Point): CoverageRange | null {
  const row = cachedStatement<unknown[], CoverageRow>(
    db,
    `SELECT * FROM coverage WHERE chat_id = ? AND (from_date, from_sort_key) > (?, ?)
     ORDER BY from_date ASC, from_sort_key ASC LIMIT 1`,
  ).get(chatId, point.date, point.sortKey);
  return row ? toRange(row) : null;
}

export function findNewestCoverage(db: ReadableDB, chatId: number): CoverageRange | null {
  const row = cachedStatement<unknown[], CoverageRow>(
    db,
    'SELECT * FROM coverage WHERE chat_id = ? ORDER BY to_date DESC, to_sort_key DESC LIMIT 1',
  ).get(chatId);
  return row ? toRange(row) : null;
}

/**
 * A chat's covered runs, oldest first. Sorted here: a chat has a handful of runs, and an ORDER BY (even one
 * the index already satisfies) made this lookup cost four times as much, measured on every search and count.
 */
export function listCoverage(db: ReadableDB, chatId: number): CoverageRange[] {
  return cachedStatement<unknown[], CoverageRow>(db, 'SELECT * FROM coverage WHERE chat_id = ?')
    .all(chatId)
    .sort((a, b) => a.from_date - b.from_date || a.from_sort_key - b.from_sort_key)
    .map(toRange);
}

/**
 * Records that every message from `from` to `to` is cached, merging with every run it overlaps or touches
 * at an endpoint (sharing a message proves the runs are contiguous). Call in the transaction that stored
 * those messages, so coverage never claims more than the database holds.
 */
export function addCoverage(db: WritableDB, chatId: number, range: CoverageRange): CoverageRange {
  const overlapping = cachedStatement<unknown[], CoverageRow>(
    db,
    `SELECT * FROM coverage WHERE chat_id = ? AND (from_date, from_sort_key) <= (?, ?) AND (to_date, to_sort_key) >= (?, ?)`,
  ).all(chatId, range.to.date, range.to.sortKey, range.from.date, range.from.sortKey);
  let merged = range;
  for (const row of overlapping) {
    const other = toRange(row);
    const otherStartsFirst = comparePositions(other.from, merged.from) < 0;
    merged = {
      from: otherStartsFirst ? other.from : merged.from,
      to: comparePositions(other.to, merged.to) > 0 ? other.to : merged.to,
      reachesOldest: otherStartsFirst
        ? other.reachesOldest
        : merged.reachesOldest || (other.reachesOldest && comparePositions(other.from, merged.from) === 0),
    };
  }
  const remove = cachedStatement(db, 'DELETE FROM coverage WHERE id = ?');
  for (const row of overlapping) remove.run(row.id);
  cachedStatement(
    db,
    `INSERT INTO coverage (chat_id, from_date, from_sort_key, to_date, to_sort_key, reaches_oldest) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(chatId, merged.from.date, merged.from.sortKey, merged.to.date, merged.to.sortKey, merged.reachesOldest ? 1 : 0);
  return merged;
}
