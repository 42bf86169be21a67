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
  const ranges = listCoverage(db, chatId);
  const counts: number[] = [];
  const known: boolean[] = [];
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const from = boundaries[i]!;
    const to = boundaries[i + 1]!;
    counts.push(count.get(chatId, from, to)!.n);
    known.push(ranges.some((range) => (range.reachesOldest || range.from.date < from) && range.to.date >= to));
  }
  return { counts, known };
}
