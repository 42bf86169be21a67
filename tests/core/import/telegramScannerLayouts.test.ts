import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TelegramExportScanner } from '../../../electron/core/import/telegram/TelegramExportScanner.ts';

const fixtures = path.resolve(import.meta.dirname, '../../../../shared/fixtures');

interface Scanned {
  chats: unknown[];
  messages: Array<{ raw: unknown; byte: number }>;
  boundedReads: number;
}

/** What the scanner hands over for `text` pushed in pieces of `chunkSize` characters (Infinity: one piece). */
function scan(text: string, chunkSize: number, options: { discord?: boolean } = {}): Scanned {
  const scanned: Scanned = { chats: [], messages: [], boundedReads: 0 };
  const scanner = new TelegramExportScanner(
    'layout.json',
    {
      chatStart: (meta) => scanned.chats.push({ ...meta }),
      message: (raw, byteOffset) => scanned.messages.push({ raw, byte: byteOffset() }),
      chatEnd() {},
    },
    options.discord ? { metaKeys: ['guild', 'channel'], exportKind: 'discord' } : {},
  );
  let bytes = 0;
  const step = Number.isFinite(chunkSize) ? chunkSize : text.length;
  for (let i = 0; i < text.length;) {
    // Never between the halves of a surrogate pair (a file's decoder never splits a character).
    const end = i + step < text.length && /[\ud800-\udbff]/.test(text[i + step - 1]!) ? i + step + 1 : i + step;
    const piece = text.slice(i, end);
    scanner.push(piece, bytes);
    bytes += Buffer.byteLength(piece);
    i = end;
  }
  scanner.end();
  scanned.boundedReads = scanner.boundedReads;
  return scanned;
}

/** The export with each message on a line of its own, as the bench's generated exports are written. */
function oneMessageALine(exported: { messages: unknown[] }): string {
  const { messages, ...rest } = exported;
  const head = Object.entries(rest).map(([key, value]) => ` ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`);
  return `{\n${head.join('')} "messages": [\n${messages.map((message) => `  ${JSON.stringify(message)}`).join(',\n')}\n ]\n}\n`;
}

const realExports = ['telegram-json', 'discord-json'].flatMap((kind) =>
  fs
    .readdirSync(path.join(fixtures, kind))
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ kind, file: path.join(fixtures, kind, name) })),
);

describe('the Telegram export scanner reads a message whole when the layout shows where it ends', () => {
  it('hands over the same messages and byte offsets as a read in 3-character pieces, for every real export and its one-line layout', () => {
    expect(realExports.length).toBeGreaterThan(5);
    let messages = 0;
    for (const { kind, file } of realExports) {
      const text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
      const discord = kind === 'discord-json';
      const parsed = JSON.parse(text) as { messages?: unknown[] };
      for (const layout of [text, ...(Array.isArray(parsed.messages) ? [oneMessageALine(parsed as { messages: unknown[] })] : [])]) {
        const whole = scan(layout, Infinity, { discord });
        expect(whole, file).toEqual(scan(layout, 3, { discord }));
        messages += whole.messages.length;
      }
    }
    expect(messages).toBeGreaterThan(100);
  });

  it('takes a guess only when it is the whole message: a line ending in "}" inside a message, tabs, CRLF, a "}" in a string', () => {
    const tricky = [
      '{"messages": [',
      '  {"id": 1, "text": {"a": 1}',
      '  , "more": "x"},',
      '\t{',
      '\t "id": 2,',
      '\t "text": "}\\n\\t}"',
      '\t},',
      '  {"id": 3, "text": "a\\"}"}\r',
      ' ]',
      '}',
    ].join('\n');
    const whole = scan(tricky, Infinity);
    expect(whole.messages.map((message) => message.raw)).toEqual([
      { id: 1, text: { a: 1 }, more: 'x' },
      { id: 2, text: '}\n\t}' },
      { id: 3, text: 'a"}' },
    ]);
    expect(whole).toEqual(scan(tricky, 2));
  });

  it('stops guessing in a file laid out otherwise (minified on one line), where a miss searches to the chunk end', () => {
    const messages = Array.from({ length: 2000 }, (_, index) => ({
      id: index + 1,
      type: 'message',
      date_unixtime: '1600000000',
      text: `m${index}`,
    }));
    const minified = `${JSON.stringify({ name: 'Minified', messages })}\n`;
    const scanner = new TelegramExportScanner('minified.json', { chatStart() {}, message() {}, chatEnd() {} });
    scanner.push(minified, 0);
    scanner.end();
    expect(scanner.guessHits).toBe(0);
    expect(scanner.guessMisses).toBe(64);
    expect(scan(minified, Infinity).messages).toHaveLength(2000);
    // One message a line: every message but those a chunk cuts is read from its guess.
    const lined = oneMessageALine({ name: 'Lined', messages } as { messages: unknown[] });
    const linedScanner = new TelegramExportScanner('lined.json', { chatStart() {}, message() {}, chatEnd() {} });
    linedScanner.push(lined, 0);
    linedScanner.end();
    expect([linedScanner.guessHits, linedScanner.guessMisses]).toEqual([2000, 0]);
  });

  it('still reads a message nested deeper than a fast capture in bounds, whatever its layout', () => {
    const deep = `{"messages": [\n  {"id": 1, "text": "x", "deep": ${'['.repeat(40)}${']'.repeat(40)}}\n ]\n}\n`;
    const whole = scan(deep, Infinity);
    expect(whole.boundedReads).toBe(1);
    expect(whole).toEqual(scan(deep, 3));
  });

  it('refuses a broken message with the same words whether it was guessed or scanned', () => {
    const broken = '{"messages": [\n  {"id": 1, "text": "a" "b"}\n ]\n}\n';
    const words = (chunk: number) => {
      try {
        scan(broken, chunk);
        return 'read';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(words(Infinity)).not.toBe('read');
    expect(words(Infinity)).toBe(words(3));
  });
});
