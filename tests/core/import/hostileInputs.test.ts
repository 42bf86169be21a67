import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_STORED_TEXT } from '../../../electron/core/cache/capMessageText.ts';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { BoundedJsonValue } from '../../../electron/core/files/BoundedJsonValue.ts';
import { fileByteSource } from '../../../electron/core/files/ByteSource.ts';
import { decodeTextChunks } from '../../../electron/core/files/decodeTextChunks.ts';
import { forEachLine } from '../../../electron/core/files/forEachLine.ts';
import { listZipEntries, readZipEntry, zipEntryByteSource } from '../../../electron/core/files/readZipEntry.ts';
import { readDiscordExport, type DiscordExportHead } from '../../../electron/core/import/discord/readDiscordExport.ts';
import { parseDiscordExport } from '../../../electron/core/import/discord/toDiscordSourceMessages.ts';
import { findImportInputs } from '../../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../../electron/core/import/importFile.ts';
import { MAX_ELEMENT_DEPTH, TelegramHtmlPageParser } from '../../../electron/core/import/telegram-html/TelegramHtmlPageParser.ts';
import { FAST_CAPTURE_CHARS, MESSAGE_BOUNDS, TelegramExportScanner } from '../../../electron/core/import/telegram/TelegramExportScanner.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import { fixturesFolder } from '../../support/fixturesFolder.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import {
  writeDeepTelegramJson,
  writeHugeDiscordMessage,
  writeHugeHtmlMessage,
  writeHugeTelegramMessage,
  writeHugeWhatsAppLine,
  writeNestedDivPage,
  writeZip64,
} from '../../support/writeHostileExports.ts';

const tempFolder = useTempFolder();
const MB = 1024 * 1024;
const HUGE = 20_000_000;

function setUp() {
  const folder = tempFolder();
  const db = openCacheDatabase(path.join(folder, 'cache.db'));
  const importPath = (file: string) => findImportInputs(file).flatMap((input) => importFile(db, input).chats);
  const texts = () => (db.prepare('SELECT text FROM messages ORDER BY date').all() as Array<{ text: string }>).map((row) => row.text);
  const failure = (file: string): ScrollbackError => {
    try {
      importPath(file);
    } catch (error) {
      return error as ScrollbackError;
    }
    throw new Error('expected the import to fail');
  };
  return { folder, db, importPath, texts, failure };
}

/** Runs a Telegram export through the scanner alone, to read its witnesses of what it held. */
function scan(file: string): { scanner: TelegramExportScanner; messages: unknown[] } {
  const messages: unknown[] = [];
  const scanner = new TelegramExportScanner(file, { chatStart() {}, message: (raw) => messages.push(raw), chatEnd() {} });
  for (const chunk of decodeTextChunks(fileByteSource(file))) scanner.push(chunk.text, chunk.byteOffset);
  scanner.end();
  return { scanner, messages };
}

const cutMarker = (cut: number) => `more characters not kept`.replace(/^/, `${cut.toLocaleString('en-US')} `);

describe('hostile inputs: bounded memory, linear time, refused with words', () => {
  it('a Telegram JSON message of 20,000,000 characters is stored cut, and never held whole', () => {
    const { folder, importPath, texts } = setUp();
    const file = path.join(folder, 'result.json');
    writeHugeTelegramMessage(file, HUGE);
    expect(fs.statSync(file).size).toBeGreaterThan(HUGE);
    const [chat] = importPath(file);
    expect(chat!.inFile).toBe(3);
    const [before, huge, after] = texts();
    expect(before).toBe('before');
    expect(after).toBe('after');
    expect(huge!.startsWith('lorem ipsum déjà vu "quoted"\nlorem')).toBe(true);
    expect(huge!.length).toBeLessThan(MAX_STORED_TEXT + 200);
    expect(huge).toContain(cutMarker(HUGE - MAX_STORED_TEXT));
    // By construction: the scanner carried at most one fast capture between pieces, and held one stored text.
    const { scanner, messages } = scan(file);
    expect(messages).toHaveLength(3);
    expect(scanner.boundedReads).toBe(1);
    expect(scanner.largestCarried).toBeLessThanOrEqual(FAST_CAPTURE_CHARS);
    expect(scanner.largestHeldString).toBeLessThanOrEqual(MAX_STORED_TEXT);
  });

  it('a Telegram JSON nested deeper than a message can be skips the deep part, holding none of it', () => {
    const { folder, importPath, texts } = setUp();
    const file = path.join(folder, 'result.json');
    writeDeepTelegramJson(file, 2 * MB, 24);
    const [chat] = importPath(file);
    expect(chat!.inFile).toBe(3);
    expect(texts()).toEqual(['before', '', 'after']);
    const { scanner } = scan(file);
    expect(scanner.boundedReads).toBe(2); // the unread "about" and the deep message
    expect(scanner.cuts.skippedValues).toBeGreaterThanOrEqual(2);
    expect(scanner.largestCarried).toBeLessThanOrEqual(FAST_CAPTURE_CHARS);
  });

  it('a Telegram JSON message 10 levels deep with millions of parts keeps at most its bound of values', () => {
    const { folder, importPath } = setUp();
    const file = path.join(folder, 'result.json');
    writeDeepTelegramJson(file, 16 * MB, 10);
    expect(importPath(file)[0]!.inFile).toBe(3);
    const { scanner, messages } = scan(file);
    expect(scanner.cuts.skippedValues).toBeGreaterThan(0);
    expect(scanner.largestCarried).toBeLessThanOrEqual(FAST_CAPTURE_CHARS);
    let values = 0;
    const count = (value: unknown): void => {
      values++;
      if (Array.isArray(value)) value.forEach(count);
      else if (value && typeof value === 'object') Object.values(value).forEach(count);
    };
    count(messages[1]);
    expect(values).toBeLessThanOrEqual(MESSAGE_BOUNDS.maxValues + 1);
  });

  it('an HTML page of 100,000 nested divs is refused at once, with the code and the reason', () => {
    const { folder, failure, texts } = setUp();
    const chat = writeNestedDivPage(path.join(folder, 'Deep'), 100_000);
    const error = failure(chat);
    expect(error).toBeInstanceOf(ScrollbackError);
    expect(error.code).toBe('INVALID_FILE');
    expect(error.message).toMatch(/messages\.html: elements nest more than 256 deep .*not a page of a Telegram Desktop export/);
    expect(texts()).toEqual([]);
    // By construction: the parser stops at the first element past the bound, never near the 100,000th.
    const parser = new TelegramHtmlPageParser(() => {}, 'page');
    expect(() => {
      for (const chunk of decodeTextChunks(fileByteSource(path.join(chat, 'messages.html')))) parser.write(chunk.text);
    }).toThrow(/nest more than/);
    expect(parser.maxDepthSeen).toBe(MAX_ELEMENT_DEPTH + 1);
  });

  it('an HTML message of 20,000,000 characters is stored cut, holding no more than is stored', () => {
    const { folder, importPath, texts } = setUp();
    const chat = writeHugeHtmlMessage(path.join(folder, 'Huge'), HUGE);
    expect(importPath(chat)[0]!.inFile).toBe(3);
    const [before, huge, after] = texts();
    expect([before, after]).toEqual(['before', 'after']);
    expect(huge).toContain(cutMarker(HUGE - MAX_STORED_TEXT));
    const parser = new TelegramHtmlPageParser(() => {}, 'page');
    for (const chunk of decodeTextChunks(fileByteSource(path.join(chat, 'messages.html')))) parser.write(chunk.text);
    parser.end();
    expect(parser.largestHeldText).toBe(MAX_STORED_TEXT);
  });

  it('a WhatsApp line of 20,000,000 characters is stored cut, and never built whole', () => {
    const { folder, importPath, texts } = setUp();
    const file = path.join(folder, 'WhatsApp Chat with Ana.txt');
    writeHugeWhatsAppLine(file, HUGE);
    expect(importPath(file)[0]!.inFile).toBe(3);
    const [before, huge, after] = texts();
    expect([before, after]).toEqual(['before', 'after']);
    expect(huge!.startsWith('lorem ipsum')).toBe(true);
    expect(huge).toContain(cutMarker(HUGE - MAX_STORED_TEXT));
    let longest = 0;
    const lengths: number[] = [];
    forEachLine(decodeTextChunks(fileByteSource(file)), (text, _number, length) => {
      longest = Math.max(longest, text.length);
      lengths.push(length);
    });
    expect(longest).toBeLessThanOrEqual(1 << 20);
    expect(lengths[1]).toBe('01/02/2024, 10:01 - Ana: '.length + HUGE);
  });

  it('forEachLine cuts a long line at its bound wherever the pieces break, and reports its length', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 12 }),
        (lines, size, max) => {
          const text = lines.join('\n');
          const chunks = [];
          for (let i = 0; i < text.length; i += size) chunks.push({ text: text.slice(i, i + size), byteOffset: i, byteEnd: i + size });
          const seen: Array<[string, number]> = [];
          forEachLine(chunks, (line, _n, length) => seen.push([line, length]), max);
          const expected = text === '' ? [] : text.split(/\r\n|\r|\n/);
          if (text.endsWith('\n') || text.endsWith('\r')) expected.pop();
          expect(seen).toEqual(expected.map((line) => [line.slice(0, max), line.length]));
        },
      ),
    );
  });

  it('reads any JSON split anywhere as JSON.parse does, while within its bounds', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 1, max: 9 }), (value, size) => {
        const text = JSON.stringify(value);
        const reader = new BoundedJsonValue(MESSAGE_BOUNDS);
        let end = -1;
        for (let i = 0; i < text.length && end < 0; i += size) {
          const at = reader.read(text.slice(i, i + size), 0);
          if (at >= 0) end = i + at;
        }
        if (end < 0) reader.end();
        expect(reader.value).toEqual(JSON.parse(text));
      }),
    );
  });

  const fixtures = fixturesFolder();
  it.skipIf(fixtures === null)('reads every DiscordChatExporter fixture a message at a time as JSON.parse reads it whole', () => {
    const folder = path.join(fixtures!, 'discord-json');
    for (const name of fs.readdirSync(folder).filter((file) => file.endsWith('.json'))) {
      const file = path.join(folder, name);
      const whole = parseDiscordExport(fs.readFileSync(file, 'utf8'), name) as DiscordExportHead & { messages: unknown[] };
      const heads: DiscordExportHead[] = [];
      const messages: unknown[] = [];
      readDiscordExport(fileByteSource(file), { chat: (head) => heads.push(head), message: (raw) => messages.push(raw) });
      expect(heads).toEqual([{ guild: whole.guild, channel: whole.channel }]);
      expect(messages).toEqual(whole.messages);
    }
  });

  it('a DiscordChatExporter message of 20,000,000 characters is read cut, in bounds', () => {
    const file = path.join(tempFolder(), 'discord.json');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(
      fd,
      '{"guild":{"id":"1","name":"G"},"channel":{"id":"2","type":"GuildTextChat","name":"c"},"messages":[{"id":"3","content":"',
    );
    for (let i = 0; i < 20; i++) fs.writeSync(fd, 'y'.repeat(1_000_000));
    fs.writeSync(fd, '"},{"id":"4","content":"after"}],"messageCount":2}');
    fs.closeSync(fd);
    const messages: Array<{ content: string }> = [];
    readDiscordExport(fileByteSource(file), { chat() {}, message: (raw) => messages.push(raw as { content: string }) });
    expect(messages.map((message) => message.content.length)).toEqual([messages[0]!.content.length, 5]);
    expect(messages[0]!.content).toContain(cutMarker(HUGE - MAX_STORED_TEXT));
    const other = path.join(tempFolder(), 'other.json');
    fs.writeFileSync(other, '{"hello": "world"}');
    expect(() => readDiscordExport(fileByteSource(other), { chat() {}, message() {} })).toThrow(
      /other\.json.*not a DiscordChatExporter JSON export/,
    );
  });

  it('a DiscordChatExporter file with a message of 20,000,000 characters imports with it stored cut', () => {
    const { folder, importPath, texts } = setUp();
    const file = path.join(folder, 'general.json');
    writeHugeDiscordMessage(file, HUGE);
    expect(importPath(file)[0]!.inFile).toBe(3);
    const [before, huge, after] = texts();
    expect([before, after]).toEqual(['before', 'after']);
    expect(huge).toContain(cutMarker(HUGE - MAX_STORED_TEXT));
  });

  it('reads a zip64 archive (sizes and offsets in zip64 fields), stored and deflated', () => {
    const { folder, importPath, texts } = setUp();
    const zip = path.join(folder, 'WhatsApp Chat - Zed.zip');
    const chat = Buffer.from('01/02/2024, 10:00 - Ana: hello\n13/02/2024, 10:01 - Bo: <attached: photo.jpg>\n');
    writeZip64(zip, [
      { name: 'photo.jpg', data: Buffer.alloc(5000, 7) },
      { name: '_chat.txt', data: chat, deflate: true },
    ]);
    const entries = listZipEntries(zip);
    expect(entries.map((entry) => [entry.name, entry.size])).toEqual([
      ['photo.jpg', 5000],
      ['_chat.txt', chat.length],
    ]);
    expect(readZipEntry(zip, entries[0]!)).toEqual(Buffer.alloc(5000, 7));
    expect(Buffer.concat([...zipEntryByteSource(zip, entries[1]!).chunks()])).toEqual(chat);
    const [imported] = importPath(zip);
    expect(imported!.inFile).toBe(2);
    expect(texts()[0]).toBe('hello');
  });

  it('a zip whose directory lies about its size or count is refused with the reason, not read', () => {
    const { folder, failure } = setUp();
    const zip = path.join(folder, 'WhatsApp Chat - Lie.zip');
    writeZip64(zip, [{ name: '_chat.txt', data: Buffer.from('01/02/2024, 10:00 - Ana: hi\n') }]);
    const bytes = fs.readFileSync(zip);
    // The zip64 end record's entry count (8 bytes at +32), made a billion.
    const record = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]));
    bytes.writeBigUInt64LE(1_000_000_000n, record + 32);
    fs.writeFileSync(zip, bytes);
    const error = failure(zip);
    expect(error.code).toBe('INVALID_FILE');
    expect(error.message).toMatch(
      /claims 1,000,000,000 files in a directory of [\d,]+ bytes; the zip looks damaged or truncated\. Nothing was imported/,
    );
  });

  it('a packed chat text past what is unpacked in memory, or past 100 times its packed size, is refused before it is read', () => {
    const { folder, failure } = setUp();
    const zip = path.join(folder, 'WhatsApp Chat - Big.zip');
    // Bytes that do not pack: 2 MB packed may say it unpacks to up to 201 MB before it looks like a bomb.
    writeZip64(zip, [{ name: '_chat.txt', data: randomBytes(2 * MB), deflate: true }]);
    const bytes = fs.readFileSync(zip);
    const header = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const sizeField = header + 46 + bytes.readUInt16LE(header + 28) + 4; // the directory's zip64 size
    const saying = (size: number) => {
      bytes.writeBigUInt64LE(BigInt(size), sizeField);
      fs.writeFileSync(zip, bytes);
      return failure(zip);
    };
    const big = saying(150 * MB);
    expect(big.code).toBe('INVALID_FILE');
    expect(big.message).toMatch(
      /“_chat\.txt” is 150 MB or more; Scrollback unpacks at most 128 MB of one file from a zip\. Unzip the export and import the folder instead/,
    );
    const bomb = saying(1500 * MB);
    expect(bomb.code).toBe('INVALID_FILE');
    expect(bomb.message).toMatch(/“_chat\.txt” would unpack to more than 201 MB .*zip bomb.*Nothing was imported/);
  });
});
