import { ScrollbackError } from '../../../../shared/errors.ts';

/** The zone this computer runs in (the default for an export's wall-clock times). */
export function computerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The zone's canonical name, or a clear error for a name that is not an IANA time zone. */
export function checkTimeZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new ScrollbackError(
      'INVALID_INPUT',
      `“${zone}” is not a time zone: give an IANA name such as Europe/Berlin, America/New_York or UTC.`,
    );
  }
}

/**
 * Turns wall-clock times as a phone in `zone` showed them into epoch ms. The zone's offset is found with
 * Intl (no time zone data of our own) and kept per quarter hour, the finest step any zone's offset takes;
 * a time that a clock change skipped is read with the offset before the change, a repeated one as the first.
 */
export function wallClockInZone(
  zone: string,
): (year: number, month: number, day: number, hour: number, minute: number, second: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: checkTimeZone(zone),
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsets = new Map<number, number>();
  /** The zone's offset from UTC at an instant, in ms. */
  const offsetAt = (instant: number): number => {
    const quarter = Math.floor(instant / 900_000);
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      const at = quarter * 900_000;
      const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, Number(part.value)]));
      offset = Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second) - at;
      if (offsets.size > 100_000) offsets.clear();
      offsets.set(quarter, offset);
    }
    return offset;
  };
  return (year, month, day, hour, minute, second) => {
    const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
    // The offsets half a day either side (a zone changes at most once in a day): a reading valid under one
    // of them is a real time; under both, the clock showed it twice (the first is taken); under neither, a
    // change skipped it (read with the offset before the change).
    const before = offsetAt(asUtc - 43_200_000);
    const after = offsetAt(asUtc + 43_200_000);
    const underBefore = asUtc - before;
    const underAfter = asUtc - after;
    const validBefore = offsetAt(underBefore) === before;
    const validAfter = offsetAt(underAfter) === after;
    if (validBefore && validAfter) return Math.min(underBefore, underAfter);
    if (validAfter) return underAfter;
    return underBefore;
  };
}
