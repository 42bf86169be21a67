// The floors of the file bench, each run as its own process (`node bench/suites/fileFloors.ts <what> …`), as
// `scrollback import` and `scrollback export` are: the same file read and the same rows written, with nothing
// else. Plain scripts on purpose: what they do is the least that work can cost.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

const [what, ...args] = process.argv.slice(2);

/** A bare table for the rows an import stores (no index but the key, no full-text index, no senders table). */
function openBareTable(file: string): { insert: Database.Statement; db: Database.Database } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE messages (
    chat_id INTEGER NOT NULL, source_msg_id TEXT NOT NULL, date INTEGER NOT NULL, sender TEXT, text TEXT NOT NULL,
    PRIMARY KEY (chat_id, source_msg_id)) STRICT`);
  return { db, insert: db.prepare('INSERT INTO messages VALUES (?, ?, ?, ?, ?)') };
}

/** Each message's text as one string, whether the export wrote a string or an array of parts. */
function plainText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (Array.isArray(text))
    return text.map((part) => (typeof part === 'string' ? part : String((part as { text?: unknown }).text ?? ''))).join('');
  return '';
}

/** Lines of a file, read in chunks (a 1M-message export is never held whole). */
function* linesOf(file: string): Generator<string> {
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(1 << 20);
  const decoder = new TextDecoder();
  let carry = '';
  try {
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      const text = carry + decoder.decode(buffer.subarray(0, read), { stream: true });
      const lines = text.split('\n');
      carry = lines.pop()!;
      yield* lines;
    }
    if (carry) yield carry;
  } finally {
    fs.closeSync(fd);
  }
}

if (what === 'import-json') {
  // The generated result.json writes one message a line: JSON.parse of each is the least a parse can do.
  const [file, dbFile] = args as [string, string];
  const { db, insert } = openBareTable(dbFile);
  let count = 0;
  db.transaction(() => {
    for (const line of linesOf(file)) {
      const trimmed = line.trim();
      if (!trimmed.startsWith('{"id"')) continue;
      const message = JSON.parse(trimmed.endsWith(',') ? trimmed.slice(0, -1) : trimmed) as Record<string, unknown>;
      insert.run(
        1,
        String(message.id),
        Number(message.date_unixtime) * 1000,
        message.from ?? message.actor ?? null,
        plainText(message.text),
      );
      count++;
    }
  })();
  db.close();
  process.stdout.write(`${count}\n`);
} else if (what === 'import-html') {
  // Each page read whole and its message blocks found by one regular expression: id, time title, name, text.
  const [folder, dbFile] = args as [string, string];
  const { db, insert } = openBareTable(dbFile);
  const block =
    /<div class="message (?:default|service)[^"]*" id="message(\d+)">[^]*?(?:title="([^"]+)"[^]*?)?(?:<div class="from_name">\s*([^<]*?)\s*<\/div>[^]*?)?<div class="(?:text|body details)">\s*([^]*?)\s*<\/div>/g;
  let count = 0;
  let sender: string | null = null;
  const pages = fs
    .readdirSync(folder)
    .filter((name) => /^messages\d*\.html$/.test(name))
    .sort((a, b) => Number(/\d+/.exec(a)?.[0] ?? 1) - Number(/\d+/.exec(b)?.[0] ?? 1));
  db.transaction(() => {
    for (const page of pages) {
      const html = fs.readFileSync(path.join(folder, page), 'utf8');
      for (const match of html.matchAll(block)) {
        if (match[3]) sender = match[3];
        const [day, month, year, hour, minute, second] = (match[2] ?? '01.01.1970 00:00:00').split(/[. :]/).map(Number);
        insert.run(1, match[1]!, Date.UTC(year!, month! - 1, day, hour, minute, second), sender, match[4]!.replace(/<[^>]+>/g, ''));
        count++;
      }
    }
  })();
  db.close();
  process.stdout.write(`${count}\n`);
} else if (what === 'export-json') {
  // A chat's rows in order with their senders (the join), each JSON.stringify'd, written to a file.
  const [dbFile, chatName, outFile] = args as [string, string, string];
  const db = new Database(dbFile, { readonly: true });
  const chat = db.prepare('SELECT id FROM chats WHERE name = ?').get(chatName) as { id: number };
  const out = fs.openSync(outFile, 'w');
  let pending = '[\n';
  let count = 0;
  const rows = db
    .prepare(
      `SELECT m.*, s.source_key AS sender_key, s.name AS sender_name FROM messages m LEFT JOIN senders s ON s.id = m.sender_id
       WHERE m.chat_id = ? ORDER BY m.date, m.sort_key`,
    )
    .iterate(chat.id);
  for (const row of rows) {
    pending += `${count++ === 0 ? '' : ',\n'}${JSON.stringify(row)}`;
    if (pending.length > 1 << 20) {
      fs.writeSync(out, pending);
      pending = '';
    }
  }
  fs.writeSync(out, `${pending}\n]\n`);
  fs.fsyncSync(out);
  fs.closeSync(out);
  db.close();
  process.stdout.write(`${count}\n`);
} else if (what === 'read') {
  // The file (or every file of a folder) read in 1 MB chunks and dropped: the memory any reader needs.
  const [target] = args as [string];
  const files = fs.statSync(target).isDirectory() ? fs.readdirSync(target).map((name) => path.join(target, name)) : [target];
  const buffer = Buffer.alloc(1 << 20);
  let bytes = 0;
  for (const file of files) {
    const fd = fs.openSync(file, 'r');
    for (let read = fs.readSync(fd, buffer); read > 0; read = fs.readSync(fd, buffer)) bytes += read;
    fs.closeSync(fd);
  }
  process.stdout.write(`${bytes}\n`);
} else {
  throw new Error(`fileFloors: unknown floor “${what}”`);
}
