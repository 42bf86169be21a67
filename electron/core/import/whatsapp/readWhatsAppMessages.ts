import { ScrollbackError } from '../../../../shared/errors.ts';
import { capStreamedText, MAX_STORED_TEXT } from '../../cache/capMessageText.ts';
import type { ByteSource } from '../../files/ByteSource.ts';
import { decodeTextChunks } from '../../files/decodeTextChunks.ts';
import { forEachLine } from '../../files/forEachLine.ts';
import { dateParts, DateOrderVote, type DateOrder } from './inferDateOrder.ts';
import { parseWhatsAppHeader, type WhatsAppHeader } from './parseWhatsAppHeader.ts';

/** One message of an export as written: local wall-clock time, author (null for system lines), text. */
export interface WhatsAppLine {
  /** Epoch ms of the wall-clock time, read in the given time zone. */
  date: number;
  author: string | null;
  text: string;
  /**
   * The text began with a left-to-right mark: iOS writes one before what WhatsApp itself says (system lines,
   * attachments), even when it puts the chat's name where the author goes.
   */
  marked: boolean;
  /** Line of the file where the message starts. */
  line: number;
  /** Written with a bracketed stamp, as an iPhone does. */
  iphone: boolean;
}

export interface WhatsAppReadOptions {
  /** Which date part is the day; decided from the file when left out. */
  dateOrder?: DateOrder;
  /** Turns a wall-clock time of the exporting phone into epoch ms. Defaults to this machine's time zone. */
  toEpochMs?: (year: number, month: number, day: number, hour: number, minute: number, second: number) => number;
  /** Bytes decoded so far, after each chunk. */
  onBytes?: (bytes: number) => void;
  /** The file's first message stamp, before any message is handed on (how it is written tells the language). */
  onFirstHeader?: (header: WhatsAppHeader) => void;
}

const AUTHOR = /^([^:"“”\n]{1,100}?): /;
const AUTHOR_AT_END = /^([^:"“”\n]{1,100}?):$/;
const INVISIBLE_PREFIX = /^[\u200e\u200f\ufeff]+/;

/**
 * This computer's wall clock as epoch ms. A chat's messages come many a day, so each day's midnight is
 * remembered with whether the day is a plain 24 hours (no clock change in it): a Date per line was a tenth of
 * the parse.
 */
let dayKey = -1;
let dayStart = 0;
let dayIsPlain = false;
const DAY_END_MS = ((23 * 60 + 59) * 60 + 59) * 1000;
function localEpochMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const key = (year * 13 + month) * 32 + day;
  if (key !== dayKey) {
    dayKey = key;
    dayStart = new Date(year, month - 1, day).getTime();
    dayIsPlain = new Date(year, month - 1, day, 23, 59, 59).getTime() - dayStart === DAY_END_MS;
  }
  if (!dayIsPlain) return new Date(year, month - 1, day, hour, minute, second).getTime();
  return dayStart + ((hour * 60 + minute) * 60 + second) * 1000;
}

interface Pending {
  header: WhatsAppHeader;
  /** The message's first HELD_CHARS characters (the rest of a huge one is counted in `length`, not held). */
  text: string;
  length: number;
  line: number;
  /** The author as the first line says it ("Name: ", read once, when the line is met), or null. */
  author: string | null;
}

/** Messages (and their characters) that may wait for the date order; then it is decided on what was seen. */
const MAX_QUEUED_MESSAGES = 100_000;
const MAX_QUEUED_CHARS = 32_000_000;

/** Held of one message: what is stored, and room for the author's name before it. */
const HELD_CHARS = MAX_STORED_TEXT + 1024;

function addLine(pending: Pending, text: string, length: number): void {
  pending.length += 1 + length;
  const room = HELD_CHARS - pending.text.length;
  if (room > 0) pending.text += `\n${text}`.slice(0, room);
}

/**
 * Reads a WhatsApp export in one pass, in file order. Lines without a date prefix continue the message
 * before them. Which date part is the day is only known from the file itself: messages wait in a queue
 * until a day above 12 settles it (in real chats, within the first days), or, for a file that never says,
 * until the end, where the order under which time runs forwards more often wins.
 */
export function readWhatsAppMessages(
  source: ByteSource,
  onMessage: (message: WhatsAppLine) => void,
  options: WhatsAppReadOptions = {},
): number {
  const vote = new DateOrderVote();
  const authors = new Set<string>();
  const toEpochMs = options.toEpochMs ?? localEpochMs;
  let order: DateOrder | null = options.dateOrder ?? null;
  const queue: Pending[] = [];
  let current: Pending | null = null;
  let count = 0;
  let stamped = false;

  const emit = (pending: Pending, decided: DateOrder): void => {
    const { year, month, day } = dateParts(pending.header, decided);
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      throw new ScrollbackError(
        'INVALID_FILE',
        `${source.name}, line ${pending.line}: the date has no valid ${month < 1 || month > 12 ? 'month' : 'day'} when read as ${describeOrder(decided)}, as the rest of the file is.`,
      );
    }
    const { header } = pending;
    let text = pending.text;
    const notHeld = pending.length - text.length;
    // Blank lines after a message are the gap before the next one, not part of it (trimEnd: a regex
    // would take quadratic time on a long run of spaces).
    if (text.endsWith('\n') && notHeld === 0) text = text.trimEnd();
    const { author, body } =
      pending.author !== null ? { author: pending.author, body: text.slice(pending.author.length + 2) } : splitAuthor(text, authors);
    const first = body.charCodeAt(0);
    const shown = first === 0x200e || first === 0x200f || first === 0xfeff ? body.replace(INVISIBLE_PREFIX, '') : body;
    count++;
    onMessage({
      date: toEpochMs(year, month, day, header.hour, header.minute, header.second),
      author,
      text: notHeld > 0 ? capStreamedText(shown, shown.length + notHeld) : shown,
      marked: body.startsWith('\u200e'),
      line: pending.line,
      iphone: header.bracketed,
    });
  };
  let queuedChars = 0;
  const drain = (): void => {
    while (queue.length > 0 && (order !== null || queue[0]!.header.yearFirst)) {
      const next = queue.shift()!;
      queuedChars -= next.text.length;
      emit(next, order ?? 'ymd');
    }
  };
  const finish = (): void => {
    if (!current) return;
    // Once the order is known and nothing waits, a message goes out without passing through the queue.
    if (order !== null && queue.length === 0) {
      const next = current;
      current = null;
      emit(next, order);
      return;
    }
    queue.push(current);
    queuedChars += current.text.length;
    current = null;
    drain();
    // A file that never settles the order (or contradicts itself) would otherwise wait whole in memory.
    if (order === null && (queue.length >= MAX_QUEUED_MESSAGES || queuedChars >= MAX_QUEUED_CHARS)) {
      order = vote.decide();
      drain();
    }
  };

  const chunks = (function* () {
    for (const chunk of decodeTextChunks(source)) {
      yield chunk;
      options.onBytes?.(chunk.byteEnd);
    }
  })();
  forEachLine(chunks, (text, number, length) => {
    const header = parseWhatsAppHeader(text);
    if (!header) {
      if (current) addLine(current, text, length);
      else if (text.replace(INVISIBLE_PREFIX, '').trim() !== '') throw notAnExport(source, number, text);
      return;
    }
    finish();
    if (!stamped) options.onFirstHeader?.(header);
    stamped = true;
    const colon = authorColon(header.rest);
    const author = colon < 0 ? null : header.rest.slice(0, colon);
    current = { header, text: header.rest, length: header.rest.length + length - text.length, line: number, author };
    if (author !== null) authors.add(author);
    if (order === null) {
      vote.add(header);
      order = vote.settled();
    }
  });
  finish();
  if (count === 0 && queue.length === 0) {
    throw new ScrollbackError(
      'INVALID_FILE',
      `${source.name}: no WhatsApp messages found. Expected lines like “31/12/2020, 23:59 - Name: text” or “[31/12/2020, 23:59:59] Name: text”.`,
    );
  }
  order ??= vote.decide();
  drain();
  return count;
}

/** The messages of an export as an array (for tests and small files). */
export function readAllWhatsAppMessages(source: ByteSource, options: WhatsAppReadOptions = {}): WhatsAppLine[] {
  const messages: WhatsAppLine[] = [];
  readWhatsAppMessages(source, (message) => messages.push(message), options);
  return messages;
}

/**
 * Where AUTHOR's colon is (`Name: `: 1 to 100 characters, none of them a colon, a quote or a line break), or
 * -1: AUTHOR by hand, as every message line asks it.
 */
export function authorColon(rest: string): number {
  const end = Math.min(rest.length, 101);
  for (let i = 0; i < end; i++) {
    const code = rest.charCodeAt(i);
    if (code === 0x3a) return i > 0 && rest.charCodeAt(i + 1) === 0x20 ? i : -1;
    if (code === 0x22 || code === 0x201c || code === 0x201d || code === 0x0a) return -1;
  }
  return -1;
}

function splitAuthor(rest: string, authors: ReadonlySet<string>): { author: string | null; body: string } {
  const match = AUTHOR.exec(rest) ?? AUTHOR_AT_END.exec(rest);
  if (match) return { author: match[1]!, body: rest.slice(match[0].length) };
  // "Name:text" without the space: only for a name that writes elsewhere in the file.
  const colon = rest.indexOf(':');
  if (colon > 0 && authors.has(rest.slice(0, colon))) return { author: rest.slice(0, colon), body: rest.slice(colon + 1) };
  return { author: null, body: rest };
}

function describeOrder(order: DateOrder): string {
  return order === 'dmy' ? 'day/month/year' : order === 'mdy' ? 'month/day/year' : 'year/month/day';
}

function notAnExport(source: ByteSource, line: number, text: string): ScrollbackError {
  return new ScrollbackError(
    'INVALID_FILE',
    `${source.name}, line ${line}: “${text.slice(0, 40)}” is not the start of a WhatsApp message. Expected a date and time first, like “31/12/2020, 23:59 - Name: text”.`,
  );
}
