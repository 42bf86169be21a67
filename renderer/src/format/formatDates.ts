/** Dates for people: the user's locale (Intl) and local time zone, formatters built once. */
const locale = navigator.language || undefined;
// `hour: 'numeric'`: the locale decides the padding ("2:22 PM" in en-US, "14:22" / "09:05" where that is the custom).
const timeFormat = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const shortDayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
const fullDateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
const numberFormat = new Intl.NumberFormat(locale);
const compactFormat = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });

export const formatTime = (date: number) => timeFormat.format(date);
export const formatDay = (date: number) => dayFormat.format(date);
export const formatDateTime = (date: number) => dateTimeFormat.format(date);
export const formatCount = (count: number) => numberFormat.format(count);
/** "12K", "1.2M": a badge's number (its title says the exact one). */
export const formatCompactCount = (count: number) => compactFormat.format(count);

/** Sidebar style: a time today, day and month this year, a full date before. */
export function formatListDate(date: number, now = Date.now()): string {
  const then = new Date(date);
  const today = new Date(now);
  if (then.toDateString() === today.toDateString()) return formatTime(date);
  if (then.getFullYear() === today.getFullYear()) return shortDayFormat.format(date);
  return fullDateFormat.format(date);
}

/** Local calendar day key, for day separators. */
export function localDayKey(date: number): number {
  const d = new Date(date);
  return d.getFullYear() * 10_000 + (d.getMonth() + 1) * 100 + d.getDate();
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = size / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
