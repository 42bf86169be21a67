import type { Density } from '../../../shared/ipc/contract.ts';
import type { ReadableDB } from './CacheDatabase.ts';
import { cachedStatement } from './cachedStatement.ts';
import { listCoverage } from './coverageQueries.ts';

/** Messages per interval (days, for the calendar heatmap), counted from the cache by index. */
export function messageDensity(db: ReadableDB, chatId: number, boundaries: readonly number[]): Density {
  const count = cachedStatement<[number, number, number], { n: number }>(
    db,
    'SELECT count(*) AS n FROM messages WHERE chat_id = ? AND date >= ? AND date < ?',
  );
  const counts: number[] = [];
  for (let i = 0; i + 1 < boundaries.length; i++) counts.push(count.get(chatId, boundaries[i]!, boundaries[i + 1]!)!.n);
  return { counts, known: coveredIntervals(db, chatId, boundaries) };
}

/** Whether each interval lies inside cached history (so the cache's count of it is the whole count). */
export function coveredIntervals(db: ReadableDB, chatId: number, boundaries: readonly number[]): boolean[] {
  const ranges = listCoverage(db, chatId);
  return boundaries
    .slice(0, -1)
    .map((from, i) => ranges.some((range) => (range.reachesOldest || range.from.date < from) && range.to.date >= boundaries[i + 1]!));
}
