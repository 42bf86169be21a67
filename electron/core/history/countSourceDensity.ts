import type { SourceDensity } from '../../../shared/ipc/contract.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import type { ReadableDB } from '../cache/CacheDatabase.ts';
import { getChatRecord } from '../cache/chatQueries.ts';
import { coveredIntervals } from '../cache/densityQueries.ts';
import type { HistorySource } from '../sources/HistorySource.ts';
import { sourceKindName } from '../sources/sourceKindName.ts';
import { translator } from '../i18n/createTranslator.ts';

/**
 * Messages per interval at the chat's source for the intervals this computer does not cover (the calendar's
 * days not downloaded): each boundary of such an interval is asked once how many messages come after it,
 * and an interval's count is the difference. Intervals covered here, or not yet begun, are not asked.
 */
export async function countSourceDensity(
  deps: { db: ReadableDB; sourceFor(sourceId: string): HistorySource; now(): number },
  chatId: number,
  boundaries: readonly number[],
  signal?: AbortSignal,
): Promise<SourceDensity> {
  const chat = getChatRecord(deps.db, chatId);
  const known = coveredIntervals(deps.db, chatId, boundaries);
  const counts: Array<number | null> = known.map(() => null);
  let source: HistorySource;
  try {
    source = deps.sourceFor(chat.sourceId);
  } catch {
    return { counts, sourceName: null };
  }
  if (!source.countMessagesSince || source.holdsOnlyTheCache) return { counts, sourceName: null };
  const now = deps.now();
  const wanted = known.map((isKnown, index) => {
    const boundary = boundaries[index];
    return !isKnown && boundary !== undefined && boundary <= now;
  });
  // Each boundary asked once, as the instant it names (a boundary still to come is asked as now).
  const asked = [...new Set(wanted.flatMap((want, index) => (want ? [index, index + 1] : [])))].flatMap((index) => {
    const boundary = boundaries[index];
    return boundary === undefined ? [] : [{ index, at: Math.min(boundary, now) }];
  });
  if (asked.length === 0) return { counts, sourceName: sourceKindName(source.kind) };
  let since: Array<number | null>;
  try {
    since = await source.countMessagesSince(
      { key: chat.sourceKey, peer: chat.peer },
      asked.map(({ at }) => at),
      signal,
    );
  } catch (error) {
    if (signal?.aborted) throw new ScrollbackError('CANCELLED', translator()('error.history.countCancelled'));
    throw error;
  }
  const sinceAt = new Map(asked.map(({ index }, position) => [index, since[position] ?? null]));
  for (const [index, want] of wanted.entries()) {
    const start = sinceAt.get(index);
    const end = sinceAt.get(index + 1);
    if (want && start != null && end != null) counts[index] = Math.max(0, start - end);
  }
  return { counts, sourceName: sourceKindName(source.kind) };
}
