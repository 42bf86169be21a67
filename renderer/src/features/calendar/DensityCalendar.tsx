import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';

const weekdayFormat = new Intl.DateTimeFormat(navigator.language || undefined, { weekday: 'narrow' });
const monthFormat = new Intl.DateTimeFormat(navigator.language || undefined, { month: 'long', year: 'numeric' });

/** Local midnights of every day of the month, plus the first of the next month. */
function dayBoundaries(year: number, month: number): number[] {
  const days = new Date(year, month + 1, 0).getDate();
  return Array.from({ length: days + 1 }, (_, day) => new Date(year, month, day + 1).getTime());
}

/**
 * A month of days shaded by how many messages each has in the cache (a heatmap). Days known to be empty
 * (inside cached history, no messages) are disabled; days not loaded yet stay selectable.
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
    queryKey: ['density', chatId, month.year, month.month],
    queryFn: () => scrollback.getMessageDensity({ chatId, boundaries }),
  });
  const max = Math.max(1, ...(density.data?.counts ?? [0]));
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
          const count = density.data?.counts[index] ?? 0;
          const knownEmpty = density.data !== undefined && count === 0 && density.data.known[index] === true;
          const level = count === 0 ? 0 : Math.min(4, 1 + Math.floor((count / max) * 4));
          const label = `${new Date(start).toLocaleDateString()}: ${count === 0 ? (knownEmpty ? 'no messages' : 'not loaded yet') : `${count} messages cached`}`;
          return (
            <button
              key={start}
              type="button"
              className={`calendar-day heat-${level}${new Date(start).toDateString() === selectedDay ? ' selected' : ''}`}
              data-day={index + 1}
              data-count={count}
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
    </div>
  );
}
