/**
 * Dates and numbers for people: the window's locale (set by the language provider, the system's until then)
 * and the local time zone; formatters rebuilt only when the locale changes.
 */
function formatsFor(locale: string | undefined) {
  return {
    locale,
    // `hour: 'numeric'`: the locale decides the padding ("2:22 PM" in en-US, "14:22" / "09:05" where that is the custom).
    time: new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }),
    day: new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    shortDay: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }),
    fullDate: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }),
    dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    number: new Intl.NumberFormat(locale),
    compact: new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }),
    unit: (unit: string, value: number) =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit,
        unitDisplay: 'short',
        minimumFractionDigits: value < 10 ? 1 : 0,
        maximumFractionDigits: value < 10 ? 1 : 0,
      }).format(value),
  };
}
let formats = formatsFor(navigator.language || undefined);

/** The locale every formatter here uses from now on (the language provider calls it). */
export function setFormatLocale(locale: string): void {
  if (formats.locale !== locale) formats = formatsFor(locale);
}

/** The locale dates and numbers are formatted in now. */
export const formatLocale = (): string | undefined => formats.locale;

export const formatTime = (date: number) => formats.time.format(date);
export const formatDay = (date: number) => formats.day.format(date);
export const formatDateTime = (date: number) => formats.dateTime.format(date);
export const formatCount = (count: number) => formats.number.format(count);
/** "12K", "1.2M": a badge's number (its title says the exact one). */
export const formatCompactCount = (count: number) => formats.compact.format(count);

/** Sidebar style: a time today, day and month this year, a full date before. */
export function formatListDate(date: number, now = Date.now()): string {
  const then = new Date(date);
  const today = new Date(now);
  if (then.toDateString() === today.toDateString()) return formatTime(date);
  if (then.getFullYear() === today.getFullYear()) return formats.shortDay.format(date);
  return formats.fullDate.format(date);
}

/** Local calendar day key, for day separators. */
export function localDayKey(date: number): number {
  const d = new Date(date);
  return d.getFullYear() * 10_000 + (d.getMonth() + 1) * 100 + d.getDate();
}

/** "1.5 MB", "1,5 MB", "١٫٥ ميغابايت": sizes in the locale's digits and unit names. */
export function formatBytes(size: number): string {
  if (size < 1024) return formats.unit('byte', size);
  const units = ['kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = size / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return formats.unit(units[unit]!, value);
}

/** "45 s", "12 min", "2.8 h": how long something is expected to take, in the locale's units. */
export function formatApproxDuration(seconds: number): string {
  if (seconds < 90) return formats.unit('second', Math.round(seconds));
  if (seconds < 5400) return formats.unit('minute', Math.round(seconds / 60));
  return formats.unit('hour', seconds / 3600);
}

export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
