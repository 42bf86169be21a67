import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WritableDB } from '../../../electron/core/cache/CacheDatabase.ts';
import { selectMessagesByIds } from '../../../electron/core/cache/messageQueries.ts';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { findImportInputs } from '../../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../../electron/core/import/importFile.ts';
import { runImportJob } from '../../../electron/core/import/runImportJob.ts';
import { fixturesFolder } from '../../support/fixturesFolder.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import { writeTelegramExport } from '../../support/writeTelegramExport.ts';
import { writeTelegramHtmlExport } from '../../support/writeTelegramHtmlExport.ts';

const tempFolder = useTempFolder();
const fixtures = fixturesFolder();
const HTML_FIXTURES = fixtures === null ? '' : path.join(fixtures, 'telegram-html');

/** Every message of every chat a path imports into a fresh database, in history order. */
function importAll(input: string) {
  const db = openCacheDatabase(path.join(tempFolder(), 'cache.db'));
  try {
    const results = findImportInputs(input).map((found) => importFile(db, found));
    const messages = results.flatMap((result) => result.chats.flatMap((chat) => messagesOf(db, chat.chatId)));
    return { results, messages };
  } finally {
    db.close();
  }
}

function messagesOf(db: WritableDB, chatId: number) {
  const ids = (
    db.prepare('SELECT source_msg_id AS id FROM messages WHERE chat_id = ? ORDER BY date, sort_key').all(chatId) as { id: string }[]
  ).map((row) => row.id);
  return selectMessagesByIds(db, chatId, ids);
}

/** What must not change with a page's name: each message's id, time, kind, text and reply. */
const summary = (messages: ReturnType<typeof importAll>['messages']) =>
  messages.map((message) => [
    message.id,
    message.date,
    message.service?.action ?? message.media?.kind ?? 'text',
    message.text,
    message.replyToId,
  ]);

describe.skipIf(fixtures === null)('Telegram Desktop HTML fixtures, read by content', () => {
  it('a page renamed to anything imports the same messages as under its own name; stickers and GIFs as the JSON says (T2)', () => {
    const page = 'Quoxent__Telegram-Records__messages7.html';
    const own = tempFolder();
    copyFileSync(path.join(HTML_FIXTURES, page), path.join(own, 'messages.html'));
    const renamed = tempFolder();
    copyFileSync(path.join(HTML_FIXTURES, page), path.join(renamed, 'Saved chat (old phone).html'));
    const asOwn = importAll(path.join(own, 'messages.html'));
    const asRenamed = importAll(path.join(renamed, 'Saved chat (old phone).html'));
    expect(asRenamed.messages.length).toBeGreaterThan(900);
    expect(summary(asRenamed.messages)).toEqual(summary(asOwn.messages));
    // A sticker not downloaded is drawn as a photo block titled "Sticker" (its emoji before its size), an
    // animation as a video block titled "Animation": a sticker and a GIF, as the JSON export's media_type says.
    const html = readFileSync(path.join(HTML_FIXTURES, page), 'utf8');
    const titled = (title: string) => html.split(/class="title bold">\s*/).filter((rest) => rest.startsWith(`${title}\n`)).length;
    const stickers = asRenamed.messages.filter((message) => message.media?.kind === 'sticker');
    expect(stickers).toHaveLength(titled('Sticker'));
    expect(stickers.length).toBeGreaterThan(30);
    expect(stickers.some((message) => message.media?.kind === 'sticker' && message.media.emoji === '💪')).toBe(true);
    expect(asRenamed.messages.filter((message) => message.media?.kind === 'gif')).toHaveLength(titled('Animation'));
  });

  it('reads a migrated group’s messages (ids near −10⁹, T8) and round videos (T3), as the JSON export does', () => {
    const t8 = importAll(path.join(HTML_FIXTURES, 'Helen-Parakhnevich__support-chat-history__chats__chat_02__messages5.html'));
    expect(t8.messages.some((message) => Number(message.id) < -900_000_000)).toBe(true);
    const t3 = importAll(path.join(HTML_FIXTURES, 'vvtsvx__pschat__chats__chat_3__messages.html'));
    expect(t3.messages.some((message) => message.media?.kind === 'video' && message.media.round === true)).toBe(true);
  });
});

describe('Telegram Desktop HTML pages found by content', () => {
  it('imports a chat whose pages were renamed, in history order, from its folder or any one page, and skips other pages', () => {
    const folder = path.join(tempFolder(), 'Export');
    writeTelegramHtmlExport(folder, 2_050, { name: 'Renamed' });
    // Names that sort against history order, and an HTML page that is no export's.
    renameSync(path.join(folder, 'messages.html'), path.join(folder, 'z-first.html'));
    renameSync(path.join(folder, 'messages2.html'), path.join(folder, 'a-second.html'));
    renameSync(path.join(folder, 'messages3.html'), path.join(folder, 'm-third.html'));
    writeFileSync(path.join(folder, 'notes.html'), '<!DOCTYPE html><html><head><title>Notes</title></head><body>hi</body></html>');
    const inputs = findImportInputs(folder);
    expect(inputs.map((input) => input.pages!.paths.map((page) => path.basename(page)))).toEqual([
      ['z-first.html', 'a-second.html', 'm-third.html'],
    ]);
    expect(findImportInputs(path.join(folder, 'm-third.html')).map((input) => input.pages!.paths.length)).toEqual([3]);
    const { results, messages } = importAll(folder);
    expect(results[0]!.chats[0]).toMatchObject({ name: 'Renamed', added: 2_050 });
    expect(messages.map((message) => Number(message.id))).toEqual(Array.from({ length: 2_050 }, (_, i) => i + 1));
  });

  it('dates a service line with no time before any dated message by the next one, approximate; skips the exporter’s own blocks', () => {
    const folder = tempFolder();
    const block = (id: number, classes: string, inner: string) => `<div class="message ${classes}" id="message${id}">${inner}</div>\n`;
    writeFileSync(
      path.join(folder, 'page.html'),
      `<!DOCTYPE html><html><head><title>Exported Data</title></head><body><div class="page_wrap">
<div class="page_header"><div class="content"><div class="text bold">Dateless</div></div></div>
<div class="page_body chat_page"><div class="history">
${block(-1, 'service', '<div class="body details">Ana joined group by link from Bo</div>')}${block(0, 'service', '<div class="body details">Something the exporter said</div>')}${block(3, 'service', '<div class="body details">Ana joined group by link</div>')}${block(4, 'default clearfix', '<div class="body"><div class="pull_right date details" title="08.03.2022 11:10:02 UTC+00:00">11:10</div><div class="from_name">Ana</div><div class="text">hello</div></div>')}
</div></div></div></body></html>`,
    );
    const { messages } = importAll(path.join(folder, 'page.html'));
    expect(messages.map((message) => [message.id, message.date, message.dateApproximate ?? false])).toEqual([
      ['3', Date.UTC(2022, 2, 8, 11, 10, 2), true],
      ['4', Date.UTC(2022, 2, 8, 11, 10, 2), false],
    ]);
  });

  it('an HTML and a JSON export of one chat agree on every message’s kind, reply and count', () => {
    const folder = tempFolder();
    writeTelegramHtmlExport(path.join(folder, 'html'), 1_200, { name: 'Pair' });
    mkdirSync(path.join(folder, 'json'));
    writeTelegramExport(path.join(folder, 'json', 'result.json'), 1_200, { name: 'Pair', chatId: 5 });
    const html = importAll(path.join(folder, 'html')).messages;
    const json = importAll(path.join(folder, 'json')).messages;
    const shape = (messages: typeof html) =>
      messages.map((message) => [message.id, message.service?.action ?? message.media?.kind ?? 'text', message.replyToId]);
    expect(html).toHaveLength(json.length);
    expect(shape(html)).toEqual(shape(json));
    // Imported HTML first, then the JSON: the service lines' times the page did not give become the JSON's.
    const db = openCacheDatabase(path.join(folder, 'both.db'));
    try {
      for (const kind of ['html', 'json']) for (const input of findImportInputs(path.join(folder, kind))) importFile(db, input);
      const chatId = (db.prepare("SELECT id FROM chats WHERE source_id = 'import'").get() as { id: number }).id;
      const both = messagesOf(db, chatId);
      const services = both.filter((message) => message.service !== null);
      expect(services.length).toBeGreaterThan(0);
      expect(services.filter((message) => message.dateApproximate)).toEqual([]);
      const jsonDates = new Map(json.map((message) => [message.id, message.date]));
      expect(both.filter((message) => message.date !== jsonDates.get(message.id))).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('says why each file of a selection imports nothing, still imports the rest, and fails only when nothing at all was imported', () => {
    const folder = tempFolder();
    writeTelegramHtmlExport(path.join(folder, 'chat'), 10, { name: 'Kept' });
    writeFileSync(path.join(folder, 'notes.html'), '<!DOCTYPE html><html><head><title>Notes</title></head><body>hi</body></html>');
    // An export page whose history is empty.
    writeFileSync(
      path.join(folder, 'empty.html'),
      readFileSync(path.join(folder, 'chat', 'messages.html'), 'utf8').replace(/<div class="message [^]*$/, '</div></div></body></html>'),
    );
    // A text file taken for a WhatsApp export until its first line.
    writeFileSync(path.join(folder, 'broken.txt'), 'Shopping list\nmilk\n');
    const databasePath = path.join(folder, 'cache.db');
    const results = runImportJob({
      databasePath,
      paths: [
        path.join(folder, 'notes.html'),
        path.join(folder, 'chat', 'messages.html'),
        path.join(folder, 'empty.html'),
        path.join(folder, 'broken.txt'),
      ],
    });
    expect(results.map((result) => [path.basename(result.path), result.chats.map((chat) => chat.added), result.nothingImported])).toEqual([
      ['messages.html', [10], undefined],
      ['empty.html', [], expect.stringMatching(/no messages/)],
      ['broken.txt', [], expect.stringMatching(/^line 1: “Shopping list” is not the start of a WhatsApp message/)],
      ['notes.html', [], expect.stringMatching(/not an export Scrollback can read \(an HTML page, but not one of a Telegram/)],
    ]);
    // The real CLI, in its own process: says each reason, and exits non-zero when nothing was imported.
    const cli = spawnSync(
      process.execPath,
      [path.resolve('bin/scrollback.js'), '--db', databasePath, 'import', path.join(folder, 'notes.html'), path.join(folder, 'empty.html')],
      { encoding: 'utf8', env: { ...process.env, SCROLLBACK_CLI_FROM_SOURCE: '1' } },
    );
    expect(cli.status).not.toBe(0);
    expect(cli.stderr).toContain('notes.html: not an export Scrollback can read');
    expect(cli.stderr).toMatch(/empty\.html: a Telegram Desktop page of “Kept” with no messages in it/);
    expect(readdirSync(folder)).toContain('cache.db');
  });
});
