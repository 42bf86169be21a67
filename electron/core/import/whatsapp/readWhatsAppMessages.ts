import { ScrollbackError } from '../../../../shared/errors.ts';
import type { ByteSource } from '../../files/ByteSource.ts';
import { decodeTextChunks } from '../../files/decodeTextChunks.ts';
import { splitLines } from '../../files/splitLines.ts';
import { dateParts, DateOrderVote, type DateOrder } from './inferDateOrder.ts';
import { parseWhatsAppHeader } from './parseWhatsAppHeader.ts';

/** One message of an export as written: local wall-clock time, author (null for system lines), text. */
export interface WhatsAppLine {
  /** Epoch ms, reading the wall-clock time in the given time zone offset function. */
  date: number;
  author: string | null;
  text: string;
  /** Line of the file where the message starts. */
  line: number;
}

export interface WhatsAppReadOptions {
  /** Which date part is the day; decided from the whole file when left out. */
  dateOrder?: DateOrder;
  /** Turns a wall-clock time of the exporting phone into epoch ms. Defaults to this machine's time zone. */
  toEpochMs?: (year: number, month: number, day: number, hour: number, minute: number, second: number) => number;
}

const AUTHOR = /^([^:"“”\n]{1,100}?): /;
const AUTHOR_AT_END = /^([^:"“”\n]{1,100}?):$/;
const INVISIBLE_PREFIX = /^[\u200e\u200f\ufeff]+/;

function localEpochMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  return new Date(year, month - 1, day, hour, minute, second).getTime();
}

/** What a first pass over the file settles: the date order, and who wrote (to read "Name:text" lines). */
export interface WhatsAppFileFacts {
  dateOrder: DateOrder;
  authors: Set<string>;
  messageCount: number;
}

export function surveyWhatsAppFile(source: ByteSource): WhatsAppFileFacts {
  const vote = new DateOrderVote();
  const authors = new Set<string>();
  let messageCount = 0;
  let sawContent = false;
  for (const line of splitLines(decodeTextChunks(source))) {
    const header = parseWhatsAppHeader(line.text);
    if (!header) {
      if (!sawContent && line.text.replace(INVISIBLE_PREFIX, '').trim() !== '') throw notAnExport(source, line.number, line.text);
      continue;
    }
    sawContent = true;
    messageCount++;
    vote.add(header);
    const author = AUTHOR.exec(header.rest) ?? AUTHOR_AT_END.exec(header.rest);
    if (author) authors.add(author[1]!);
  }
  if (messageCount === 0) {
    throw new ScrollbackError('INVALID_FILE', `${source.name}: no WhatsApp messages found. Expected lines like “31/12/2020, 23:59 - Name: text” or “[31/12/2020, 23:59:59] Name: text”.`);
  }
  return { dateOrder: vote.decide(), authors, messageCount };
}

/**
 * Reads the messages of a WhatsApp export in file order. Lines without a date prefix continue the message
 * before them (multi-line messages). Call `surveyWhatsAppFile` first, or pass the facts it returns.
 */
export function* readWhatsAppMessages(
  source: ByteSource,
  facts: WhatsAppFileFacts,
  options: WhatsAppReadOptions = {},
): Generator<WhatsAppLine> {
  const order = options.dateOrder ?? facts.dateOrder;
  const toEpochMs = options.toEpochMs ?? localEpochMs;
  let current: WhatsAppLine | null = null;
  for (const line of splitLines(decodeTextChunks(source))) {
    const header = parseWhatsAppHeader(line.text);
    if (!header) {
      if (current) current.text += `\n${line.text}`;
      else if (line.text.replace(INVISIBLE_PREFIX, '').trim() !== '') throw notAnExport(source, line.number, line.text);
      continue;
    }
    if (current) yield finish(current);
    const { year, month, day } = dateParts(header, order);
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      throw new ScrollbackError(
        'INVALID_FILE',
        `${source.name}, line ${line.number}: “${line.text.slice(0, 40)}” has no valid date when read as ${describeOrder(order)}.`,
      );
    }
    const date = toEpochMs(year, month, day, header.hour, header.minute, header.second);
    const { author, text } = splitAuthor(header.rest, facts.authors);
    current = { date, author, text: text.replace(INVISIBLE_PREFIX, ''), line: line.number };
  }
  if (current) yield finish(current);
}

/** Blank lines after a message are the gap before the next one, not part of it. */
function finish(message: WhatsAppLine): WhatsAppLine {
  if (message.text.endsWith('\n')) message.text = message.text.replace(/\s+$/, '');
  return message;
}

function splitAuthor(rest: string, authors: ReadonlySet<string>): { author: string | null; text: string } {
  const match = AUTHOR.exec(rest) ?? AUTHOR_AT_END.exec(rest);
  if (match) return { author: match[1]!, text: rest.slice(match[0].length) };
  // "Name:text" without the space: only for a name that writes elsewhere in the file.
  const colon = rest.indexOf(':');
  if (colon > 0 && authors.has(rest.slice(0, colon))) return { author: rest.slice(0, colon), text: rest.slice(colon + 1) };
  return { author: null, text: rest };
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
