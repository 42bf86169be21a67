import { formatLocale } from '../../format/formatDates.ts';
import { useT } from '../../i18n/translate.ts';
import type { DayDensity } from './useDensityCounts.ts';

/** One day of the month: its shade by message count, its counts said in its name, Enter or a click picks it. */
export function CalendarDay({
  day,
  max,
  tabbable,
  selected,
  sourceName,
  onPick,
}: {
  day: DayDensity;
  max: number;
  tabbable: boolean;
  selected: boolean;
  sourceName: string | null;
  onPick(dayStart: number): void;
}) {
  const level = day.count === 0 ? 0 : Math.min(4, 1 + Math.floor((day.count / max) * 4));
  const date = new Date(day.start).toLocaleDateString(formatLocale(), { dateStyle: 'full' });
  const atSource = day.atSource !== null && day.atSource > day.cached;
  const t = useT();
  const label = atSource
    ? t('calendar.day.atSource', { date, atSource: day.atSource ?? 0, source: sourceName ?? t('calendar.theSource'), cached: day.cached })
    : day.count > 0
      ? t('calendar.day.here', { date, count: day.cached })
      : t(day.knownEmpty ? 'calendar.day.none' : 'calendar.day.notDownloaded', { date });
  return (
    <button
      type="button"
      className={`calendar-day heat-${level}${atSource ? ' at-source' : ''}${selected ? ' selected' : ''}`}
      data-day={new Date(day.start).getDate()}
      data-start={day.start}
      data-count={day.cached}
      data-source-count={day.atSource ?? undefined}
      disabled={day.knownEmpty}
      tabIndex={tabbable ? 0 : -1}
      title={label}
      aria-label={label}
      onClick={() => onPick(day.start)}
    >
      {new Date(day.start).getDate()}
    </button>
  );
}
