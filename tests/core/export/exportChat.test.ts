import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { readMessagesByRowId } from '../../../electron/core/cache/messageQueries.ts';
import { runExportJob } from '../../../electron/core/export/runExportJob.ts';
import { csvCell } from '../../../electron/core/export/formats/createCsvExportWriter.ts';
import { findImportInputs } from '../../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../../electron/core/import/importFile.ts';
import type { ChatMessage, Media } from '../../../shared/domain.ts';
import type { ExportRequest } from '../../../shared/exporting.ts';
import { cacheWholeDemoChat } from '../../support/cacheDemoChat.ts';
import { fixturesFolder } from '../../support/fixturesFolder.ts';
import { runCliAndKill } from '../../support/killMidway.ts';
import { openTestCoreWithDemo } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import { writeTelegramExport } from '../../support/writeTelegramExport.ts';
import { databaseOf } from '../../../electron/core/app/openScrollbackCore.ts';

const tempFolder = useTempFolder();
const canMountTmpfs = process.platform === 'linux' && process.getuid?.() === 0;
const fixtures = fixturesFolder();

const request = (chatId: number, overrides: Partial<ExportRequest> = {}): ExportRequest => ({
  chatId,
  format: 'json',
  from: null,
  to: null,
  filter: null,
  includeService: true,
  csvBom: false,
  ...overrides,
});

function messagesOf(dbPath: string, chatId: number, from = Number.MIN_SAFE_INTEGER, to = Number.MAX_SAFE_INTEGER): ChatMessage[] {
  const db = openCacheDatabase(dbPath, { readonly: true });
  const ids = (
    db
      .prepare('SELECT id FROM messages WHERE chat_id = ? AND date >= ? AND date < ? ORDER BY date, sort_key')
      .all(chatId, from, to) as Array<{ id: number }>
  ).map((row) => row.id);
  const messages = readMessagesByRowId(db, ids);
  db.close();
  return messages;
}

/** A medium without what says where its files are (previews, sizes, types: the media round trip checks those). */
function withoutFileFacts(media: Media): Record<string, unknown> {
  const {
    preview: _p,
    thumb: _t,
    size: _s,
    mimeType: _m,
    onComputer: _o,
    waveform: _w,
    ...rest
  } = media as Media & Record<string, unknown>;
  return media.kind === 'file' ? { ...rest, size: (media as { size: number }).size } : rest;
}

/** What a round trip must keep: everything but the local chat id and what Telegram Desktop's format has no field for. */
const comparable = (message: ChatMessage) => ({
  id: message.id,
  date: message.date,
  senderId: message.senderId,
  senderName: message.senderName,
  text: message.text,
  entities: message.entities,
  media: message.media && withoutFileFacts(message.media),
  replyToId: message.replyToId,
  forward: message.forward?.fromName ?? null,
  editDate: message.editDate === null ? null : Math.floor(message.editDate / 1000),
  service: message.service,
  views: message.views,
  reactions: message.reactions,
});

async function demoDatabase(folder: string) {
  const core = await openTestCoreWithDemo(folder);
  const chat = core.listChats().find((candidate) => candidate.name === 'Design Team')!;
  cacheWholeDemoChat(databaseOf(core), chat.id, 'design');
  await core.close();
  return { dbPath: path.join(folder, 'scrollback.db'), chatId: chat.id };
}

describe('export to file', () => {
  it('round trip: a JSON export of any range imports into a fresh database as the same messages', async () => {
    const folder = tempFolder();
    const { dbPath, chatId } = await demoDatabase(folder);
    const all = messagesOf(dbPath, chatId);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: all.length - 1 }), fc.nat({ max: 800 }), async (start, length) => {
        const from = all[start]!.date;
        const to = all[Math.min(all.length - 1, start + length)]!.date + 1;
        const target = path.join(folder, `range-${++run}.json`);
        runExportJob({ databasePath: dbPath, request: request(chatId, { from, to }), target });
        const freshPath = path.join(folder, `fresh-${run}.db`);
        const fresh = openCacheDatabase(freshPath);
        const [result] = findImportInputs(target).map((input) => importFile(fresh, input));
        fresh.close();
        const expected = messagesOf(dbPath, chatId, from, to).map(comparable);
        expect(messagesOf(freshPath, result!.chats[0]!.chatId).map(comparable)).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  }, 60_000);

  it('our own JSON export imported into the same database adds nothing: the chat it came from is recognised', async () => {
    const folder = tempFolder();
    const { dbPath, chatId } = await demoDatabase(folder);
    const all = messagesOf(dbPath, chatId);
    const target = path.join(folder, 'again.json');
    runExportJob({ databasePath: dbPath, request: request(chatId), target });
    const db = openCacheDatabase(dbPath);
    const chatsBefore = (db.prepare('SELECT count(*) AS n FROM chats').get() as { n: number }).n;
    const coverageBefore = db.prepare('SELECT * FROM coverage WHERE chat_id = ?').all(chatId);
    const [result] = findImportInputs(target).map((input) => importFile(db, input));
    expect(result!.chats).toEqual([expect.objectContaining({ chatId, added: 0, inFile: all.length })]);
    expect((db.prepare('SELECT count(*) AS n FROM chats').get() as { n: number }).n).toBe(chatsBefore);
    // A file of what was cached proves nothing about the chat's history at its source.
    expect(db.prepare('SELECT * FROM coverage WHERE chat_id = ?').all(chatId)).toEqual(coverageBefore);
    expect((db.prepare('SELECT count(*) AS n FROM message_versions').get() as { n: number }).n).toBe(0);
    db.close();
    expect(messagesOf(dbPath, chatId).map(comparable)).toEqual(all.map(comparable));
  });

  it.skipIf(!fixtures)('keeps every message and field of an imported Telegram Desktop fixture', () => {
    const folder = tempFolder();
    const first = openCacheDatabase(path.join(folder, 'first.db'));
    const [imported] = findImportInputs(path.join(fixtures!, 'telegram-json/Loganavter__Tkonverter__examples__result.json')).map((input) =>
      importFile(first, input),
    );
    first.close();
    const target = path.join(folder, 'again.json');
    const chatId = imported!.chats[0]!.chatId;
    expect(runExportJob({ databasePath: path.join(folder, 'first.db'), request: request(chatId), target }).written).toBe(86);
    const second = openCacheDatabase(path.join(folder, 'second.db'));
    const [again] = findImportInputs(target).map((input) => importFile(second, input));
    second.close();
    expect(messagesOf(path.join(folder, 'second.db'), again!.chats[0]!.chatId).map(comparable)).toEqual(
      messagesOf(path.join(folder, 'first.db'), chatId).map(comparable),
    );
  });

  it('TXT and Markdown transcripts say whom a message answers and where a forward came from', () => {
    const folder = tempFolder();
    const exportPath = path.join(folder, 'result.json');
    const at = (minute: number) => ({
      date: `2021-03-12T14:0${minute}:00`,
      date_unixtime: String(Date.UTC(2021, 2, 12, 14, minute) / 1000),
    });
    writeFileSync(
      exportPath,
      JSON.stringify({
        name: 'Trip',
        type: 'private_group',
        id: 77,
        messages: [
          { id: 10, type: 'message', ...at(1), from: 'Ana', from_id: 'user1', text: 'who brings the map?', text_entities: [] },
          { id: 11, type: 'message', ...at(2), from: 'Ben', from_id: 'user2', text: 'me', reply_to_message_id: 10, text_entities: [] },
          {
            id: 12,
            type: 'message',
            ...at(3),
            from: 'Ana',
            from_id: 'user1',
            text: 'still on?',
            reply_to_message_id: 3,
            text_entities: [],
          },
          {
            id: 13,
            type: 'message',
            ...at(4),
            from: 'Ben',
            from_id: 'user2',
            forwarded_from: 'Weather Bot',
            text: 'sunny',
            text_entities: [],
          },
        ],
      }),
    );
    const dbPath = path.join(folder, 'cache.db');
    const db = openCacheDatabase(dbPath);
    const [chat] = findImportInputs(exportPath).flatMap((input) => importFile(db, input).chats);
    db.close();
    const write = (format: 'txt' | 'md') => {
      const target = path.join(folder, `trip.${format}`);
      runExportJob({ databasePath: dbPath, request: request(chat!.chatId, { format }), target });
      return readFileSync(target, 'utf8');
    };
    const txt = write('txt');
    expect(txt).toContain('] Ben (in reply to Ana): me\n');
    expect(txt).toContain('] Ana (in reply to message 3): still on?\n');
    expect(txt).toContain('] Ben (forwarded from Weather Bot): sunny\n');
    const md = write('md');
    expect(md).toContain(' Ben** *(in reply to Ana)*: me\n');
    expect(md).toContain(' Ben** *(forwarded from Weather Bot)*: sunny\n');
  });

  it('writes CSV that spreadsheets cannot run: formula cells neutralised, quotes doubled', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('-2')).toBe(`"'-2"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('plain, "quoted"\nline')).toBe(`"plain, ""quoted""\nline"`);
  });

  it('cancelled, leaves no partial file and the previous export untouched', async () => {
    const folder = tempFolder();
    const { dbPath, chatId } = await demoDatabase(folder);
    const target = path.join(folder, 'chat.html');
    writeFileSync(target, 'previous export');
    let asked = 0;
    expect(() =>
      runExportJob({ databasePath: dbPath, request: request(chatId, { format: 'html' }), target }, { isCancelled: () => ++asked > 2 }),
    ).toThrow(/cancelled/);
    expect(readFileSync(target, 'utf8')).toBe('previous export');
    expect(readdirSync(folder).filter((name) => name.includes('.partial'))).toEqual([]);
  });

  it('killed (SIGKILL) mid-export, leaves the target absent or the previous complete file', async () => {
    const folder = tempFolder();
    const dbPath = path.join(folder, 'big.db');
    const source = path.join(folder, 'result.json');
    writeTelegramExport(source, 150_000, { name: 'Big chat' });
    const db = openCacheDatabase(dbPath);
    findImportInputs(source).forEach((input) => importFile(db, input));
    db.close();
    const target = path.join(folder, 'big-export.json');
    const complete = await runCliAndKill(['--db', dbPath, 'export', 'Big chat', '--format', 'json', '--out', target], null);
    expect(complete.killed).toBe(false);
    const previous = readFileSync(target, 'utf8');
    expect(JSON.parse(previous).messages).toHaveLength(150_000);
    // Killed on a line the export prints on its way (before the writer starts; on its first progress line, the
    // temporary file part written), not after a delay a fast or busy machine could miss: each run dies mid-work.
    const moments = [/messages in range/, /exporting [\d,]+ of/, /messages in range/, /exporting [\d,]+ of/];
    for (const moment of moments) {
      const run = await runCliAndKill(['--db', dbPath, 'export', 'Big chat', '--format', 'json', '--out', target], moment);
      expect(run.killed, `killed at ${String(moment)}`).toBe(true);
      expect(readFileSync(target, 'utf8') === previous).toBe(true);
    }
  }, 180_000);

  it.skipIf(!canMountTmpfs)(
    `on a full disk (a 256 KiB tmpfs), fails with DISK_FULL, no partial file, the previous file untouched${canMountTmpfs ? '' : ' — skipped: mounting a tmpfs needs root'}`,
    async () => {
      const folder = tempFolder();
      const { dbPath, chatId } = await demoDatabase(folder);
      const disk = path.join(folder, 'small-disk');
      mkdirSync(disk);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', disk]);
      try {
        const target = path.join(disk, 'design.csv');
        writeFileSync(target, 'previous export');
        let failure: unknown = null;
        try {
          runExportJob({ databasePath: dbPath, request: request(chatId, { format: 'csv' }), target });
        } catch (error) {
          failure = error;
        }
        expect(failure).toMatchObject({ code: 'DISK_FULL' });
        expect(readFileSync(target, 'utf8')).toBe('previous export');
        expect(readdirSync(disk)).toEqual(['design.csv']);
      } finally {
        execFileSync('umount', [disk]);
      }
    },
  );
});
