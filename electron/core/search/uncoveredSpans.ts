import type { CoverageRange } from '../cache/coverageQueries.ts';

export interface DateSpan {
  from: number;
  to: number;
}

/**
 * Splits [from, to] into the spans the cache covers and those it does not, by date. A gap's span includes
 * the boundary dates of its neighbours (a boundary date can hold uncached messages too); what is found
 * twice is de-duplicated by id when stored. Before a run that starts the chat there is nothing to search.
 */
export function splitByCoverage(
  ranges: readonly CoverageRange[],
  from: number,
  to: number,
): { covered: DateSpan[]; uncovered: DateSpan[] } {
  const covered: DateSpan[] = [];
  const uncovered: DateSpan[] = [];
  let cursor = from;
  for (const range of ranges) {
    const start = range.from.date;
    const end = range.to.date;
    if (end < from || start > to) continue;
    if (start > cursor && !range.reachesOldest) uncovered.push({ from: cursor, to: Math.min(start, to) });
    covered.push({ from: Math.max(start, from), to: Math.min(end, to) });
    cursor = Math.max(cursor, end);
  }
  if (cursor < to) uncovered.push({ from: cursor, to });
  return { covered, uncovered };
}
