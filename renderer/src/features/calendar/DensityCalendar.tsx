import { useEffect, useMemo, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';

const weekdayFormat = new Intl.DateTimeFormat(navigator.language || undefined, { weekday: 'narrow' });
const monthFormat = new Intl.DateTimeFormat(navigator.language || undefined, { month: 'long', year: 'numeric' });

/** Local midnights of every day of the month, plus the first of the next month. */
function dayBoundaries(year: number, month: number): number[] {
  const days = new Date(year, month + 1, 0).getDate();
  return Array.from({ length: days + 1 }, (_, day) => new Date(year, month, day + 1).getTime());
}

/** Days the source is asked about per request batch: a week fills in as its counts come. */
const DAYS_PER_SOURCE_CALL = 7;

/**
 * A month of days shaded by how many messages each has (a heatmap): on this computer where the day is
 * downloaded, else as the chat's source counts them (asked a week at a time, as the answers come; each
 * request is one of the source's, so a Telegram month takes about half a minute). Days known to be empty
 * are disabled; days neither downloaded nor counted stay selectable.
 */
export function DensityCalendar({ chatId, value, onPick }: { chatId: number; value: number; onPick(dayStart: number): void }) {
  const initial = new Date(value);
  const [month, setMonth] = useState({ year: initial.getFullYear(), month: initial.getMonth() });
  // A date typed or picked elsewhere (the dialog's day field) brings its month into view.
  const valueYear = initial.getFullYear();
  const valueMonth = initial.getMonth();
  useEffect(() => {
    if (Number.isFinite(valueYear)) setMonth({ year: valueYear, month: valueMonth });
  }, [valueYear, valueMonth]);
  const boundaries = useMemo(() => dayBoundaries(month.year, month.month), [month]);
  const density = useQuery({
    queryKey: queryKeys.density(chatId, month.year, month.month),
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
  const sourceName = atSource.find((week) => week.data?.sourceName)?.data?.sourceName ?? null;
  const counting = atSource.some((week) => week.fetchStatus === 'fetching');
  const failed = atSource.find((week) => week.isError)?.error;
  const dayCount = (index: number) =>
    density.data?.known[index] === false
      ? Math.max(density.data.counts[index] ?? 0, sourceCounts[index] ?? 0)
      : (density.data?.counts[index] ?? 0);
  const max = Math.max(1, ...boundaries.slice(0, -1).map((_, index) => dayCount(index)));
  const leading = (new Date(month.year, month.month, 1).getDay() + 6) % 7; // weeks start on Monday
  const shift = (delta: number) =>
    setMonth(({ year, month: m }) => ({ year: year + Math.floor((m + delta) / 12), month: (((m + delta) % 12) + 12) % 12 }));
  const selectedDay = new Date(value).toDateString();

  return (
    <div className="density-calendar" data-testid="density-calendar">
      <div className="calendar-header">
        <button type="button" onClick={() => shift(-12)} aria-label="Previous year">
          «
        </button>
        <button type="button" onClick={() => shift(-1)} aria-label="Previous month">
          ‹
        </button>
        <span className="calendar-title" aria-live="polite">
          {monthFormat.format(new Date(month.year, month.month, 1))}
        </span>
        <button type="button" onClick={() => shift(1)} aria-label="Next month">
          ›
        </button>
        <button type="button" onClick={() => shift(12)} aria-label="Next year">
          »
        </button>
      </div>
      <div className="calendar-grid" role="grid">
        {Array.from({ length: 7 }, (_, i) => (
          <span key={`w${i}`} className="calendar-weekday">
            {weekdayFormat.format(new Date(2024, 0, 1 + i))}
          </span>
        ))}
        {Array.from({ length: leading }, (_, i) => (
          <span key={`b${i}`} />
        ))}
        {boundaries.slice(0, -1).map((start, index) => {
          const cached = density.data?.counts[index] ?? 0;
          const atSourceCount = density.data?.known[index] === false ? (sourceCounts[index] ?? null) : null;
          const count = dayCount(index);
          const knownEmpty = density.data !== undefined && count === 0 && (density.data.known[index] === true || atSourceCount === 0);
          const level = count === 0 ? 0 : Math.min(4, 1 + Math.floor((count / max) * 4));
          const day = new Date(start).toLocaleDateString();
          const label =
            atSourceCount !== null && atSourceCount > cached
              ? `${day}: ${atSourceCount} messages at ${sourceName ?? 'the source'}, ${cached} of them on this computer`
              : `${day}: ${count === 0 ? (knownEmpty ? 'no messages' : 'not downloaded') : `${cached} messages on this computer`}`;
          return (
            <button
              key={start}
              type="button"
              className={`calendar-day heat-${level}${atSourceCount !== null && atSourceCount > cached ? ' at-source' : ''}${
                new Date(start).toDateString() === selectedDay ? ' selected' : ''
              }`}
              data-day={index + 1}
              data-start={start}
              data-count={cached}
              data-source-count={atSourceCount ?? undefined}
              disabled={knownEmpty}
              title={label}
              aria-label={label}
              onClick={() => onPick(start)}
            >
              {index + 1}
            </button>
          );
        })}
      </div>
      {(counting || failed) && (
        <div className="calendar-note" role="status" data-testid="calendar-note">
          {failed
            ? `Days not downloaded are not counted: ${failed instanceof Error ? failed.message : 'the source could not be reached'}`
            : `Counting the days not downloaded at ${sourceName ?? 'the source'}…`}
        </div>
      )}
    </div>
  );
}
