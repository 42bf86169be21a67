import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseOf } from '../../../electron/core/app/openScrollbackCore.ts';
import { listChatSummaries } from '../../../electron/core/cache/chatQueries.ts';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import type { WritableDB } from '../../../electron/core/cache/CacheDatabase.ts';
import { upsertSource } from '../../../electron/core/cache/sourceQueries.ts';
import { inWriteTransaction } from '../../../electron/core/cache/transactions.ts';
import { ChatWriter } from '../../../electron/core/import/ChatWriter.ts';
import type { SourceMessage } from '../../../electron/core/model/SourceMessage.ts';
import { IMPORT_SOURCE_ID } from '../../../electron/core/sources/archive/createArchiveSource.ts';
import { chatFolderName, runArchiveExportJob } from '../../../electron/core/export/archive/runArchiveExportJob.ts';
import { folderMediaFiles } from '../../../electron/core/import/importMediaFiles.ts';
import { parseTelegramHtmlPages } from '../../../electron/core/import/telegram-html/parseTelegramHtmlPages.ts';
import { findImportInputs } from '../../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../../electron/core/import/importFile.ts';
import { createMediaStore } from '../../../electron/core/media/createMediaStore.ts';
import { ARCHIVE_MANIFEST, type ArchiveExportRequest } from '../../../shared/archiveExport.ts';
import { fixturesFolder } from '../../support/fixturesFolder.ts';
import { openTestCoreWithDemo } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const fixtures = fixturesFolder();
const tempFolder = useTempFolder();
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The newest messages of each demo chat that the archive holds: the demo's largest chat has a million, capped here. */
const DEMO_MESSAGES_PER_CHAT = 200;

let archive: { folder: string; databasePath: string; mediaMessages: number; chosen: number[] };

/** Each chat (or the chosen ones) as (name, messages on this computer), sorted: what a re-import must give back. */
function chatsAndCounts(databasePath: string, chatIds?: readonly number[]): Array<[string, number]> {
  const db = openCacheDatabase(databasePath, { readonly: true });
  try {
    return listChatSummaries(db)
      .filter((chat) => !chatIds || chatIds.includes(chat.id))
      .map((chat): [string, number] => [chat.name, chat.cachedCount])
      .sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
  } finally {
    db.close();
  }
}

/** Imports the exported folder into a fresh archive, as `scrollback import DIR` does; its database's path. */
function importIntoFresh(exported: string): { databasePath: string; formats: string[]; mediaFiles: number } {
  const folder = fs.mkdtempSync(path.join(path.dirname(exported), 'fresh-'));
  const databasePath = path.join(folder, 'fresh.db');
  const db = openCacheDatabase(databasePath);
  const store = createMediaStore(db, path.join(folder, 'media'));
  const inputs = findImportInputs(exported);
  for (const input of inputs) importFile(db, input, { mediaStore: store });
  const mediaFiles = (db.prepare(`SELECT count(*) AS n FROM message_media WHERE variant = 'full'`).get() as { n: number }).n;
  db.close();
  return { databasePath, formats: [...new Set(inputs.map((input) => input.format.id))], mediaFiles };
}

/**
 * A Telegram Desktop HTML fixture imported as the importer does (the same page reader and chat writer, in one
 * transaction) but in this thread: the importer reads pages on a worker, which costs a second or two a file here.
 */
function importHtmlInThisThread(db: WritableDB, file: string): void {
  inWriteTransaction(db, () => {
    upsertSource(db, { id: IMPORT_SOURCE_ID, kind: 'import', name: 'Imported' });
    const folder = path.dirname(file);
    const media = folderMediaFiles(folder);
    const messages: SourceMessage[] = [];
    const read = parseTelegramHtmlPages({ pages: [file], root: folder, chatNameHint: path.basename(file), mediaFiles: media }, (message) =>
      messages.push(message),
    );
    const chat = {
      key: `telegram:html:name:${read.chatName}`,
      name: read.chatName,
      kind: 'group' as const,
      messageCount: null,
      lastMessageDate: null,
    };
    const writer = new ChatWriter(db, chat, { store: null, media, origin: `import: ${file}` });
    for (const message of messages) writer.add(message);
    writer.finish();
  });
}

function keyOf(chatId: number): string {
  const db = openCacheDatabase(archive.databasePath, { readonly: true });
  try {
    return (db.prepare('SELECT source_key FROM chats WHERE id = ?').get(chatId) as { source_key: string }).source_key;
  } finally {
    db.close();
  }
}

const unescapeHtml = (text: string) =>
  text.replace(/&(amp|quot|apos|lt|gt);/g, (_, name: string) => ({ amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' })[name] ?? '');

function listFiles(folder: string, under = ''): string[] {
  return fs.readdirSync(path.join(folder, under), { withFileTypes: true }).flatMap((entry) => {
    const relative = under ? `${under}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(folder, relative) : [relative];
  });
}

const everything = (format: ArchiveExportRequest['format'], media: ArchiveExportRequest['media'] = 'local'): ArchiveExportRequest => ({
  chatIds: null,
  format,
  media,
});

describe.skipIf(!fixtures)('the whole-archive export', () => {
  // Built once for the file (the temp folders of each test are removed after it).
  beforeAll(async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scrollback-archive-'));
    const core = await openTestCoreWithDemo(folder);
    let mediaMessages = 0;
    for (const chat of core.listChats()) {
      const page = await core.history.getHistoryPage({ chatId: chat.id, anchor: { kind: 'latest' }, limit: DEMO_MESSAGES_PER_CHAT });
      if (chat.name !== 'Ana Costa') continue;
      // Some of one chat's files on this computer, so the export carries media and the manifest hashes them.
      for (const message of page.messages
        .filter((candidate) => candidate.media && ['photo', 'voice', 'file'].includes(candidate.media.kind))
        .slice(0, 12)) {
        await core.media.download(message.chatId, message.id);
        await core.media.fileFor(message.chatId, message.id, 'thumb');
        mediaMessages++;
      }
    }
    // Every fixture of every kind (Telegram JSON and HTML, DiscordChatExporter, WhatsApp) into the same archive.
    const db = databaseOf(core);
    for (const kind of ['telegram-json', 'telegram-html', 'discord-json', 'whatsapp'])
      for (const name of fs.readdirSync(path.join(fixtures!, kind)).sort()) {
        const file = path.join(fixtures!, kind, name);
        if (kind === 'telegram-html') importHtmlInThisThread(db, file);
        else for (const input of findImportInputs(file)) importFile(db, input, { mediaStore: core.media.store });
      }
    // A chosen set: the demo chat with files, then the first chat of each kind of import whose name no other chat
    // has (an HTML export keys a chat by its name alone, so a re-import joins chats of one name).
    const chats = listChatSummaries(db);
    const unique = chats.filter((chat) => chats.filter((other) => other.name === chat.name).length === 1 && chat.sourceKind !== 'demo');
    unique.unshift(chats.find((chat) => chat.name === 'Ana Costa')!);
    const kinds = new Map<string, number>();
    for (const chat of unique) {
      const record = db.prepare('SELECT source_key FROM chats WHERE id = ?').get(chat.id) as { source_key: string };
      const kind = record.source_key
        .split(':')
        .slice(0, record.source_key.startsWith('telegram:') ? 2 : 1)
        .join(':');
      if (!kinds.has(kind)) kinds.set(kind, chat.id);
    }
    await core.close();
    archive = { folder, databasePath: path.join(folder, 'scrollback.db'), mediaMessages, chosen: [...kinds.values()] };
  }, 60_000);
  afterAll(() => fs.rmSync(archive.folder, { recursive: true, force: true }));

  it('as JSON: one result.json with the chats list that the Telegram Desktop JSON importer reads back to the same chats and counts', () => {
    const target = path.join(tempFolder(), 'archive');
    const result = runArchiveExportJob({ databasePath: archive.databasePath, request: everything('json'), target });
    const original = chatsAndCounts(archive.databasePath);
    expect(result.chats).toBe(original.length);
    expect(result.messages).toBe(original.reduce((sum, [, count]) => sum + count, 0));

    const json = JSON.parse(fs.readFileSync(path.join(target, 'result.json'), 'utf8')) as {
      chats: { list: Array<{ name: string; type: string; id: number; messages: unknown[] }> };
    };
    expect(json.chats.list).toHaveLength(original.length);
    expect(json.chats.list.every((chat) => typeof chat.id === 'number' && typeof chat.type === 'string')).toBe(true);
    // Media sit in each chat's folder and are named from the export's root, as Telegram Desktop does.
    const photos = json.chats.list
      .flatMap((chat) => chat.messages as Array<Record<string, unknown>>)
      .filter((message) => typeof message.photo === 'string' && !String(message.photo).startsWith('('));
    expect(photos.length).toBeGreaterThan(0);
    for (const photo of photos) expect(fs.existsSync(path.join(target, String(photo.photo))), String(photo.photo)).toBe(true);

    const fresh = importIntoFresh(target);
    expect(fresh.formats).toEqual(['telegram']);
    expect(chatsAndCounts(fresh.databasePath)).toEqual(original);
    expect(fresh.mediaFiles).toBeGreaterThanOrEqual(archive.mediaMessages);
  });

  it('as HTML: export_results.html, lists/chats.html and chats/chat_NNN pages whose every chat reads back whole, to the second', () => {
    const target = path.join(tempFolder(), 'archive');
    // Written where the clock is not UTC (and read back there): the pages' times carry their offset.
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Kolkata';
    try {
      runArchiveExportJob({ databasePath: archive.databasePath, request: everything('html'), target });
      const db = openCacheDatabase(archive.databasePath, { readonly: true });
      const chats = listChatSummaries(db);
      // Each chat's messages (not service lines: a page gives them no time) to the second, oldest first.
      const secondsOf = (chatId: number) =>
        (
          db.prepare('SELECT date FROM messages WHERE chat_id = ? AND service IS NULL ORDER BY date, sort_key').all(chatId) as Array<{
            date: number;
          }>
        ).map((row) => Math.floor(row.date / 1000));
      expect(fs.existsSync(path.join(target, 'export_results.html'))).toBe(true);
      const list = fs.readFileSync(path.join(target, 'lists', 'chats.html'), 'utf8');
      expect(list.match(/class="entry block_link clearfix"/g)).toHaveLength(chats.length);
      // Each chat's pages, read by the HTML importer's own reader (in this thread: a worker per chat costs seconds).
      for (const [index, chat] of chats.entries()) {
        const folder = path.join(target, 'chats', chatFolderName(index + 1));
        const pages = fs
          .readdirSync(folder)
          .filter((name) => /^messages\d*\.html$/.test(name))
          .sort((a, b) => a.length - b.length || a.localeCompare(b));
        let read = 0;
        const dates: number[] = [];
        const said = parseTelegramHtmlPages(
          { pages: pages.map((page) => path.join(folder, page)), root: target, chatNameHint: '', mediaFiles: folderMediaFiles(target) },
          (message) => {
            read++;
            if (!message.service) dates.push(Math.floor(message.date / 1000));
          },
        );
        expect([said.chatName, read]).toEqual([chat.name, chat.cachedCount]);
        expect(dates, chat.name).toEqual(secondsOf(chat.id));
      }
      db.close();
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('as HTML, of a chosen set: `scrollback import` of the folder gives back the same chats, counts and media', () => {
    const target = path.join(tempFolder(), 'archive');
    // The demo chat with files, a DiscordChatExporter chat (19-digit ids) and a WhatsApp one (ids that are not numbers).
    const chosen = archive.chosen.filter((chatId, index) => index === 0 || /^(discord|whatsapp):/.test(keyOf(chatId)));
    runArchiveExportJob({ databasePath: archive.databasePath, request: { chatIds: chosen, format: 'html', media: 'local' }, target });
    const original = chatsAndCounts(archive.databasePath, chosen);
    expect(original).toHaveLength(3);
    const fresh = importIntoFresh(target);
    expect(fresh.formats).toEqual(['telegram-html']);
    expect(chatsAndCounts(fresh.databasePath)).toEqual(original);
    expect(fresh.mediaFiles).toBeGreaterThanOrEqual(archive.mediaMessages);
  });

  it('names every file it copies (a page’s link or picture, a result.json path), with files or with thumbnails only', () => {
    for (const format of ['json', 'html'] as const)
      for (const media of ['local', 'thumbnails'] as const) {
        const target = path.join(tempFolder(), 'archive');
        runArchiveExportJob({ databasePath: archive.databasePath, request: { chatIds: archive.chosen, format, media }, target });
        const copied = listFiles(target).filter((file) => /^chats\/chat_\d+\/(?!messages\d*\.html$)/.test(file));
        expect(copied.length, `${format}, ${media}`).toBeGreaterThan(0);
        const named = new Set(
          format === 'json'
            ? (
                JSON.parse(fs.readFileSync(path.join(target, 'result.json'), 'utf8')) as {
                  chats: { list: Array<{ messages: Array<Record<string, unknown>> }> };
                }
              ).chats.list.flatMap((chat) =>
                chat.messages.flatMap((message) => [message.photo, message.file, message.thumbnail].map(String)),
              )
            : listFiles(target)
                .filter((file) => file.endsWith('.html'))
                .flatMap((page) =>
                  // Each link and picture of a page, as a path from the export's root.
                  [...fs.readFileSync(path.join(target, page), 'utf8').matchAll(/(?:href|src)="([^"#]+)"/g)].map((match) =>
                    path.posix.join(path.posix.dirname(page), decodeURIComponent(unescapeHtml(match[1]!))),
                  ),
                ),
        );
        const unnamed = copied.filter((file) => !named.has(file));
        expect(unnamed, `${format}, ${media}`).toEqual([]);
      }
  });

  it('lists every file with its SHA-256 in manifest.sha256, and the hashes match the files', () => {
    const target = path.join(tempFolder(), 'archive');
    const result = runArchiveExportJob({ databasePath: archive.databasePath, request: everything('json'), target });
    const lines = fs.readFileSync(path.join(target, ARCHIVE_MANIFEST), 'utf8').trimEnd().split('\n');
    const listed = new Map(lines.map((line) => [line.slice(66), line.slice(0, 64)] as const));
    expect(lines.every((line) => /^[0-9a-f]{64} {2}\S/.test(line))).toBe(true);
    const onDisk = listFiles(target)
      .filter((file) => file !== ARCHIVE_MANIFEST)
      .sort();
    expect([...listed.keys()].sort()).toEqual(onDisk);
    expect(onDisk.some((file) => file.startsWith('chats/chat_'))).toBe(true);
    for (const file of onDisk) expect(sha256(path.join(target, file)), file).toBe(listed.get(file));
    expect(result.files).toBe(onDisk.length);
  });

  it('cancelled at any check (while writing chats or while hashing) leaves no folder and nothing half-written', () => {
    const parent = tempFolder();
    const target = path.join(parent, 'archive');
    const request: ArchiveExportRequest = { chatIds: archive.chosen, format: 'html', media: 'local' };
    let checks = 0;
    runArchiveExportJob({ databasePath: archive.databasePath, request, target }, { isCancelled: () => (checks++, false) });
    fs.rmSync(target, { recursive: true });
    // The first check, one in the middle of the chats, and the last one (the manifest's last file).
    for (const at of [1, Math.floor(checks / 2), checks]) {
      let asked = 0;
      expect(() =>
        runArchiveExportJob({ databasePath: archive.databasePath, request, target }, { isCancelled: () => ++asked >= at }),
      ).toThrow(expect.objectContaining({ code: 'CANCELLED' }));
      expect(asked).toBe(at);
      expect(fs.readdirSync(parent)).toEqual([]);
    }
  });

  it('refuses a folder that is not empty, and clears what an export killed in the same folder left', () => {
    const parent = tempFolder();
    const target = path.join(parent, 'archive');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'keep.txt'), 'mine');
    expect(() => runArchiveExportJob({ databasePath: archive.databasePath, request: everything('json'), target })).toThrow(
      /not an empty folder/,
    );
    expect(fs.readdirSync(target)).toEqual(['keep.txt']);
    // A killed export's folder (its process is gone: no process has id 2^22 + 1 here), and someone else's look-alike.
    const leftover = path.join(parent, '.other.scrollback-archive-4194305-0123abcd.partial');
    fs.mkdirSync(path.join(leftover, 'chats'), { recursive: true });
    fs.writeFileSync(path.join(leftover, 'result.json'), '{"chats": {"list": [');
    fs.mkdirSync(path.join(parent, 'not-ours.partial'));
    runArchiveExportJob({
      databasePath: archive.databasePath,
      request: { chatIds: null, format: 'json', media: 'none' },
      target: path.join(parent, 'second'),
    });
    expect(fs.readdirSync(parent).sort()).toEqual(['archive', 'not-ours.partial', 'second']);
  });
});
