import { firstDayOfWeek } from '../../../../shared/i18n/locales.ts';

/** The first day of the week where `locale` is used, as Date.getDay() counts (0 = Sunday … 6 = Saturday). */
export function weekStartOf(locale: string | undefined): number {
  return firstDayOfWeek(locale ?? navigator.language) % 7;
}

/** Days of the month `first` starts on that come before it in its first week (the blank cells). */
export function leadingBlanks(year: number, month: number, weekStart: number): number {
  return (new Date(year, month, 1).getDay() - weekStart + 7) % 7;
}

/**
 * Where the keys move the focused day, in days (± 1 a day, ± 7 a week, to the week's start or end); months
 * and years are PageUp/PageDown and Shift with them, returned as `months`. Null: not the grid's key.
 */
export function calendarKeyMove(
  key: { key: string; shiftKey: boolean },
  dayOfWeekIndex: number,
): { days: number } | { months: number } | null {
  switch (key.key) {
    case 'ArrowLeft':
      return { days: -1 };
    case 'ArrowRight':
      return { days: 1 };
    case 'ArrowUp':
      return { days: -7 };
    case 'ArrowDown':
      return { days: 7 };
    case 'Home':
      return { days: -dayOfWeekIndex };
    case 'End':
      return { days: 6 - dayOfWeekIndex };
    case 'PageUp':
      return { months: key.shiftKey ? -12 : -1 };
    case 'PageDown':
      return { months: key.shiftKey ? 12 : 1 };
    default:
      return null;
  }
}
