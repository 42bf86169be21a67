import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Exports shaped to exhaust a reader (one giant message, deep nesting, a million nested elements, zip64),
 * written in pieces so that making a 200 MB one costs no more memory than a piece. Shared by the tests
 * (small sizes) and the hostile-import bench (full sizes).
 */

/** Writes through a 1 MB buffer. */
function writer(file: string): { write(text: string): void; close(): void } {
  const fd = openSync(file, 'w');
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length > 0) writeSync(fd, pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    write(text) {
      pending.push(text);
      size += text.length;
      if (size >= 1 << 20) flush();
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}

/** `count` characters of text: words, a line break now and then, an escaped quote and an accent (so not one run of one letter). */
function writeText(out: { write(text: string): void }, count: number, json: boolean): void {
  const piece = json ? 'lorem ipsum d\\u00e9j\\u00e0 vu \\"quoted\\"\\n' : 'lorem ipsum déjà vu "quoted" ';
  const pieceChars = 'lorem ipsum déjà vu "quoted" '.length;
  const block = piece.repeat(Math.floor(65_536 / pieceChars));
  const blockChars = pieceChars * Math.floor(65_536 / pieceChars);
  let left = count;
  while (left >= blockChars) {
    out.write(block);
    left -= blockChars;
  }
  out.write('x'.repeat(left));
}

const message = (id: number, text: string) =>
  `{"id":${id},"type":"message","date":"2024-01-01T10:0${id}:00","date_unixtime":"${1704103200 + id * 60}","from":"Ana","from_id":"user1","text":${text}}`;

/** A Telegram Desktop result.json whose second of three messages has a text of `chars` characters. */
export function writeHugeTelegramMessage(file: string, chars: number): void {
  const out = writer(file);
  out.write(`{"name":"Huge","type":"private_group","id":901,"messages":[${message(1, '"before"')},`);
  out.write(message(2, '"').slice(0, -1));
  writeText(out, chars, true);
  out.write(`"},${message(3, '"after"')}]}`);
  out.close();
}

/** A DiscordChatExporter JSON file whose second of three messages has a content of `chars` characters. */
export function writeHugeDiscordMessage(file: string, chars: number): void {
  const out = writer(file);
  const discordMessage = (id: number, content: string) =>
    `{"id":"${id}","type":"Default","timestamp":"2024-01-01T10:0${id}:00+00:00","author":{"id":"7","name":"ana"},"content":${content}}`;
  out.write('{"guild":{"id":"1","name":"Guild"},"channel":{"id":"2","type":"GuildTextChat","name":"general"},"messages":[');
  out.write(`${discordMessage(1, '"before"')},${discordMessage(2, '"').slice(0, -1)}`);
  writeText(out, chars, true);
  out.write(`"},${discordMessage(3, '"after"')}],"messageCount":3}`);
  out.close();
}

/** A Telegram Desktop result.json of `count` messages of `chars` Cyrillic characters each (two bytes each in UTF-8 and in memory). */
export function writeManyLongTelegramMessages(file: string, count: number, chars: number): void {
  const out = writer(file);
  const text = 'ж'.repeat(chars);
  out.write('{"name":"Long","type":"private_group","id":903,"messages":[');
  for (let id = 1; id <= count; id++) out.write(`${id > 1 ? ',' : ''}${message(id, `"${text}"`)}`);
  out.write(']}');
  out.close();
}

/**
 * A Telegram Desktop result.json of about `bytes` bytes whose middle message's text is arrays nested
 * `depth` deep (counted from the file's root object), the innermost holding text parts until the size is
 * reached; an unread root key (`about`) nests as deep.
 */
export function writeDeepTelegramJson(file: string, bytes: number, depth: number): void {
  const out = writer(file);
  const arrays = Math.max(1, depth - 3);
  out.write(`{"name":"Deep","type":"private_group","id":902,"about":${'['.repeat(depth)}1${']'.repeat(depth)},"messages":[`);
  out.write(`${message(1, '"before"')},`);
  out.write(message(2, '[').slice(0, -2) + '['.repeat(arrays));
  const part = '{"type":"plain","text":"word"},';
  const block = part.repeat(2048);
  for (let written = 0; written < bytes; written += block.length) out.write(block);
  out.write(`{"type":"plain","text":"end"}${']'.repeat(arrays)}},${message(3, '"after"')}]}`);
  out.close();
}

const HTML_HEAD =
  '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8"/>\n<title>Exported Data</title>\n</head>\n<body>\n<div class="page_wrap">\n<div class="page_header">\n<div class="content">\n<div class="text bold">\nHostile\n</div>\n</div>\n</div>\n<div class="page_body chat_page">\n<div class="history">\n';
const HTML_TAIL = '</div>\n</div>\n</div>\n</body>\n</html>\n';
const htmlMessage = (id: number, minute: number, body: string) =>
  `<div class="message default clearfix" id="message${id}">\n<div class="body">\n<div class="pull_right date details" title="01.01.2024 10:${String(minute).padStart(2, '0')}:00 UTC+00:00">10:${String(minute).padStart(2, '0')}</div>\n<div class="from_name">Ana </div>\n<div class="text">${body}</div>\n</div>\n</div>\n`;

/** A Telegram Desktop HTML chat folder whose page nests `depth` `div`s inside one message's text. */
export function writeNestedDivPage(folder: string, depth: number): string {
  mkdirSync(folder, { recursive: true });
  const out = writer(path.join(folder, 'messages.html'));
  out.write(HTML_HEAD + htmlMessage(1, 0, 'before'));
  out.write('<div class="message default clearfix" id="message2">\n<div class="body">\n<div class="text">');
  const open = '<div>'.repeat(1024);
  const close = '</div>'.repeat(1024);
  for (let i = 0; i < depth; i += 1024) out.write(i + 1024 <= depth ? open : '<div>'.repeat(depth - i));
  out.write('deep');
  for (let i = 0; i < depth; i += 1024) out.write(i + 1024 <= depth ? close : '</div>'.repeat(depth - i));
  out.write('</div>\n</div>\n</div>\n' + htmlMessage(3, 2, 'after') + HTML_TAIL);
  out.close();
  return folder;
}

/** A Telegram Desktop HTML chat folder whose second message has a text of `chars` characters. */
export function writeHugeHtmlMessage(folder: string, chars: number): string {
  mkdirSync(folder, { recursive: true });
  const out = writer(path.join(folder, 'messages.html'));
  out.write(HTML_HEAD + htmlMessage(1, 0, 'before'));
  out.write(htmlMessage(2, 1, '\u0000').split('\u0000')[0]!);
  writeText(out, chars, false);
  out.write(htmlMessage(2, 1, '\u0000').split('\u0000')[1]! + htmlMessage(3, 2, 'after') + HTML_TAIL);
  out.close();
  return folder;
}

/** A WhatsApp chat (.txt) whose second message is one line of `chars` characters. */
export function writeHugeWhatsAppLine(file: string, chars: number): void {
  const out = writer(file);
  out.write('01/02/2024, 10:00 - Ana: before\n01/02/2024, 10:01 - Ana: ');
  writeText(out, chars, false);
  out.write('\n01/02/2024, 10:02 - Bo: after\n');
  out.close();
}

/**
 * A zip in zip64 form, as `zip -fz` or a streaming writer makes it: every size and offset in the headers is
 * 0xFFFFFFFF and the real ones are in zip64 extra fields, with a zip64 end record and its locator.
 */
export function writeZip64(file: string, entries: Array<{ name: string; data: Buffer; deflate?: boolean }>): void {
  const fd = openSync(file, 'w');
  let offset = 0;
  const put = (buffer: Buffer) => {
    writeSync(fd, buffer);
    offset += buffer.length;
  };
  const central: Buffer[] = [];
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const packed = entry.deflate ? deflateRawSync(entry.data) : entry.data;
    const crc = crc32(entry.data) >>> 0;
    const localExtra = Buffer.alloc(20);
    localExtra.writeUInt16LE(1, 0);
    localExtra.writeUInt16LE(16, 2);
    localExtra.writeBigUInt64LE(BigInt(entry.data.length), 4);
    localExtra.writeBigUInt64LE(BigInt(packed.length), 12);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4);
    local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(0xffffffff, 18);
    local.writeUInt32LE(0xffffffff, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    const headerOffset = offset;
    put(local);
    put(name);
    put(localExtra);
    put(packed);
    const extra = Buffer.alloc(28);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(entry.data.length), 4);
    extra.writeBigUInt64LE(BigInt(packed.length), 12);
    extra.writeBigUInt64LE(BigInt(headerOffset), 20);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(45, 4);
    header.writeUInt16LE(45, 6);
    header.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(0xffffffff, 20);
    header.writeUInt32LE(0xffffffff, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt32LE(0xffffffff, 42);
    central.push(header, name, extra);
  }
  const directory = Buffer.concat(central);
  const directoryOffset = offset;
  put(directory);
  const recordOffset = offset;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(entries.length), 24);
  record.writeBigUInt64LE(BigInt(entries.length), 32);
  record.writeBigUInt64LE(BigInt(directory.length), 40);
  record.writeBigUInt64LE(BigInt(directoryOffset), 48);
  put(record);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(recordOffset), 8);
  locator.writeUInt32LE(1, 16);
  put(locator);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  put(end);
  closeSync(fd);
}
