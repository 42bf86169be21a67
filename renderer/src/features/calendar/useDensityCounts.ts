import { useMemo } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';

/** Days the source is asked about per request batch: a week fills in as its counts come. */
const DAYS_PER_SOURCE_CALL = 7;

/** What the calendar knows of one day. */
export interface DayDensity {
  start: number;
  /** Messages of the day on this computer. */
  cached: number;
  /** As the source counts them, where the day is not downloaded and the source answered; else null. */
  atSource: number | null;
  /** The larger of the two: what the shade shows. */
  count: number;
  /** Known to have no message (downloaded and empty, or the source says none). */
  knownEmpty: boolean;
}

/** Local midnights of every day of the month, plus the first of the next month. */
function dayBoundaries(year: number, month: number): number[] {
  const days = new Date(year, month + 1, 0).getDate();
  return Array.from({ length: days + 1 }, (_, day) => new Date(year, month, day + 1).getTime());
}

/**
 * A month's message counts per day: on this computer where the day is downloaded, else as the chat's source
 * counts them (asked a week at a time, as the answers come; each request is one of the source's, so a
 * Telegram month takes about half a minute).
 */
export function useDensityCounts(chatId: number, year: number, month: number) {
  const boundaries = useMemo(() => dayBoundaries(year, month), [year, month]);
  const density = useQuery({
    queryKey: queryKeys.density(chatId, year, month),
    queryFn: () => scrollback.getMessageDensity({ chatId, boundaries }),
  });
  const weeks = useMemo(
    () =>
      Array.from({ length: Math.ceil((boundaries.length - 1) / DAYS_PER_SOURCE_CALL) }, (_, week) =>
        boundaries.slice(week * DAYS_PER_SOURCE_CALL, (week + 1) * DAYS_PER_SOURCE_CALL + 1),
      ),
    [boundaries],
  );
  const atSource = useQueries({
    queries: weeks.map((weekBoundaries) => ({
      queryKey: queryKeys.sourceDensity(chatId, weekBoundaries[0]),
      queryFn: ({ signal }: { signal: AbortSignal }) => scrollback.getSourceDensity({ chatId, boundaries: weekBoundaries }, { signal }),
      enabled: density.data !== undefined && density.data.known.some((isKnown) => !isKnown),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  const sourceCounts = atSource.flatMap((week, index) => week.data?.counts ?? Array<null>(weeks[index]!.length - 1).fill(null));
  const days: DayDensity[] = boundaries.slice(0, -1).map((start, index) => {
    const cached = density.data?.counts[index] ?? 0;
    const unknownHere = density.data?.known[index] === false;
    const atSourceCount = unknownHere ? (sourceCounts[index] ?? null) : null;
    const count = unknownHere ? Math.max(cached, atSourceCount ?? 0) : cached;
    const knownEmpty = density.data !== undefined && count === 0 && (density.data.known[index] === true || atSourceCount === 0);
    return { start, cached, atSource: atSourceCount, count, knownEmpty };
  });
  return {
    days,
    sourceName: atSource.find((week) => week.data?.sourceName)?.data?.sourceName ?? null,
    counting: atSource.some((week) => week.fetchStatus === 'fetching'),
    failed: atSource.find((week) => week.isError)?.error ?? null,
  };
}
