import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { runExportJob } from '../../../electron/core/export/runExportJob.ts';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { listChatSummaries } from '../../../electron/core/cache/chatQueries.ts';
import { selectMessagesByIds } from '../../../electron/core/cache/messageQueries.ts';
import { writeTelegramExport } from '../../support/writeTelegramExport.ts';
import { findImportInputs } from '../../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../../electron/core/import/importFile.ts';
import { runImportJob } from '../../../electron/core/import/runImportJob.ts';
import { createHistoryEngine } from '../../../electron/core/history/createHistoryEngine.ts';
import { createArchiveSource } from '../../../electron/core/sources/archive/createArchiveSource.ts';
import { type ScrollbackError } from '../../../shared/errors.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

function telegramExport(messages: Array<{ id: number; text: string }>): string {
  return JSON.stringify({
    name: 'Book club',
    type: 'private_group',
    id: 77,
    messages: messages.map(({ id, text }) => ({
      id,
      type: 'message',
      date: '2024-01-01T10:00:00',
      date_unixtime: String(1704103200 + id * 60),
      from: 'Ana',
      from_id: 'user1',
      text,
    })),
  });
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ id: from + i, text: `message ${from + i}` }));

function setUp() {
  const folder = tempFolder();
  const db = openCacheDatabase(path.join(folder, 'cache.db'));
  const write = (name: string, content: string | Uint8Array) => {
    const file = path.join(folder, name);
    writeFileSync(file, content);
    return file;
  };
  const importPath = (file: string) => findImportInputs(file).map((input) => importFile(db, input));
  const count = () => (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
  const failure = (file: string): ScrollbackError => {
    try {
      importPath(file);
    } catch (error) {
      return error as ScrollbackError;
    }
    throw new Error('expected the import to fail');
  };
  return { folder, db, write, importPath, count, failure };
}

describe('importFile', () => {
  it("keeps a pin's target (its message_id) as the pin's reply, as Telegram does", () => {
    const folder = tempFolder();
    const file = path.join(folder, 'result.json');
    writeTelegramExport(file, 200);
    const db = openCacheDatabase(path.join(folder, 'cache.db'));
    const [chat] = findImportInputs(file).flatMap((input) => importFile(db, input).chats);
    // The generator pins message i − 1 at every 97th message.
    const [pin] = selectMessagesByIds(db, chat!.chatId, ['97']);
    expect(pin!.service?.action).toBe('pinMessage');
    expect(pin!.replyToId).toBe('96');
    db.close();
  });

  it('keeps a channel post’s signature, the bot a message came via and a new group photo, and exports them back', () => {
    const folder = tempFolder();
    mkdirSync(path.join(folder, 'photos'));
    writeFileSync(path.join(folder, 'photos', 'photo_1.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]));
    const file = path.join(folder, 'result.json');
    const at = (id: number) => ({ date: '2022-05-01T12:00:0' + id, date_unixtime: String(Date.UTC(2022, 4, 1, 12, 0, id) / 1000) });
    writeFileSync(
      file,
      JSON.stringify({
        name: 'Trail news',
        type: 'public_channel',
        id: 91,
        messages: [
          { id: 1, type: 'message', ...at(1), from: 'Trail news', from_id: 'channel91', author: 'Mia Rossi', text: 'Trail 4 is open' },
          { id: 2, type: 'message', ...at(2), from: 'Trail news', from_id: 'channel91', via_bot: '@QuizBot', text: 'Quiz time' },
          {
            id: 3,
            type: 'service',
            ...at(3),
            actor: 'Trail news',
            actor_id: 'channel91',
            action: 'edit_group_photo',
            photo: 'photos/photo_1.jpg',
            width: 640,
            height: 640,
            text: '',
          },
        ],
      }),
    );
    const dbPath = path.join(folder, 'cache.db');
    const db = openCacheDatabase(dbPath);
    const [chat] = findImportInputs(file).flatMap((input) => importFile(db, input).chats);
    const [signed, viaBot, photo] = selectMessagesByIds(db, chat!.chatId, ['1', '2', '3']);
    expect(signed!.signature).toBe('Mia Rossi');
    expect(signed!.senderName).toBe('Trail news');
    expect(viaBot!.viaBot).toBe('@QuizBot');
    expect(photo!.service?.action).toBe('photoChanged');
    expect(photo!.media).toMatchObject({ kind: 'photo', width: 640, height: 640 });
    db.close();
    const target = path.join(folder, 'out.json');
    runExportJob({
      databasePath: dbPath,
      request: { chatId: chat!.chatId, format: 'json', from: null, to: null, filter: null, includeService: true, csvBom: false },
      target,
    });
    const exported = (JSON.parse(readFileSync(target, 'utf8')) as { messages: Array<Record<string, unknown>> }).messages;
    expect(exported[0]!.author).toBe('Mia Rossi');
    expect(exported[1]!.via_bot).toBe('@QuizBot');
  });

  it('an empty chat has no last message (not one on 1 January 1970), before and after a later import fills it', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'result.json');
    writeFileSync(file, JSON.stringify({ name: 'Quiet', type: 'personal_chat', id: 5, messages: [] }));
    const db = openCacheDatabase(path.join(folder, 'cache.db'));
    const [chat] = findImportInputs(file).flatMap((input) => importFile(db, input).chats);
    expect(listChatSummaries(db).find((summary) => summary.id === chat!.chatId)!.lastMessageDate).toBeNull();
    const date = Date.UTC(2022, 4, 1, 12) / 1000;
    writeFileSync(
      file,
      JSON.stringify({
        name: 'Quiet',
        type: 'personal_chat',
        id: 5,
        messages: [
          { id: 1, type: 'message', date: '2022-05-01T12:00:00', date_unixtime: String(date), from: 'Ana', from_id: 'user1', text: 'hi' },
        ],
      }),
    );
    findImportInputs(file).forEach((input) => importFile(db, input));
    expect(listChatSummaries(db).find((summary) => summary.id === chat!.chatId)!.lastMessageDate).toBe(date * 1000);
    db.close();
  });

  it('adds nothing when the same file is imported again, and only the new messages of a newer overlapping export', () => {
    const { write, importPath, count, db } = setUp();
    const older = write('older.json', telegramExport(range(1, 300)));
    expect(importPath(older)[0]!.chats[0]).toMatchObject({ added: 300, inFile: 300 });
    expect(importPath(older)[0]!.chats[0]).toMatchObject({ added: 0, inFile: 300 });
    const newer = write('newer.json', telegramExport(range(200, 450)));
    expect(importPath(newer)[0]!.chats[0]).toMatchObject({ added: 150, inFile: 251 });
    expect(count()).toBe(450);
    // One covered run from the first message: the chat reads as complete, with no gap at the overlap.
    expect(db.prepare('SELECT count(*) AS n, max(reaches_oldest) AS oldest FROM coverage').get()).toEqual({ n: 1, oldest: 1 });
  });

  it('recognises the same WhatsApp messages in a newer export of the chat (ids from time and order)', () => {
    const { write, importPath, count } = setUp();
    const lines = ['12/01/2024, 10:00 - Ana: one', '12/01/2024, 10:00 - Bo: two', '13/01/2024, 09:30 - Ana: three'];
    importPath(write('WhatsApp Chat with Ana.txt', lines.slice(0, 2).join('\n')));
    const again = importPath(write('WhatsApp Chat with Ana (2).txt', lines.join('\n')));
    expect(count()).toBe(3);
    expect(again[0]!.chats[0]).toMatchObject({ name: 'Ana', added: 1, inFile: 3 });
  });

  it('refuses a truncated export with the byte offset, and keeps nothing of it', () => {
    const { write, importPath, failure, count } = setUp();
    importPath(write('good.json', telegramExport(range(1, 10))));
    const whole = telegramExport(range(100, 5000));
    const error = failure(write('cut.json', whole.slice(0, Math.floor(whole.length * 0.8))));
    expect(error.code).toBe('INVALID_FILE');
    expect(error.message).toMatch(/cut\.json, byte \d+: the file ends too early inside a list of messages/);
    expect(count()).toBe(10);
  });

  it('names the byte of a broken message and what was wrong', () => {
    const { write, failure, count } = setUp();
    const text = telegramExport(range(1, 3)).replace('"id":2,', '"id":2,,');
    const error = failure(write('broken.json', text));
    expect(error.message).toMatch(new RegExp(`broken\\.json, byte ${text.indexOf('{"id":2')}: a message is not valid JSON`));
    expect(count()).toBe(0);
  });

  it('refuses files that are not exports, by name', () => {
    const { write, failure } = setUp();
    expect(failure(write('notes.json', '{"hello": "world"}')).message).toMatch(/notes\.json.*not a Telegram Desktop export/);
    expect(failure(write('list.json', '[1,2,3]')).message).toMatch(/not an export Scrollback can read|expected a JSON object/);
    expect(failure(write('shopping.txt', 'milk\neggs\n')).message).toMatch(
      /shopping\.txt, line 1: “milk” is not the start of a WhatsApp message/,
    );
    expect(failure(write('photo.png', '\x89PNG')).message).toMatch(/photo\.png: not an export/);
  });

  it('refuses text that is not UTF-8, naming the byte', () => {
    const { write, failure } = setUp();
    const latin1 = Buffer.concat([Buffer.from('12/01/2024, 10:00 - Ana: caf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]);
    const error = failure(write('latin1.txt', latin1));
    expect(error.message).toBe(
      `${path.join(path.dirname(error.message.split(':')[0]!), 'latin1.txt')}: the text is not UTF-8 at byte 28. Export the chat again, or save the file as UTF-8.`,
    );
  });

  it('reads UTF-16 files with a byte order mark', () => {
    const { write, importPath } = setUp();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('12/01/2024, 10:00 - Ana: olá 👋\n', 'utf16le')]);
    expect(importPath(write('utf16.txt', utf16))[0]!.chats[0]).toMatchObject({ added: 1 });
  });

  it('imports the chat text out of a WhatsApp .zip, an attachment by its kind', () => {
    const { write, importPath, db } = setUp();
    const zip = zipSync({
      '_chat.txt': strToU8('[12/01/2024, 10:00:00] Ana: look\n[12/01/2024, 10:00:05] Ana: ‎<attached: 00000001-PHOTO-2024-01-12.jpg>\n'),
      '00000001-PHOTO-2024-01-12.jpg': new Uint8Array(5000),
    });
    const result = importPath(write('WhatsApp Chat - Ana.zip', zip));
    expect(result[0]!.chats[0]).toMatchObject({ name: 'Ana', added: 2 });
    const media = db.prepare('SELECT media FROM messages WHERE media IS NOT NULL').get() as { media: string };
    expect(JSON.parse(media.media)).toEqual({ kind: 'photo', width: 0, height: 0, size: 5000, mimeType: 'image/jpeg' });
  });

  it('rolls the file back when cancelled, keeping the files imported before it', () => {
    const { folder, write, count } = setUp();
    const first = write('first.json', telegramExport(range(1, 50)));
    const second = write(
      'second.json',
      JSON.stringify({
        name: 'Other',
        type: 'personal_chat',
        id: 5,
        messages: range(1, 40_000).map(({ id, text }) => ({
          id,
          type: 'message',
          date_unixtime: String(1704103200 + id),
          from: 'Bo',
          from_id: 'user2',
          text,
        })),
      }),
    );
    let chunks = 0;
    expect(() =>
      runImportJob({ databasePath: path.join(folder, 'cache.db'), paths: [first, second] }, { isCancelled: () => ++chunks > 2 }),
    ).toThrow(/cancelled; nothing from it was kept/);
    expect(count()).toBe(50);
  });

  it('serves imported chats from the cache alone: opening and paging one writes nothing', async () => {
    const { write, importPath, db } = setUp();
    const [result] = importPath(write('club.json', telegramExport(range(1, 300))));
    const chatId = result!.chats[0]!.chatId;
    const history = createHistoryEngine({ db, sourceFor: () => createArchiveSource(db) });
    const changes = () => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const before = changes();
    const latest = await history.getHistoryPage({ chatId, anchor: { kind: 'latest' }, limit: 50 });
    expect(latest.messages.map((message) => message.id).at(-1)).toBe('300');
    expect(latest.reachedNewest).toBe(true);
    const newer = await history.getHistoryPage({
      chatId,
      anchor: { kind: 'after', cursor: latest.newerCursor ?? latest.olderCursor! },
      limit: 50,
    });
    expect(newer.reachedNewest).toBe(true);
    const older = await history.getHistoryPage({ chatId, anchor: { kind: 'before', cursor: latest.olderCursor! }, limit: 300 });
    expect(older.reachedOldest).toBe(true);
    expect(changes()).toBe(before);
  });
});
