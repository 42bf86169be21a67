import { useEffect, useRef } from 'react';
import { formatLocale } from '../../format/formatDates.ts';
import { CalendarDay } from './CalendarDay.tsx';
import type { DayDensity } from './useDensityCounts.ts';
import { calendarKeyMove, leadingBlanks, weekStartOf } from './weekStart.ts';

const DAY_MS = 86_400_000;

/**
 * A month as an ARIA grid (rows of gridcells under a row of column headers), one Tab stop: the focused day
 * (roving tabindex). Arrows move by day and week, Home/End to the week's ends, PageUp/PageDown by month
 * (with Shift by year), Enter or Space picks. Days known to be empty are disabled and skipped.
 */
export function CalendarGrid({
  year,
  month,
  days,
  focusDay,
  selectedDay,
  labelledBy,
  sourceName,
  onFocusDay,
  onPick,
}: {
  year: number;
  month: number;
  days: readonly DayDensity[];
  /** The local midnight of the day that holds the grid's Tab stop (in this month). */
  focusDay: number;
  /** The day the dialog's field holds, marked as chosen; null: none. */
  selectedDay: number | null;
  labelledBy: string;
  sourceName: string | null;
  /** The keys moved the focus to this day (perhaps in another month, which the caller then shows). */
  onFocusDay(dayStart: number): void;
  onPick(dayStart: number): void;
}) {
  const gridRef = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  const weekStart = weekStartOf(formatLocale());
  const blanks = leadingBlanks(year, month, weekStart);
  const max = Math.max(1, ...days.map((day) => day.count));
  // The Tab stop: the focus day, or the nearest day that can be picked.
  const focusIndex = days.findIndex((day) => day.start === focusDay);
  const enabledIndex = nearestEnabled(days, focusIndex < 0 ? 0 : focusIndex);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    gridRef.current?.querySelector<HTMLElement>('.calendar-day[tabindex="0"]')?.focus();
  });

  const onKeyDown = (event: React.KeyboardEvent) => {
    const at = days[enabledIndex];
    if (!at) return;
    const date = new Date(at.start);
    const move = calendarKeyMove(event, (date.getDay() - weekStart + 7) % 7);
    if (!move) return;
    event.preventDefault();
    moved.current = true;
    if ('days' in move) {
      // Past a disabled day in the direction of travel.
      let index = enabledIndex + move.days;
      while (index >= 0 && index < days.length && days[index]!.knownEmpty) index += Math.sign(move.days);
      const target = index >= 0 && index < days.length ? days[index]!.start : new Date(date).setDate(date.getDate() + move.days);
      onFocusDay(target);
    } else onFocusDay(new Date(date.getFullYear(), date.getMonth() + move.months, Math.min(date.getDate(), 28)).getTime());
  };

  const weekdayName = new Intl.DateTimeFormat(formatLocale(), { weekday: 'long' });
  const weekdayShort = new Intl.DateTimeFormat(formatLocale(), { weekday: 'narrow' });
  const cells: (DayDensity | null)[] = [...Array<null>(blanks).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
  const sunday = new Date(2024, 0, 7).getTime();
  return (
    <div className="calendar-grid" role="grid" aria-labelledby={labelledBy} ref={gridRef} onKeyDown={onKeyDown}>
      <div role="row" className="calendar-row">
        {Array.from({ length: 7 }, (_, i) => {
          const weekday = sunday + ((weekStart + i) % 7) * DAY_MS;
          return (
            <span key={i} role="columnheader" className="calendar-weekday" aria-label={weekdayName.format(weekday)}>
              {weekdayShort.format(weekday)}
            </span>
          );
        })}
      </div>
      {weeks.map((week, w) => (
        <div role="row" className="calendar-row" key={w}>
          {week.map((day, i) =>
            day === null ? (
              <span key={`b${i}`} role="gridcell" />
            ) : (
              <span key={day.start} role="gridcell" aria-selected={day.start === selectedDay}>
                <CalendarDay
                  day={day}
                  max={max}
                  tabbable={days[enabledIndex] === day}
                  selected={day.start === selectedDay}
                  sourceName={sourceName}
                  onPick={onPick}
                />
              </span>
            ),
          )}
        </div>
      ))}
    </div>
  );
}

function nearestEnabled(days: readonly DayDensity[], from: number): number {
  for (let distance = 0; distance < days.length; distance++) {
    if (days[from + distance] && !days[from + distance]!.knownEmpty) return from + distance;
    if (days[from - distance] && !days[from - distance]!.knownEmpty) return from - distance;
  }
  return from;
}
