const DAY_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

export type ParsedDate = { ok: true; date: number; wholeDay: boolean } | { ok: false; message: string };

/**
 * Parses a date typed by a person: `YYYY-MM-DD` is the start of that day in the local time zone (so a
 * whole local day), an ISO timestamp with or without offset is that instant (no offset means local time).
 * Impossible dates (2021-02-30, 25:00) are refused rather than rolled over.
 */
export function parseDateInput(input: string): ParsedDate {
  const text = input.trim();
  const day = DAY_ONLY.exec(text);
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const local = new Date(year, month - 1, date);
    if (local.getFullYear() !== year || local.getMonth() !== month - 1 || local.getDate() !== date) {
      return { ok: false, message: `“${input}” is not a real date.` };
    }
    return { ok: true, date: local.getTime(), wholeDay: true };
  }
  const stamp = ISO_TIMESTAMP.exec(text);
  if (stamp) {
    const [year, month, date, hour, minute] = [Number(stamp[1]), Number(stamp[2]), Number(stamp[3]), Number(stamp[4]), Number(stamp[5])];
    const second = Number(stamp[6] ?? 0);
    if (month < 1 || month > 12 || date < 1 || date > 31 || hour > 23 || minute > 59 || second > 59) {
      return { ok: false, message: `“${input}” is not a real date and time.` };
    }
    const check = new Date(Date.UTC(year, month - 1, date));
    if (check.getUTCDate() !== date) return { ok: false, message: `“${input}” is not a real date.` };
    const parsed = Date.parse(text.replace(' ', 'T'));
    if (Number.isNaN(parsed)) return { ok: false, message: `“${input}” is not a date Scrollback can read.` };
    return { ok: true, date: parsed, wholeDay: false };
  }
  return {
    ok: false,
    message: `“${input}” is not a date. Use YYYY-MM-DD (a whole local day) or an ISO timestamp such as 2021-06-01T14:30 or 2021-06-01T14:30:00Z.`,
  };
}

/** The end (exclusive) of a date typed as an upper bound: a whole local day ends at the next local midnight. */
export function endOfDateInput(parsed: { date: number; wholeDay: boolean }): number {
  if (!parsed.wholeDay) return parsed.date + 1;
  const day = new Date(parsed.date);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1).getTime();
}
