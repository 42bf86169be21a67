/**
 * The date-and-time prefix that starts every message line of a WhatsApp "Export chat" file. The shapes seen
 * in real exports:
 *   Android  `29/01/2018, 23:59 - Name: text`, `1/29/18, 11:59 PM - …`, `2016-04-15, 3:04 p.m. - …`,
 *            `01/30/2019, 08:49 p. m. - …`, `29.01.18, 12:24 - …`
 *   iOS      `[29.01.18, 12:24:03] Name: text`, `[8/15/23, 9:12:33 AM] …`, `[15-01-20 02:22:56] …`
 * with byte order marks or left-to-right marks before the line or inside the bracket, and plain, no-break
 * or narrow no-break spaces (or an underscore, where a tool replaced one) before the AM/PM marker.
 */
export interface WhatsAppHeader {
  /** The three date numbers in file order; which is the day is decided for the whole file. */
  parts: [number, number, number];
  /** The first part has four digits: year/month/day. */
  yearFirst: boolean;
  hour: number;
  minute: number;
  second: number;
  /** The stamp is in brackets, as iPhones write it (Android: `date, time - `). */
  bracketed: boolean;
  /** What follows the prefix: "Name: text" or a system line. */
  rest: string;
}

const MARKS = /^[\u200e\u200f\ufeff\u202a-\u202e]+/;
const HEADER =
  /^\[?[\u200e\u200f\ufeff]*(\d{1,4})([./-])(\d{1,2})\2(\d{2,4}),?[ \u00a0\u202f]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:[ \u00a0\u202f_]*([aApP])\.?[ \u00a0\u202f]?[mM]\.?)?(?:\][ \u00a0\u202f]?|[ \u00a0\u202f]+[-\u2013][ \u00a0\u202f]+)/;

export function parseWhatsAppHeader(line: string): WhatsAppHeader | null {
  const code = line.charCodeAt(0);
  // Fast exit for the common continuation line: a header starts with a digit, "[" or an invisible mark.
  if (!(
    (code >= 48 && code <= 57) ||
    code === 91 ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0xfeff ||
    (code >= 0x202a && code <= 0x202e)
  ))
    return null;
  const text = (code >= 48 && code <= 57) || code === 91 ? line : line.replace(MARKS, '');
  const match = HEADER.exec(text);
  if (!match) return null;
  const first = match[1]!;
  const last = match[4]!;
  if (first.length === 3 || last.length === 3 || (first.length === 4 && last.length === 4)) return null;
  let hour = Number(match[5]);
  const minute = Number(match[6]);
  const second = match[7] ? Number(match[7]) : 0;
  const meridiem = match[8]?.toLowerCase();
  // Real files also carry "00:08 a. m." and "23:59 PM": an hour outside 1–12 is already on the 24-hour clock.
  if (meridiem && hour >= 1 && hour <= 12) hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  if (hour > 23 || minute > 59 || second > 59) return null;
  return {
    parts: [Number(first), Number(match[3]), Number(last)],
    yearFirst: first.length === 4,
    bracketed: match[0].startsWith('['),
    hour,
    minute,
    second,
    rest: text.slice(match[0].length),
  };
}
