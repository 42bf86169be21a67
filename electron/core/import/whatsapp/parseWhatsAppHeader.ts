/**
 * The date-and-time prefix that starts every message line of a WhatsApp "Export chat" file. The shapes seen
 * in real exports:
 *   Android  `29/01/2018, 23:59 - Name: text`, `1/29/18, 11:59 PM - …`, `2016-04-15, 3:04 p.m. - …`,
 *            `01/30/2019, 08:49 p. m. - …`, `29.01.18, 12:24 - …`
 *   iOS      `[29.01.18, 12:24:03] Name: text`, `[8/15/23, 9:12:33 AM] …`, `[15-01-20 02:22:56] …`
 *   CJK      `2026/4/6 下午1:54 - …`, `02/01/2024 03:04 下午 - …`, `[2024/01/02 오후 03:06] …` (the marker before or after)
 *   Indonesian `30/08/25 18.00 - …` (dots in the time)
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
  /** How the stamp is written, whatever its numbers (see dateShapeOf). */
  dateSeparator: string;
  comma: boolean;
  timeSeparator: string;
  /** The AM/PM marker as written ("PM", "p. m.", "下午"), or null on a 24-hour clock. */
  meridiem: string | null;
  /** Digits of the year as written (2 or 4). */
  yearDigits: number;
}

/** Words for morning and afternoon that Chinese, Japanese and Korean phones write (notes §9: CL, FS). */
const CJK_MERIDIEM = '上午|下午|午前|午後|오전|오후';
const CJK_AFTERNOON = new Set(['下午', '午後', '오후']);

const MARKS = /^[\u200e\u200f\ufeff\u202a-\u202e]+/;
const HEADER = new RegExp(
  '^\\[?[\\u200e\\u200f\\ufeff]*(\\d{1,4})([./-])(\\d{1,2})\\2(\\d{1,4})(,?)[ \\u00a0\\u202f]+' +
    `(${CJK_MERIDIEM})?[ \\u00a0\\u202f]?(\\d{1,2})([:.])(\\d{2})(?:[:.](\\d{2}))?` +
    `(?:[ \\u00a0\\u202f_]*([aApP]\\.?[ \\u00a0\\u202f]?[mM]\\.?|${CJK_MERIDIEM}))?` +
    '(?:\\][ \\u00a0\\u202f]?|[ \\u00a0\\u202f]+[-\\u2013][ \\u00a0\\u202f]+)',
);

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
  // The year is first (four digits, then a one- or two-digit day) or last (two or four digits).
  if (first.length === 4 ? last.length > 2 : first.length === 3 || (last.length !== 2 && last.length !== 4)) return null;
  let hour = Number(match[7]);
  const minute = Number(match[9]);
  const second = match[10] ? Number(match[10]) : 0;
  const meridiem = match[6] ?? match[11] ?? null;
  // Real files also carry "00:08 a. m." and "23:59 PM": an hour outside 1–12 is already on the 24-hour clock.
  if (meridiem !== null && hour >= 1 && hour <= 12) {
    const afternoon = CJK_AFTERNOON.has(meridiem) || meridiem[0] === 'p' || meridiem[0] === 'P';
    const morning = !afternoon && (meridiem[0] === 'a' || meridiem[0] === 'A' || meridiem.length === 2);
    if (afternoon || morning) hour = (hour % 12) + (afternoon ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return {
    parts: [Number(first), Number(match[3]), Number(last)],
    yearFirst: first.length === 4,
    bracketed: match[0].startsWith('['),
    hour,
    minute,
    second,
    rest: text.slice(match[0].length),
    dateSeparator: match[2]!,
    comma: match[5] === ',',
    timeSeparator: match[8]!,
    meridiem,
    yearDigits: first.length === 4 ? 4 : last.length,
  };
}

/**
 * How a stamp is written, without its numbers: year first or last and its digits, the date's separator,
 * a comma or none, the time's separator, and which kind of AM/PM marker. Phones in one language write one or
 * two of these (`27-08-2020 11:17` Dutch, `30/08/25 18.00` Indonesian, `8:28 p. m.` Spanish), so it helps
 * tell languages apart; the same shape from two stamps means the same way of writing.
 */
export function dateShapeOf(header: WhatsAppHeader): string {
  const year = `${header.yearFirst ? 'Y' : 'y'}${header.yearDigits}`;
  return `${year}${header.dateSeparator}${header.comma ? ',' : ''}${header.timeSeparator}${meridiemKind(header.meridiem)}`;
}

function meridiemKind(meridiem: string | null): string {
  if (meridiem === null) return '';
  if (meridiem === '上午' || meridiem === '下午') return 'zh';
  if (meridiem === '午前' || meridiem === '午後') return 'ja';
  if (meridiem === '오전' || meridiem === '오후') return 'ko';
  // "a. m." with a space inside (Spanish) differs from "AM", "am" and "a.m.".
  return /[ \u00a0\u202f]/.test(meridiem) ? 'a. m.' : 'am';
}
