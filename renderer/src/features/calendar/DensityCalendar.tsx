import { useEffect, useId, useState } from 'react';
import { formatLocale } from '../../format/formatDates.ts';
import { useT } from '../../i18n/translate.ts';
import { CalendarGrid } from './CalendarGrid.tsx';
import { useDensityCounts } from './useDensityCounts.ts';

/** Local midnight of the day `date` falls on. */
const dayStartOf = (date: number) => new Date(date).setHours(0, 0, 0, 0);

/**
 * A month of days shaded by how many messages each has (a heatmap): on this computer where the day is
 * downloaded, else as the chat's source counts them. Days known to be empty are disabled; days neither
 * downloaded nor counted stay selectable. The month is a grid the keys walk (see CalendarGrid).
 */
export function DensityCalendar({ chatId, value, onPick }: { chatId: number; value: number; onPick(dayStart: number): void }) {
  const [focusDay, setFocusDay] = useState(() => dayStartOf(value));
  // A date typed or picked elsewhere (the dialog's day field) brings its month into view.
  const valueDay = Number.isFinite(value) ? dayStartOf(value) : NaN;
  useEffect(() => {
    if (Number.isFinite(valueDay)) setFocusDay(valueDay);
  }, [valueDay]);
  const shown = new Date(focusDay);
  const year = shown.getFullYear();
  const month = shown.getMonth();
  const { days, sourceName, counting, failed } = useDensityCounts(chatId, year, month);
  const shift = (months: number) => setFocusDay(new Date(year, month + months, 1).getTime());
  const titleId = useId();
  const t = useT();
  const monthFormat = new Intl.DateTimeFormat(formatLocale(), { month: 'long', year: 'numeric' });
  const selected = Number.isFinite(valueDay) ? valueDay : null;

  return (
    <div className="density-calendar" data-testid="density-calendar">
      <div className="calendar-header">
        <button type="button" onClick={() => shift(-12)} aria-label={t('calendar.previousYear')}>
          «
        </button>
        <button type="button" onClick={() => shift(-1)} aria-label={t('calendar.previousMonth')}>
          ‹
        </button>
        <span className="calendar-title" id={titleId} aria-live="polite">
          {monthFormat.format(new Date(year, month, 1))}
        </span>
        <button type="button" onClick={() => shift(1)} aria-label={t('calendar.nextMonth')}>
          ›
        </button>
        <button type="button" onClick={() => shift(12)} aria-label={t('calendar.nextYear')}>
          »
        </button>
      </div>
      <CalendarGrid
        year={year}
        month={month}
        days={days}
        focusDay={focusDay}
        selectedDay={selected}
        labelledBy={titleId}
        sourceName={sourceName}
        onFocusDay={setFocusDay}
        onPick={onPick}
      />
      {(counting || failed) && (
        <div className="calendar-note" role="status" data-testid="calendar-note">
          {failed
            ? t('calendar.notCounted', { reason: failed instanceof Error ? failed.message : t('calendar.unreachable') })
            : t('calendar.counting', { source: sourceName ?? t('calendar.theSource') })}
        </div>
      )}
    </div>
  );
}
