/** A moment as a terminal shows it to the person at it: local date and time to the minute, "2026-11-13 10:59". */
export function formatLocalStamp(epochMs: number): string {
  const when = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())} ${pad(when.getHours())}:${pad(when.getMinutes())}`;
}
