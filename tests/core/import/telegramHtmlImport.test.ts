import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { findImportInputs } from '../../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../../electron/core/import/importFile.ts';
import { parseTelegramHtmlDate } from '../../../electron/core/import/telegram-html/toTelegramHtmlSourceMessage.ts';
import type { WritableDB } from '../../../electron/core/cache/CacheDatabase.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import { writeTelegramExport } from '../../support/writeTelegramExport.ts';
import { writeTelegramHtmlExport } from '../../support/writeTelegramHtmlExport.ts';
import { fixturesFolder } from '../../support/fixturesFolder.ts';

const tempFolder = useTempFolder();
const fixtures = fixturesFolder();
const HTML_FIXTURES = fixtures === null ? '' : path.join(fixtures, 'telegram-html');

/**
 * What a page holds, counted here with plain text searches (not the importer's HTML parser): message blocks
 * with an id, minus day separators (service blocks whose body is a bare date), and the blocks with replies
 * (or a pin's target), forwards, photos, polls and reactions.
 */
function countPage(html: string) {
  const blocks = html.split('<div class="message ').slice(1);
  const counted = { messages: 0, service: 0, replies: 0, forwarded: 0, photos: 0, polls: 0, reactions: 0 };
  for (const block of blocks) {
    const head = block.slice(0, block.indexOf('>'));
    if (!/id="message-?\d+"/.test(head)) continue;
    // A pin names the message it pinned, kept as what the line refers to.
    if (head.startsWith('service') && /GoToMessage\(/.test(block)) counted.replies++;
    if (head.startsWith('service')) {
      const body = /<div class="body details">\s*([\s\S]*?)\s*<\/div>/.exec(block)?.[1] ?? '';
      if (/^\d{1,2} [A-Z][a-z]+ \d{4}$/.test(body)) continue;
      counted.service++;
    }
    counted.messages++;
    if (block.includes('class="reply_to details"')) counted.replies++;
    if (block.includes('class="forwarded body"')) counted.forwarded++;
    // A sticker not downloaded is drawn as a photo block titled "Sticker": a sticker, as the JSON says.
    if (block.includes('class="photo_wrap') || (block.includes('media_photo') && !/class="title bold">\s*Sticker\s*</.test(block)))
      counted.photos++;
    if (block.includes('media_poll')) counted.polls++;
    if (block.includes('class="reactions"')) counted.reactions++;
  }
  return counted;
}

function storedCounts(db: WritableDB, chatId: number) {
  const count = (where: string) =>
    (db.prepare(`SELECT count(*) AS n FROM messages WHERE chat_id = ? AND ${where}`).get(chatId) as { n: number }).n;
  return {
    messages: count('1'),
    service: count('service IS NOT NULL'),
    replies: count('reply_to IS NOT NULL'),
    forwarded: count('forward IS NOT NULL'),
    photos: count("kind = 'photo'"),
    polls: count("kind = 'poll'"),
    reactions: count("reactions IS NOT NULL AND reactions != '[]'"),
  };
}

describe.skipIf(fixtures === null)(
  `Telegram Desktop HTML fixtures${fixtures === null ? ' — skipped: no ../shared/fixtures here' : ''}`,
  () => {
    const pages = fixtures === null ? [] : readdirSync(HTML_FIXTURES).filter((name) => name.endsWith('.html'));

    it.each(pages)('%s imports every message, reply, forward, photo, poll and reaction the page holds', (fixture) => {
      const folder = tempFolder();
      // Under a name of the user's: pages are found by what they hold.
      copyFileSync(path.join(HTML_FIXTURES, fixture), path.join(folder, 'Chat export (old laptop).html'));
      const db = openCacheDatabase(path.join(folder, 'cache.db'));
      const [result] = findImportInputs(folder).map((input) => importFile(db, input));
      const chat = result!.chats[0]!;
      const expected = countPage(readFileSync(path.join(HTML_FIXTURES, fixture), 'utf8'));
      expect(expected.messages).toBeGreaterThan(100);
      expect(storedCounts(db, chat.chatId)).toEqual(expected);
      // Every message has a date in history order, and every ordinary one a sender (joined blocks inherit theirs).
      const rows = db
        .prepare('SELECT source_msg_id AS id, date, sender_id, service, details FROM messages WHERE chat_id = ? ORDER BY date, sort_key')
        .all(chat.chatId) as {
        id: string;
        date: number;
        sender_id: number | null;
        service: string | null;
        details: string | null;
      }[];
      expect(rows.filter((row) => row.service === null && row.sender_id === null)).toEqual([]);
      expect(rows.every((row) => row.date > Date.UTC(2015, 0, 1))).toBe(true);
      // Service lines have no time on the page: their neighbours', marked approximate; other messages' exact.
      expect(rows.filter((row) => (row.service !== null) !== (row.details?.includes('"dateApproximate":true') ?? false))).toEqual([]);
      // Blocks the exporter numbers itself (0 and down) are no messages; a migrated group's (near −10⁹) are.
      expect(rows.filter((row) => Number(row.id) <= 0 && Number(row.id) > -500_000_000)).toEqual([]);
      db.close();
    });

    it('reads the chat name, sender, time zone, forwards, files and polls of a channel page (T5)', () => {
      const folder = tempFolder();
      copyFileSync(path.join(HTML_FIXTURES, 'Construction-world__All-civil-updates__messages.html'), path.join(folder, 'messages.html'));
      const db = openCacheDatabase(path.join(folder, 'cache.db'));
      const [result] = findImportInputs(folder).map((input) => importFile(db, input));
      const chat = result!.chats[0]!;
      expect(chat.name).toBe('OnlineVerdan Civil Aspirants');
      const kind = (db.prepare('SELECT kind FROM chats WHERE id = ?').get(chat.chatId) as { kind: string }).kind;
      expect(kind).toBe('channel');
      const message2 = db
        .prepare("SELECT date, forward, media FROM messages WHERE chat_id = ? AND source_msg_id = '2'")
        .get(chat.chatId) as {
        date: number;
        forward: string;
        media: string;
      };
      // "08.03.2022 11:10:02 UTC+05:30", forwarded from "Hemant Jain" of "15.09.2019 11:15:05 UTC+05:30".
      expect(message2.date).toBe(Date.UTC(2022, 2, 8, 5, 40, 2));
      expect(JSON.parse(message2.forward)).toEqual({ fromName: 'Hemant Jain', date: Date.UTC(2019, 8, 15, 5, 45, 5) });
      expect(JSON.parse(message2.media)).toMatchObject({ kind: 'file', fileName: 'MCQ_Geotechnical & Foundation Engineering.pdf' });
      const poll = db.prepare("SELECT media FROM messages WHERE chat_id = ? AND kind = 'poll' ORDER BY date LIMIT 1").get(chat.chatId) as {
        media: string;
      };
      const parsed = JSON.parse(poll.media) as { question: string; options: string[] };
      expect(parsed.question.length).toBeGreaterThan(5);
      expect(parsed.options.length).toBeGreaterThanOrEqual(2);
      expect(parsed.options.every((option) => !option.startsWith('-'))).toBe(true);
      db.close();
    });
  },
);

describe('Telegram Desktop HTML exports', () => {
  it('parses every date form the pages use', () => {
    expect(parseTelegramHtmlDate('08.03.2022 11:10:02 UTC+05:30')).toBe(Date.UTC(2022, 2, 8, 5, 40, 2));
    expect(parseTelegramHtmlDate('03.12.2025 00:38:54 UTC-08:00')).toBe(Date.UTC(2025, 11, 3, 8, 38, 54));
    expect(parseTelegramHtmlDate('12.05.2022 19:34:07 +06')).toBe(Date.UTC(2022, 4, 12, 13, 34, 7));
    // Older exports: no zone, read as this computer's local time.
    expect(parseTelegramHtmlDate('16.04.2019 23:45:53')).toBe(new Date(2019, 3, 16, 23, 45, 53).getTime());
    expect(parseTelegramHtmlDate('yesterday')).toBeNull();
  });

  it('imports a paged chat in page order (messages.html, messages2.html, … messages10.html) with text entities', () => {
    const folder = tempFolder();
    writeTelegramHtmlExport(path.join(folder, 'ChatExport'), 10_500, { name: 'Paged' });
    const db = openCacheDatabase(path.join(folder, 'cache.db'));
    const inputs = findImportInputs(path.join(folder, 'ChatExport'));
    expect(inputs).toHaveLength(1);
    expect(inputs[0]!.pages!.paths.map((page) => path.basename(page))).toEqual([
      'messages.html',
      ...Array.from({ length: 10 }, (_, i) => `messages${i + 2}.html`),
    ]);
    const [result] = inputs.map((input) => importFile(db, input));
    expect(result!.chats[0]).toMatchObject({ name: 'Paged', added: 10_500, inFile: 10_500 });
    const seventh = db.prepare("SELECT text, entities FROM messages WHERE source_msg_id = '7'").get() as { text: string; entities: string };
    expect(seventh.text).toBe('message 7 with bold and a link 🎉');
    expect(JSON.parse(seventh.entities)).toEqual([
      { type: 'bold', offset: 15, length: 4 },
      { type: 'textLink', offset: 26, length: 4, url: 'https://example.com/7' },
    ]);
    // A joined block (same sender as the one before) keeps that sender.
    const joinedSenders = db.prepare('SELECT count(*) AS n FROM messages WHERE sender_id IS NULL AND service IS NULL').get() as {
      n: number;
    };
    expect(joinedSenders.n).toBe(0);
    db.close();
  });

  it('an HTML export and the JSON export of the same chat import as one chat, no message twice, whichever comes first', () => {
    for (const order of [
      ['html', 'json'],
      ['json', 'html'],
    ] as const) {
      const folder = tempFolder();
      writeTelegramHtmlExport(path.join(folder, 'html'), 3_000, { name: 'Twin' });
      mkdirSync(path.join(folder, 'json'));
      writeTelegramExport(path.join(folder, 'json', 'result.json'), 3_000, { name: 'Twin', chatId: 777 });
      const db = openCacheDatabase(path.join(folder, 'cache.db'));
      for (const kind of order) for (const input of findImportInputs(path.join(folder, kind))) importFile(db, input);
      const chats = db.prepare("SELECT id, source_key, kind FROM chats WHERE source_id = 'import'").all() as {
        id: number;
        source_key: string;
      }[];
      expect(chats, order.join(' then ')).toHaveLength(1);
      // Keyed by the id the JSON brought, so a later JSON export of it is found directly.
      expect(chats[0]!.source_key).toMatch(/^telegram:[a-z_]+:777$/);
      expect((db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n).toBe(3_000);
      // The two say the same of each message: nothing is taken for an edit (no earlier version kept) but pins' wording.
      const versions = db
        .prepare(
          'SELECT count(*) AS n FROM message_versions v JOIN messages m ON m.chat_id = v.chat_id AND m.source_msg_id = v.message_id WHERE m.service IS NULL',
        )
        .get() as { n: number };
      expect(versions.n, order.join(' then ')).toBe(0);
      db.close();
    }
  });

  it('says what a file is when it is not an export Scrollback reads: a Telethon dump, another HTML page', () => {
    const folder = tempFolder();
    writeFileSync(path.join(folder, 'dump.jsonl'), '{"_": "Message", "id": 1, "message": "hi"}\n{"_": "Message", "id": 2}\n');
    expect(() => findImportInputs(path.join(folder, 'dump.jsonl'))).toThrow(
      /looks like a Telethon dump.*export the chat from Telegram Desktop/,
    );
    writeFileSync(path.join(folder, 'page.html'), '<!DOCTYPE html><html><head><title>My page</title></head><body></body></html>');
    expect(() => findImportInputs(path.join(folder, 'page.html'))).toThrow(/an HTML page, but not one of a Telegram Desktop export/);
    // A messages.html chosen on its own brings its whole chat.
    writeTelegramHtmlExport(path.join(folder, 'chat'), 1_500, { name: 'Picked page' });
    const inputs = findImportInputs(path.join(folder, 'chat', 'messages2.html'));
    expect(inputs.map((input) => input.pages!.paths.length)).toEqual([2]);
  });
});
