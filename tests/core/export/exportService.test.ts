import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImportInputs } from '../../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../../electron/core/import/importFile.ts';
import type { ExportRequest } from '../../../shared/exporting.ts';
import { cacheWholeDemoChat } from '../../support/cacheDemoChat.ts';
import { openTestCoreWithDemo } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import { writeTelegramExport } from '../../support/writeTelegramExport.ts';
import { pagesAnsweredDuring } from '../../support/pagesAnsweredDuring.ts';
import { databaseOf } from '../../../electron/core/app/openScrollbackCore.ts';

const tempFolder = useTempFolder();
const whole = (chatId: number, format: ExportRequest['format']): ExportRequest => ({
  chatId,
  format,
  from: null,
  to: null,
  filter: null,
  includeService: true,
  csvBom: false,
});

describe('export service', () => {
  // How long those pages take is the bench's figure (export_history_page_max_ms).
  it('runs on a worker thread: history pages of the window are answered while it is midway', async () => {
    const folder = tempFolder();
    const core = await openTestCoreWithDemo(folder);
    const source = path.join(folder, 'result.json');
    writeTelegramExport(source, 100_000, { name: 'Big' });
    const [imported] = findImportInputs(source).map((input) => importFile(databaseOf(core), input));
    const window = core.listChats().find((chat) => chat.name === 'Design Team')!;
    cacheWholeDemoChat(databaseOf(core), window.id, 'design');
    const target = path.join(folder, 'big.html');
    const exporting = core.exports.exportChat(whole(imported!.chats[0]!.chatId, 'html'), target);
    // Midway: the worker has written part of its temporary file, and not yet put it in the target's place. The
    // worker may rename the file between the listing and its stat: then it is no longer midway, not an error.
    const partlyWritten = () =>
      !existsSync(target) &&
      readdirSync(folder).some(
        (name) =>
          name.startsWith('.big.html.') &&
          name.endsWith('.partial') &&
          (statSync(path.join(folder, name), { throwIfNoEntry: false })?.size ?? 0) > 0,
      );
    const probed = await pagesAnsweredDuring(core, window.id, exporting, partlyWritten);
    expect((await exporting).written).toBe(100_000);
    expect(probed.midway).toBeGreaterThan(0);
    await core.close();
  }, 120_000);

  it('downloads what the range lacks from the source first, then writes it all', async () => {
    const folder = tempFolder();
    const core = await openTestCoreWithDemo(folder);
    const chat = core.listChats().find((candidate) => candidate.name === 'Ana Costa')!;
    const request = whole(chat.id, 'json');
    await core.setUpDemo();
    const before = core.exports.estimate(request);
    // The source says the chat has 900 messages: all to fetch first, about 9 s at 100 a second.
    expect(before).toMatchObject({ messages: 0, needsDownload: true, missingMessages: 900, approxDownloadSeconds: 9 });
    const phases: string[] = [];
    const result = await core.exports.exportChat(request, path.join(folder, 'ana.json'), (progress) =>
      phases.push('downloading' in progress ? 'download' : 'write'),
    );
    expect(phases[0]).toBe('download');
    expect(result.written).toBe(900);
    expect(JSON.parse(readFileSync(path.join(folder, 'ana.json'), 'utf8')).messages).toHaveLength(900);
    expect(core.exports.estimate(request)).toMatchObject({ messages: 900, needsDownload: false });
    await core.close();
  }, 60_000);

  it('exports again: only what is new since an earlier export, or the whole file updated in place', async () => {
    const folder = tempFolder();
    const core = await openTestCoreWithDemo(folder);
    const older = path.join(folder, 'older.json');
    writeTelegramExport(older, 1000, { name: 'Club', chatId: 9 });
    const [first] = findImportInputs(older).map((input) => importFile(databaseOf(core), input));
    const chatId = first!.chats[0]!.chatId;
    const target = path.join(folder, 'club.json');
    expect((await core.exports.exportChat(whole(chatId, 'json'), target)).written).toBe(1000);
    const [record] = core.exports.listExports(chatId);
    expect(record).toMatchObject({ chatId, format: 'json', target, written: 1000 });
    // The chat grows: a newer export of it holds 1,500 messages, 500 of them new.
    const newer = path.join(folder, 'newer.json');
    writeTelegramExport(newer, 1500, { name: 'Club', chatId: 9 });
    findImportInputs(newer).forEach((input) => importFile(databaseOf(core), input));
    const onlyNew = await core.exports.exportAgain(record!.id, 'new');
    expect(onlyNew.path).not.toBe(target);
    expect(onlyNew.path.startsWith(path.join(folder, 'club (new since '))).toBe(true);
    const newIds = (JSON.parse(readFileSync(onlyNew.path, 'utf8')).messages as Array<{ id: number }>).map((message) => message.id);
    expect(newIds).toEqual(Array.from({ length: 500 }, (_, i) => 1001 + i));
    const merged = await core.exports.exportAgain(record!.id, 'merged');
    expect(merged.path).toBe(target);
    expect(JSON.parse(readFileSync(target, 'utf8')).messages).toHaveLength(1500);
    // Nothing new since the last one: an empty but valid file.
    const [latest] = core.exports.listExports(chatId);
    expect((await core.exports.exportAgain(latest!.id, 'new')).written).toBe(0);
    await core.close();
  }, 60_000);
});
