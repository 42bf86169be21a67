/** Dates in the search form are local: a day alone means the whole day, inclusive, in the local time zone. */
export function startOf(day: string, time: string): number | null {
  if (!day) return null;
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = time ? time.split(':').map(Number) : [0, 0];
  return new Date(y!, m! - 1, d, hh ?? 0, mm ?? 0).getTime();
}

/** The exclusive end for an inclusive "to": the next local midnight, or the end of the chosen minute. */
export function endOf(day: string, time: string): number | null {
  if (!day) return null;
  const [y, m, d] = day.split('-').map(Number);
  if (time) {
    const [hh, mm] = time.split(':').map(Number);
    return new Date(y!, m! - 1, d, hh ?? 0, (mm ?? 0) + 1).getTime();
  }
  return new Date(y!, m! - 1, d! + 1).getTime();
}

export function toDayInput(date: number): string {
  const d = new Date(date);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export type QuickRange = 'last7' | 'thisMonth' | 'thisYear' | 'all';

export function quickRange(range: QuickRange, now = new Date()): { from: string; to: string } {
  const today = toDayInput(now.getTime());
  switch (range) {
    case 'last7':
      return { from: toDayInput(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 6).getTime()), to: today };
    case 'thisMonth':
      return { from: toDayInput(new Date(now.getFullYear(), now.getMonth(), 1).getTime()), to: today };
    case 'thisYear':
      return { from: toDayInput(new Date(now.getFullYear(), 0, 1).getTime()), to: today };
    case 'all':
      return { from: '', to: '' };
  }
}

const yearFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric' });
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

const MAX_DATE = 8.64e15;

/** "2016–2019" when a span is years long, else its days; "up to 2019" for a span from the chat's beginning. */
export function describeSpan(from: number | null, to: number): string {
  if (!(Math.abs(to) <= MAX_DATE)) return 'all dates';
  if (from === null || !(Math.abs(from) <= MAX_DATE)) return `up to ${dayFormat.format(to)}`;
  if (to - from > 300 * 86_400_000) {
    const a = yearFormat.format(from);
    const b = yearFormat.format(to);
    return a === b ? a : `${a}–${b}`;
  }
  const a = dayFormat.format(from);
  const b = dayFormat.format(to);
  return a === b ? a : `${a} – ${b}`;
}
