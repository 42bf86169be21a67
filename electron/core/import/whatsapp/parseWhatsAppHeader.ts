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
  const scanned = scanStamp(text);
  return scanned === undefined ? headerByPattern(text) : scanned;
}

/** The stamp read by HEADER alone (what scanStamp must agree with; exported for that test). */
export function headerByPattern(text: string): WhatsAppHeader | null {
  const match = HEADER.exec(text);
  if (!match) return null;
  const first = match[1]!;
  const last = match[4]!;
  return headerOf(
    text,
    first.length,
    Number(first),
    Number(match[3]),
    last.length,
    Number(last),
    Number(match[7]),
    Number(match[9]),
    match[10] ? Number(match[10]) : 0,
    match[6] ?? match[11] ?? null,
    match[0].length,
    match[2]!,
    match[5] === ',',
    match[8]!,
  );
}

/** The checks and the 12-hour clock after a stamp is read (by scanStamp or by HEADER alike). */
function headerOf(
  text: string,
  firstDigits: number,
  first: number,
  middle: number,
  lastDigits: number,
  last: number,
  hourAsWritten: number,
  minute: number,
  second: number,
  meridiem: string | null,
  end: number,
  dateSeparator: string,
  comma: boolean,
  timeSeparator: string,
): WhatsAppHeader | null {
  // The year is first (four digits, then a one- or two-digit day) or last (two or four digits).
  if (firstDigits === 4 ? lastDigits > 2 : firstDigits === 3 || (lastDigits !== 2 && lastDigits !== 4)) return null;
  let hour = hourAsWritten;
  // Real files also carry "00:08 a. m." and "23:59 PM": an hour outside 1–12 is already on the 24-hour clock.
  if (meridiem !== null && hour >= 1 && hour <= 12) {
    const afternoon = CJK_AFTERNOON.has(meridiem) || meridiem[0] === 'p' || meridiem[0] === 'P';
    const morning = !afternoon && (meridiem[0] === 'a' || meridiem[0] === 'A' || meridiem.length === 2);
    if (afternoon || morning) hour = (hour % 12) + (afternoon ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return {
    parts: [first, middle, last],
    yearFirst: firstDigits === 4,
    bracketed: text.charCodeAt(0) === 91,
    hour,
    minute,
    second,
    rest: text.slice(end),
    dateSeparator,
    comma,
    timeSeparator,
    meridiem,
    yearDigits: firstDigits === 4 ? 4 : lastDigits,
  };
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
/** The spaces a stamp may hold: plain, no-break, narrow no-break. */
const isStampSpace = (code: number): boolean => code === 0x20 || code === 0xa0 || code === 0x202f;

/**
 * HEADER's reading of the stamps met almost always (Latin AM/PM or a 24-hour clock, no CJK marker), by hand:
 * a message costs one walk over its stamp instead of a regular expression and a dozen captured strings.
 * Whatever it does not follow to the end is left to HEADER (undefined), so what it returns is what HEADER
 * would read (tests/core/import/whatsAppParseShortcuts.test.ts compares the two on generated stamps).
 */
export function scanStamp(text: string): WhatsAppHeader | null | undefined {
  const length = text.length;
  let i = text.charCodeAt(0) === 91 ? 1 : 0;
  let code = text.charCodeAt(i);
  while (code === 0x200e || code === 0x200f || code === 0xfeff) code = text.charCodeAt(++i);
  // Date: 1–4 digits, a separator, 1–2 digits, the same separator, 1–4 digits.
  let first = 0;
  const firstStart = i;
  while (isDigit(code) && i - firstStart < 4) {
    first = first * 10 + code - 48;
    code = text.charCodeAt(++i);
  }
  const firstDigits = i - firstStart;
  if (firstDigits === 0 || !(code === 0x2e || code === 0x2f || code === 0x2d)) return undefined;
  const separatorCode = code;
  code = text.charCodeAt(++i);
  let middle = 0;
  const middleStart = i;
  while (isDigit(code) && i - middleStart < 2) {
    middle = middle * 10 + code - 48;
    code = text.charCodeAt(++i);
  }
  if (i === middleStart || code !== separatorCode) return undefined;
  code = text.charCodeAt(++i);
  let last = 0;
  const lastStart = i;
  while (isDigit(code) && i - lastStart < 4) {
    last = last * 10 + code - 48;
    code = text.charCodeAt(++i);
  }
  const lastDigits = i - lastStart;
  if (lastDigits === 0) return undefined;
  const comma = code === 0x2c;
  if (comma) code = text.charCodeAt(++i);
  if (!isStampSpace(code)) return undefined;
  while (isStampSpace(code)) code = text.charCodeAt(++i);
  // Time: 1–2 digits, `:` or `.`, 2 digits, and maybe the same kind of separator and 2 digits of seconds.
  let hour = 0;
  const hourStart = i;
  while (isDigit(code) && i - hourStart < 2) {
    hour = hour * 10 + code - 48;
    code = text.charCodeAt(++i);
  }
  if (i === hourStart || !(code === 0x3a || code === 0x2e)) return undefined;
  const timeSeparatorCode = code;
  const m1 = text.charCodeAt(i + 1);
  const m2 = text.charCodeAt(i + 2);
  if (!isDigit(m1) || !isDigit(m2)) return undefined;
  const minute = (m1 - 48) * 10 + m2 - 48;
  i += 3;
  code = text.charCodeAt(i);
  let second = 0;
  if (code === 0x3a || code === 0x2e) {
    const s1 = text.charCodeAt(i + 1);
    const s2 = text.charCodeAt(i + 2);
    if (!isDigit(s1) || !isDigit(s2)) return undefined;
    second = (s1 - 48) * 10 + s2 - 48;
    i += 3;
    code = text.charCodeAt(i);
  }
  if (isDigit(code)) return undefined;
  // Maybe an AM/PM marker after spaces (or an underscore): `[aApP]\.?[space]?[mM]\.?`.
  let meridiem: string | null = null;
  let j = i;
  let marker = code;
  while (isStampSpace(marker) || marker === 0x5f) marker = text.charCodeAt(++j);
  if (marker === 0x61 || marker === 0x41 || marker === 0x70 || marker === 0x50) {
    const start = j;
    let next = text.charCodeAt(++j);
    if (next === 0x2e) next = text.charCodeAt(++j);
    if (isStampSpace(next)) next = text.charCodeAt(++j);
    if (next !== 0x6d && next !== 0x4d) return undefined;
    next = text.charCodeAt(++j);
    if (next === 0x2e) next = text.charCodeAt(++j);
    meridiem = text.slice(start, j);
    i = j;
    code = next;
  } else if (marker >= 0x3000) return undefined;
  // The end of the stamp: `]` and maybe one space, or spaces, a dash and spaces.
  if (code === 0x5d) {
    i++;
    if (isStampSpace(text.charCodeAt(i))) i++;
  } else {
    if (!isStampSpace(code)) return undefined;
    while (isStampSpace(code)) code = text.charCodeAt(++i);
    if (code !== 0x2d && code !== 0x2013) return undefined;
    code = text.charCodeAt(++i);
    if (!isStampSpace(code)) return undefined;
    while (isStampSpace(code)) code = text.charCodeAt(++i);
  }
  if (i > length) return undefined;
  return headerOf(
    text,
    firstDigits,
    first,
    middle,
    lastDigits,
    last,
    hour,
    minute,
    second,
    meridiem,
    i,
    String.fromCharCode(separatorCode),
    comma,
    String.fromCharCode(timeSeparatorCode),
  );
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
