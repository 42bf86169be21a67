/** What one value may hold once read: anything past these is left out while reading, never held. */
export interface JsonValueBounds {
  /** Containers nested deeper than this (inside the value) are skipped whole; 0 keeps nothing at all. */
  maxDepth: number;
  /** Characters kept of any one string; the rest is counted, not held. */
  maxStringLength: number;
  /** Characters kept of all the value's strings together. */
  maxChars: number;
  /** Values (strings, numbers, containers…) kept in all; later ones are skipped. */
  maxValues: number;
  /** What a string cut short becomes: its first characters (at most maxStringLength) and its whole length. */
  cutString?: (head: string, length: number) => string;
}

/** What a read left out, for callers that report it and for tests of the bounds. */
export interface JsonValueCuts {
  /** Strings kept shorter than they were. */
  cutStrings: number;
  /** Containers skipped for their depth, and values skipped once maxValues were kept. */
  skippedValues: number;
}

// What the reader waits for in the innermost container.
const FIRST = 0; // after "[" or "{": a value, a key or the close
const VALUE = 1; // after ":" or "," in an array
const KEY = 2; // after "," in an object
const COLON = 3;
const AFTER = 4; // after a value: "," or the close

interface Frame {
  /** The container being filled; null once values are no longer kept. */
  value: unknown[] | Record<string, unknown> | null;
  isArray: boolean;
  key: string;
  state: number;
}

const MAX_KEY = 1024;
const MAX_LITERAL = 64;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * One JSON value read from text that arrives in pieces, holding no more than its bounds whatever the text's
 * size or shape: a 200 MB string keeps its first characters and its length, containers nested past the
 * depth limit are stepped over with a counter (nothing of them is kept), and a value with millions of
 * elements keeps the first ones. JSON.parse needs the whole text, and builds all of it; this needs neither.
 * Errors are plain Error with words; the caller adds where.
 */
export class BoundedJsonValue {
  private readonly bounds: JsonValueBounds;
  private readonly stack: Frame[] = [];
  private done = false;
  private result: unknown = undefined;
  private values = 0;
  private chars = 0;
  /** Nesting of the container being skipped (0: none). */
  private skipDepth = 0;
  private skipInString = false;
  private skipEscape = false;
  // The string being read.
  private inString = false;
  private stringIsKey = false;
  private stringParts: string[] = [];
  private stringKept = 0;
  private stringLength = 0;
  private stringLimit = 0;
  /** Whether the string being read is kept (cut to stringLimit) or only stepped over. */
  private stringHeld = false;
  /** Where the next backslash is in `backslashText` (indexOf once per backslash, not once per string). */
  private backslashText = '';
  private backslashAt = -1;
  private backslashFrom = 0;
  /** An escape cut off by the end of a piece ("\u00" waits for its last digit). */
  private escape = '';
  // A number, true, false or null being read.
  private literal = '';
  readonly cuts: JsonValueCuts = { cutStrings: 0, skippedValues: 0 };
  /** The longest string held at once (a test's witness that nothing grows past the bounds). */
  largestHeldString = 0;

  constructor(bounds: JsonValueBounds) {
    this.bounds = bounds;
  }

  /** The value read, once `read` has returned its end. */
  get value(): unknown {
    return this.result;
  }

  /**
   * Reads on from `from` in `text`; returns the index just after the value, or -1 when the text ends first
   * (call again with the next piece, from 0). A number at the very end waits for what follows it.
   */
  read(text: string, from: number): number {
    let i = from;
    const length = text.length;
    while (i < length) {
      if (this.skipDepth > 0) {
        i = this.skip(text, i);
        if (i < 0) return -1;
        if (this.skipDepth === 0 && this.stack.length === 0) return this.finish(undefined, i);
        continue;
      }
      if (this.inString) {
        i = this.readString(text, i);
        if (i < 0) return -1;
        if (this.done) return i;
        continue;
      }
      const code = text.charCodeAt(i);
      if (this.literal !== '') {
        if (isLiteralChar(code)) {
          if (this.literal.length >= MAX_LITERAL) throw new Error(`“${this.literal.slice(0, 20)}…” is not a JSON value`);
          this.literal += text[i];
          i++;
          continue;
        }
        this.endLiteral();
        if (this.done) return i;
        continue;
      }
      if (code === 32 || code === 10 || code === 13 || code === 9) {
        i++;
        continue;
      }
      const frame = this.stack[this.stack.length - 1];
      if (frame) {
        if (code === 44) {
          if (frame.state !== AFTER) throw new Error('a “,” where a value belongs');
          frame.state = frame.isArray ? VALUE : KEY;
          i++;
          continue;
        }
        if (code === 93 || code === 125) {
          if ((code === 93) !== frame.isArray) throw new Error(`a “${text[i]}” closes a${frame.isArray ? 'n array' : 'n object'}`);
          if (frame.state !== AFTER && frame.state !== FIRST) throw new Error(`a “${text[i]}” where a value belongs`);
          this.stack.pop();
          i++;
          this.attach(frame.value, frame.value === null);
          if (this.done) return i;
          continue;
        }
        if (!frame.isArray && (frame.state === FIRST || frame.state === KEY)) {
          if (code !== 34) throw new Error(`expected a quoted key, found “${text[i]}”`);
          this.beginString(true);
          i++;
          continue;
        }
        if (frame.state === COLON) {
          if (code !== 58) throw new Error(`expected “:” after a key, found “${text[i]}”`);
          frame.state = VALUE;
          i++;
          continue;
        }
        if (frame.state === AFTER)
          throw new Error(`expected “,” or the end of the ${frame.isArray ? 'array' : 'object'}, found “${text[i]}”`);
      }
      i = this.beginValue(text, i, code);
    }
    return -1;
  }

  /** The text ended: a number waiting for its end is complete; anything else open is an error. */
  end(): void {
    if (this.literal !== '' && this.stack.length === 0) this.endLiteral();
    if (!this.done) throw new Error('the text ends inside a value');
  }

  private beginValue(text: string, i: number, code: number): number {
    if (code === 34) {
      this.beginString(false);
      return i + 1;
    }
    if (code === 123 || code === 91) {
      if (this.stack.length >= this.bounds.maxDepth || !this.keepAnother()) {
        this.cuts.skippedValues++;
        this.skipDepth = 1;
        return i + 1;
      }
      const keep = this.stack.length === 0 || this.stack[this.stack.length - 1]!.value !== null;
      const value = keep ? (code === 91 ? [] : {}) : null;
      this.stack.push({ value, isArray: code === 91, key: '', state: FIRST });
      return i + 1;
    }
    if (isLiteralChar(code)) {
      this.literal = text[i]!;
      return i + 1;
    }
    throw new Error(`“${text[i]}” cannot start a JSON value`);
  }

  /** Counts one more value kept; false once maxValues are. */
  private keepAnother(): boolean {
    if (this.values >= this.bounds.maxValues) return false;
    this.values++;
    return true;
  }

  private endLiteral(): void {
    let value: unknown;
    try {
      value = JSON.parse(this.literal);
    } catch {
      throw new Error(`“${this.literal.slice(0, 20)}” is not a JSON value`);
    }
    this.literal = '';
    this.attach(value, !this.keepAnother());
  }

  /** A value is complete: it goes into its container (unless `skipped`), or is the result. */
  private attach(value: unknown, skipped: boolean): void {
    const frame = this.stack[this.stack.length - 1];
    if (!frame) {
      this.finish(skipped ? undefined : value, 0);
      return;
    }
    if (frame.state !== FIRST && frame.state !== VALUE) throw new Error('a value where a key or “,” belongs');
    frame.state = AFTER;
    if (skipped || frame.value === null) return;
    if (frame.isArray) (frame.value as unknown[]).push(value);
    else if (frame.key === '__proto__')
      Object.defineProperty(frame.value, frame.key, { value, enumerable: true, writable: true, configurable: true });
    else (frame.value as Record<string, unknown>)[frame.key] = value;
  }

  private finish(value: unknown, end: number): number {
    this.done = true;
    this.result = value;
    return end;
  }

  private beginString(isKey: boolean): void {
    this.inString = true;
    this.stringIsKey = isKey;
    this.stringParts = [];
    this.stringKept = 0;
    this.stringLength = 0;
    const frame = this.stack[this.stack.length - 1];
    this.stringHeld = isKey || ((frame === undefined || frame.value !== null) && this.values < this.bounds.maxValues);
    this.stringLimit = isKey
      ? MAX_KEY
      : this.stringHeld
        ? Math.max(0, Math.min(this.bounds.maxStringLength, this.bounds.maxChars - this.chars))
        : 0;
  }

  private addStringPart(part: string): void {
    this.stringLength += part.length;
    const room = this.stringLimit - this.stringKept;
    if (room <= 0) return;
    const kept = part.length <= room ? part : part.slice(0, room);
    this.stringParts.push(kept);
    this.stringKept += kept.length;
    if (this.stringKept > this.largestHeldString) this.largestHeldString = this.stringKept;
  }

  /** Reads string characters from `i`; returns the index after the closing quote, or -1 at the piece's end. */
  private readString(text: string, from: number): number {
    let i = from;
    const length = text.length;
    if (this.escape !== '') {
      while (i < length && !this.escapeComplete()) this.escape += text[i++];
      if (!this.escapeComplete()) return -1;
      this.addStringPart(this.unescape(this.escape));
      this.escape = '';
    }
    while (i < length) {
      const quote = text.indexOf('"', i);
      const backslash = this.nextBackslash(text, i);
      if (backslash >= 0 && (quote < 0 || backslash < quote)) {
        if (backslash > i) this.addStringPart(text.slice(i, backslash));
        const needed = text[backslash + 1] === 'u' ? 6 : 2;
        if (backslash + needed > length) {
          this.escape = text.slice(backslash);
          return -1;
        }
        this.addStringPart(this.unescape(text.slice(backslash, backslash + needed)));
        i = backslash + needed;
        continue;
      }
      if (quote < 0) {
        this.addStringPart(text.slice(i));
        return -1;
      }
      if (quote > i) this.addStringPart(text.slice(i, quote));
      this.endString();
      return quote + 1;
    }
    return -1;
  }

  private nextBackslash(text: string, from: number): number {
    if (text !== this.backslashText || from < this.backslashFrom || (this.backslashAt >= 0 && this.backslashAt < from)) {
      this.backslashText = text;
      this.backslashFrom = from;
      this.backslashAt = text.indexOf('\\', from);
    }
    return this.backslashAt;
  }

  private escapeComplete(): boolean {
    return this.escape.length >= (this.escape[1] === 'u' ? 6 : 2);
  }

  private unescape(sequence: string): string {
    if (sequence[1] === 'u') {
      const hex = sequence.slice(2);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Error(`“${sequence}” is not a JSON escape`);
      return String.fromCharCode(parseInt(hex, 16));
    }
    const character = ESCAPES[sequence[1]!];
    if (character === undefined) throw new Error(`“${sequence}” is not a JSON escape`);
    return character;
  }

  private endString(): void {
    this.inString = false;
    const head = this.stringParts.length === 1 ? this.stringParts[0]! : this.stringParts.join('');
    this.stringParts = [];
    if (this.stringIsKey) {
      const frame = this.stack[this.stack.length - 1]!;
      frame.key = head;
      frame.state = COLON;
      return;
    }
    if (!this.stringHeld || !this.keepAnother()) {
      this.cuts.skippedValues++;
      this.attach(undefined, true);
      return;
    }
    this.chars += head.length;
    let value = head;
    if (this.stringLength > head.length) {
      this.cuts.cutStrings++;
      value = this.bounds.cutString ? this.bounds.cutString(head, this.stringLength) : head;
    }
    this.attach(value, false);
  }

  /** Steps over a skipped container from `i`: only brackets and strings are followed. */
  private skip(text: string, from: number): number {
    let i = from;
    const length = text.length;
    while (i < length) {
      if (this.skipInString) {
        if (this.skipEscape) {
          this.skipEscape = false;
          i++;
          continue;
        }
        const quote = text.indexOf('"', i);
        const backslash = this.nextBackslash(text, i);
        if (backslash >= 0 && (quote < 0 || backslash < quote)) {
          if (backslash + 1 >= length) {
            this.skipEscape = true;
            return -1;
          }
          i = backslash + 2;
          continue;
        }
        if (quote < 0) return -1;
        this.skipInString = false;
        i = quote + 1;
        continue;
      }
      const code = text.charCodeAt(i++);
      if (code === 34) this.skipInString = true;
      else if (code === 123 || code === 91) this.skipDepth++;
      else if (code === 125 || code === 93) {
        if (--this.skipDepth === 0) {
          if (this.stack.length > 0) this.attach(undefined, true);
          return i;
        }
      }
    }
    return -1;
  }
}

/** Characters of a number, true, false or null. */
function isLiteralChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || code === 45 || code === 43 || code === 46 || (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
  );
}
