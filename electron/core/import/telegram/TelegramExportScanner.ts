import { ScrollbackError } from '../../../../shared/errors.ts';
import { capStreamedText, MAX_STORED_TEXT } from '../../cache/capMessageText.ts';
import { BoundedJsonValue, type JsonValueBounds } from '../../files/BoundedJsonValue.ts';
import { translator } from '../../i18n/createTranslator.ts';

/** The fields of a chat object in a Telegram Desktop export that say which chat it is. */
export interface TelegramChatMeta {
  name?: unknown;
  type?: unknown;
  id?: unknown;
  /** Scrollback's own export: the source and key of the chat it was exported from (see createJsonExportWriter). */
  scrollback_source?: unknown;
  scrollback_key?: unknown;
}

const META_KEYS = new Set(['name', 'type', 'id', 'scrollback_source', 'scrollback_key']);

export interface TelegramExportVisitor {
  /** A chat's `messages` list begins (its name, type and id, written before it, are known). */
  chatStart(meta: TelegramChatMeta): void;
  /** One element of the current chat's `messages` list, parsed. `byteOffset()` tells where it starts (for errors: it costs a scan). */
  message(raw: unknown, byteOffset: () => number): void;
  chatEnd(): void;
}

// What a container on the stack is, for the parts of the export the scanner looks into.
const ROOT = 0;
const SECTION = 1; // root.chats or root.left_chats
const CHAT_LIST = 2; // section.list
const CHAT = 3; // an element of a chat list
const MESSAGES = 4; // a chat's (or the root's) messages
const OTHER = 5;

/**
 * A value is cut out whole and given to JSON.parse (fast) while it is small and shallow; past these it is
 * read by a BoundedJsonValue instead, which holds only what a message can keep, whatever the rest is.
 */
export const FAST_CAPTURE_CHARS = 1 << 20;
const FAST_CAPTURE_DEPTH = 16;
/** A key longer than this is no export's. */
const MAX_KEY_CHARS = 64 * 1024;

/** What one message keeps: real ones nest 5 deep and hold a few thousand values. */
export const MESSAGE_BOUNDS: JsonValueBounds = {
  maxDepth: 16,
  maxStringLength: MAX_STORED_TEXT,
  maxChars: 4 * MAX_STORED_TEXT,
  maxValues: 500_000,
  cutString: capStreamedText,
};
/** A chat's name, type or id. */
const META_BOUNDS: JsonValueBounds = {
  maxDepth: 4,
  maxStringLength: 4096,
  maxChars: 16_384,
  maxValues: 1000,
  cutString: (head) => `${head}…`,
};
/** A part of the export Scrollback does not read: stepped over, nothing kept. */
const SKIP_BOUNDS: JsonValueBounds = { maxDepth: 0, maxStringLength: 0, maxChars: 0, maxValues: 0 };

interface Frame {
  role: number;
  isArray: boolean;
  key: string | null;
  /** An object waits for a key (after "{" or ","); otherwise for ":" or a value. */
  expectKey: boolean;
  meta: TelegramChatMeta | null;
}

/**
 * Reads a Telegram Desktop `result.json` (one chat, or a whole account with `chats.list` and
 * `left_chats.list`) from text chunks, handing over one message at a time: memory stays bounded by the
 * largest message, not the file, and a 1,000,000-message export never exists as one string. Only the
 * structure around messages is tracked by hand; each message is cut out whole and given to JSON.parse.
 */
export class TelegramExportScanner {
  private buffer = '';
  private index = 0;
  /** Start (in `buffer`) of the value being cut out or skipped; -1 when none. */
  private mark = -1;
  /** Nesting inside the value being cut out (a message or a skipped container). */
  private depth = 0;
  private inString = false;
  private captureIsMessage = false;
  private waitingForKey = false;
  /** Messages read whole from a guess of where they end, and guesses that missed (see readWholeMessage; tests' witnesses). */
  guessHits = 0;
  guessMisses = 0;
  private readonly stack: Frame[] = [];
  private started = false;
  private finished = false;
  private sawChats = false;
  /** Bytes of the file before `buffer[0]`. */
  private bytesBefore = 0;
  private readonly name: string;
  private readonly visitor: TelegramExportVisitor;
  /** The large or deep value being read in bounds (see FAST_CAPTURE_CHARS), and where it started. */
  private reader: BoundedJsonValue | null = null;
  private readerStartByte = 0;
  /** The most text carried from one piece to the next, and the longest string a bounded read held (tests' witnesses). */
  largestCarried = 0;
  largestHeldString = 0;
  /** Values read in bounds, and what those reads left out (strings cut, values skipped). */
  boundedReads = 0;
  readonly cuts = { cutStrings: 0, skippedValues: 0 };

  private readonly metaKeys: ReadonlySet<string>;
  private readonly exportKind: 'telegram' | 'discord';

  /**
   * `options.metaKeys`: the keys before a messages list that say which chat it is (Telegram's by default);
   * `options.exportKind`: which export a file that is not one is said not to be.
   */
  constructor(
    name: string,
    visitor: TelegramExportVisitor,
    options: { metaKeys?: readonly string[]; exportKind?: 'telegram' | 'discord' } = {},
  ) {
    this.name = name;
    this.visitor = visitor;
    this.metaKeys = options.metaKeys ? new Set(options.metaKeys) : META_KEYS;
    this.exportKind = options.exportKind ?? 'telegram';
  }

  /** The next piece of text; `byteOffset` is where it starts in the file (for error messages). */
  push(text: string, byteOffset: number): void {
    const keepFrom = this.mark >= 0 ? this.mark : this.index;
    const carried = this.buffer.slice(keepFrom);
    if (carried.length > this.largestCarried) this.largestCarried = carried.length;
    // Only the carried part (the value being read, usually one message) is measured, not the whole chunk.
    this.bytesBefore = carried === '' ? byteOffset : byteOffset - Buffer.byteLength(carried);
    this.buffer = carried + text;
    this.index -= keepFrom;
    if (this.mark >= 0) this.mark -= keepFrom;
    this.scan();
  }

  end(): void {
    if (this.reader || this.mark >= 0 || this.stack.length > 0 || !this.started) {
      const inMessages = this.stack.some((frame) => frame.role === MESSAGES) ? 'yes' : 'no';
      throw this.error(this.buffer.length, translator()('error.jsonExport.endsEarly', { inMessages }));
    }
    if (!this.sawChats) throw this.error(0, translator()('error.jsonExport.noLists', { export: this.exportKind }));
  }

  private scan(): void {
    if (this.waitingForKey) {
      this.waitingForKey = false;
      this.mark = -1;
    }
    const buffer = this.buffer;
    const length = buffer.length;
    let i = this.index;
    while (i < length) {
      if (this.reader) {
        i = this.readBounded(buffer, i);
        if (i < 0) {
          this.index = length;
          return;
        }
        continue;
      }
      if (this.mark >= 0) {
        i = this.scanCaptured(buffer, i);
        if (i < 0) {
          if (length - this.mark <= FAST_CAPTURE_CHARS) {
            this.index = length;
            return;
          }
          i = this.startBoundedRead(buffer);
        }
        continue;
      }
      const code = buffer.charCodeAt(i);
      if (code === 32 || code === 10 || code === 13 || code === 9) {
        i++;
        continue;
      }
      if (this.finished) throw this.error(i, translator()('error.jsonExport.afterEnd', { found: String(buffer[i]) }));
      const frame = this.stack[this.stack.length - 1];
      if (!frame) {
        if (code !== 123) throw this.error(i, translator()('error.jsonExport.noObject', { brace: '{', export: this.exportKind }));
        this.started = true;
        this.stack.push({ role: ROOT, isArray: false, key: null, expectKey: true, meta: {} });
        i++;
        continue;
      }
      if (code === 44) {
        // ","
        if (!frame.isArray) frame.expectKey = true;
        i++;
        continue;
      }
      if (code === 125 || code === 93) {
        i = this.close(frame, code, i);
        continue;
      }
      if (!frame.isArray && frame.expectKey) {
        if (code !== 34) throw this.error(i, translator()('error.jsonExport.keyExpected', { found: String(buffer[i]) }));
        const end = findStringEnd(buffer, i + 1);
        if (end < 0) {
          if (length - i > MAX_KEY_CHARS) throw this.error(i, translator()('error.jsonExport.longKey', { export: this.exportKind }));
          // A key split across chunks: keep it and read it again when the rest has come.
          this.mark = i;
          this.waitingForKey = true;
          this.index = i;
          return;
        }
        try {
          frame.key = JSON.parse(buffer.slice(i, end + 1)) as string;
        } catch (error) {
          throw this.error(i, translator()('error.jsonExport.badKey', { reason: (error as Error).message }));
        }
        frame.expectKey = false;
        i = end + 1;
        continue;
      }
      if (code === 58) {
        // ":"
        i++;
        continue;
      }
      i = this.openValue(frame, buffer, i);
      if (i < 0) {
        this.index = length;
        return;
      }
    }
    this.index = i;
  }

  /** A value starts at `i` in `frame`; returns where scanning goes on, or -1 when it waits for more text. */
  private openValue(frame: Frame, buffer: string, i: number): number {
    const code = buffer.charCodeAt(i);
    const role = childRole(frame, code);
    if (role === MESSAGES || role === SECTION || role === CHAT_LIST || role === CHAT) {
      if (role === MESSAGES) {
        this.sawChats = true;
        this.visitor.chatStart(frame.meta ?? {});
      }
      if (role === SECTION) this.sawChats = true;
      this.stack.push({ role, isArray: code === 91, key: null, expectKey: code === 123, meta: role === CHAT ? {} : null });
      return i + 1;
    }
    if (frame.role === MESSAGES && code !== 123)
      throw this.error(i, translator()('error.jsonExport.messageExpected', { brace: '{', found: String(buffer[i]) }));
    // Anything else is cut out whole: a message (parsed), a chat's name/type/id (kept), the rest (skipped).
    if (frame.role === MESSAGES && (this.guessMisses < 64 || this.guessMisses < this.guessHits)) {
      const end = this.readWholeMessage(buffer, i);
      if (end >= 0) return end;
    }
    this.mark = i;
    this.depth = 0;
    this.captureIsMessage = frame.role === MESSAGES;
    return i;
  }

  /**
   * Exports lay a message out in one of two ways: on one line (the message ends where its line does), or
   * pretty-printed (it ends at the next "}" indented as its "{" is). That guess is cut out and given to
   * JSON.parse without scanning it character by character first; only when it parses is it taken, so it is
   * exactly the message (JSON.parse accepts nothing but one whole value, and a "}" ending the guess cannot be
   * inside a string). Anything else (a guess that does not parse, one too large or possibly too deep for a
   * fast capture, a message the chunk cuts) is read the careful way. A file laid out otherwise (minified on
   * one line, say) stops being guessed at after a few misses, since a miss can search to the chunk's end.
   * Returns the index after the message, or -1 when it was not read here.
   */
  private readWholeMessage(buffer: string, start: number): number {
    const parsed = this.parseGuess(buffer, start);
    if (parsed === undefined) {
      this.guessMisses++;
      return -1;
    }
    this.guessHits++;
    const bytesBefore = this.bytesBefore;
    this.visitor.message(parsed.value, () => bytesBefore + Buffer.byteLength(buffer.slice(0, start)));
    return parsed.end;
  }

  /** The message at `start` parsed from the guess of where it ends, and that end; undefined when there is no sure guess. */
  private parseGuess(buffer: string, start: number): { value: unknown; end: number } | undefined {
    const lineEnd = buffer.indexOf('\n', start);
    if (lineEnd < 0) return undefined;
    const end = this.guessMessageEnd(buffer, start, lineEnd);
    if (end < 0 || end - start > FAST_CAPTURE_CHARS) return undefined;
    const raw = buffer.slice(start, end);
    if (!shallowEnough(raw)) return undefined;
    try {
      return { value: JSON.parse(raw), end };
    } catch {
      return undefined;
    }
  }

  /** Where the message at `start` ends if the file is laid out one message a line or pretty-printed; -1 if neither. */
  private guessMessageEnd(buffer: string, start: number, lineEnd: number): number {
    let last = lineEnd - 1;
    for (let code = buffer.charCodeAt(last); code === 44 || code === 13 || code === 32 || code === 9; code = buffer.charCodeAt(--last));
    if (last > start && buffer.charCodeAt(last) === 125) return last + 1;
    const lineStart = buffer.lastIndexOf('\n', start - 1) + 1;
    const indent = buffer.slice(lineStart, start);
    if (lineStart === 0 || !/^[ \t]*$/.test(indent)) return -1;
    const close = buffer.indexOf(`\n${indent}}`, start);
    return close < 0 ? -1 : close + indent.length + 2;
  }

  /** Scans the value starting at `mark`; returns the index after it, or -1 when the chunk ends first. */
  private scanCaptured(buffer: string, from: number): number {
    const length = buffer.length;
    let i = from;
    while (i < length) {
      if (this.inString) {
        const end = findStringEnd(buffer, i);
        if (end < 0) return -1;
        this.inString = false;
        i = end + 1;
        if (this.depth === 0) return this.finishCapture(buffer, i);
        continue;
      }
      const code = buffer.charCodeAt(i);
      if (code === 34) {
        this.inString = true;
        i++;
        continue;
      }
      if (code === 123 || code === 91) {
        if (++this.depth > FAST_CAPTURE_DEPTH) return this.startBoundedRead(buffer);
      } else if (code === 125 || code === 93) {
        if (this.depth === 0) return this.finishCapture(buffer, i);
        this.depth--;
        if (this.depth === 0) return this.finishCapture(buffer, i + 1);
      } else if (this.depth === 0 && (code === 44 || code === 32 || code === 10 || code === 13 || code === 9)) {
        return this.finishCapture(buffer, i);
      }
      i++;
    }
    return -1;
  }

  /**
   * The value from `mark` is too large or deep to cut out: it is read again from its start in bounds, and
   * nothing of it is carried any longer. Returns where scanning goes on (its start, now read by `reader`).
   */
  private startBoundedRead(buffer: string): number {
    const start = this.mark;
    const frame = this.stack[this.stack.length - 1]!;
    const isMeta = frame.meta !== null && frame.key !== null && this.metaKeys.has(frame.key);
    this.reader = new BoundedJsonValue(this.captureIsMessage ? MESSAGE_BOUNDS : isMeta ? META_BOUNDS : SKIP_BOUNDS);
    this.readerStartByte = this.bytesBefore + Buffer.byteLength(buffer.slice(0, start));
    this.mark = -1;
    this.depth = 0;
    this.inString = false;
    return start;
  }

  private readBounded(buffer: string, from: number): number {
    const reader = this.reader!;
    let end: number;
    try {
      end = reader.read(buffer, from);
    } catch (error) {
      throw this.error(
        from,
        translator()('error.jsonExport.badValue', { what: this.captureIsMessage ? 'message' : 'value', reason: (error as Error).message }),
      );
    }
    if (reader.largestHeldString > this.largestHeldString) this.largestHeldString = reader.largestHeldString;
    if (end < 0) return -1;
    this.reader = null;
    this.boundedReads++;
    this.cuts.cutStrings += reader.cuts.cutStrings;
    this.cuts.skippedValues += reader.cuts.skippedValues;
    const startByte = this.readerStartByte;
    const frame = this.stack[this.stack.length - 1]!;
    if (this.captureIsMessage) this.visitor.message(reader.value, () => startByte);
    else if (frame.meta && frame.key !== null && this.metaKeys.has(frame.key))
      frame.meta[frame.key as keyof TelegramChatMeta] = reader.value;
    return end;
  }

  private finishCapture(buffer: string, end: number): number {
    const start = this.mark;
    this.mark = -1;
    const frame = this.stack[this.stack.length - 1]!;
    const raw = buffer.slice(start, end);
    if (this.captureIsMessage) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch (error) {
        throw this.error(start, translator()('error.jsonExport.badValue', { what: 'message', reason: (error as Error).message }));
      }
      const bytesBefore = this.bytesBefore;
      this.visitor.message(parsed, () => bytesBefore + Buffer.byteLength(buffer.slice(0, start)));
    } else if (frame.meta && frame.key !== null && this.metaKeys.has(frame.key)) {
      try {
        frame.meta[frame.key as keyof TelegramChatMeta] = JSON.parse(raw);
      } catch (error) {
        throw this.error(start, translator()('error.jsonExport.badChatValue', { key: frame.key, reason: (error as Error).message }));
      }
    } else if (raw.length < 64) {
      // Validate small scalars: a typo in a skipped part is still a broken file.
      try {
        JSON.parse(raw);
      } catch {
        throw this.error(start, translator()('error.jsonExport.notValue', { text: raw.slice(0, 20) }));
      }
    }
    return end;
  }

  private close(frame: Frame, code: number, i: number): number {
    if ((code === 93) !== frame.isArray)
      throw this.error(i, translator()('error.jsonExport.unexpected', { found: String(this.buffer[i]) }));
    this.stack.pop();
    if (frame.role === MESSAGES) this.visitor.chatEnd();
    if (this.stack.length === 0) this.finished = true;
    return i + 1;
  }

  private error(index: number, what: string): ScrollbackError {
    const byte = this.bytesBefore + Buffer.byteLength(this.buffer.slice(0, Math.max(0, index)));
    return new ScrollbackError(
      'INVALID_FILE',
      translator()('error.telegramExport.atByte', { file: this.name, byte: String(byte), problem: what }),
    );
  }
}

function childRole(frame: Frame, code: number): number {
  const isObject = code === 123;
  const isArray = code === 91;
  if (frame.role === ROOT) {
    if (frame.key === 'messages' && isArray) return MESSAGES;
    if ((frame.key === 'chats' || frame.key === 'left_chats') && isObject) return SECTION;
  } else if (frame.role === SECTION) {
    if (frame.key === 'list' && isArray) return CHAT_LIST;
  } else if (frame.role === CHAT_LIST) {
    if (isObject) return CHAT;
  } else if (frame.role === CHAT) {
    if (frame.key === 'messages' && isArray) return MESSAGES;
  }
  return OTHER;
}

/**
 * Whether the text opens at most FAST_CAPTURE_DEPTH objects and arrays (counting brackets inside strings
 * too): then it cannot nest deeper than a fast capture may.
 */
function shallowEnough(text: string): boolean {
  let opened = 0;
  for (let at = text.indexOf('{'); at >= 0; at = text.indexOf('{', at + 1)) if (++opened > FAST_CAPTURE_DEPTH) return false;
  for (let at = text.indexOf('['); at >= 0; at = text.indexOf('[', at + 1)) if (++opened > FAST_CAPTURE_DEPTH) return false;
  return true;
}

/** Index of the first unescaped quote at or after `from` (the end of a string), or -1 if the text ends first. */
function findStringEnd(text: string, from: number): number {
  let i = from;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) return -1;
    let backslashes = 0;
    // Count back without a lower bound: the opening quote itself ends any run of backslashes.
    for (let k = quote - 1; k >= 0 && text.charCodeAt(k) === 92; k--) backslashes++;
    if (backslashes % 2 === 0) return quote;
    i = quote + 1;
  }
}
