import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImportInputs } from '../../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../../electron/core/import/importFile.ts';
import type { ExportRequest } from '../../../shared/exporting.ts';
import { cacheWholeDemoChat } from '../../support/cacheDemoChat.ts';
import { openTestCoreWithDemo } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import { writeTelegramExport } from '../../support/writeTelegramExport.ts';

const tempFolder = useTempFolder();
const whole = (chatId: number, format: ExportRequest['format']): ExportRequest => ({ chatId, format, from: null, to: null, filter: null, includeService: true, csvBom: false });

describe('export service', () => {
  it('runs on a worker thread: history pages of the window are answered within 50 ms throughout', async () => {
    const folder = tempFolder();
    const core = await openTestCoreWithDemo(folder);
    const source = path.join(folder, 'result.json');
    writeTelegramExport(source, 300_000, { name: 'Big' });
    const [imported] = findImportInputs(source).map((input) => importFile(core.db, input));
    const window = core.listChats().find((chat) => chat.name === 'Design Team')!;
    cacheWholeDemoChat(core.db, window.id, 'design');
    let finished = false;
    const exporting = core.exports.exportChat(whole(imported!.chats[0]!.chatId, 'html'), path.join(folder, 'big.html')).finally(() => (finished = true));
    const latencies: number[] = [];
    while (!finished) {
      const started = performance.now();
      await core.history.getHistoryPage({ chatId: window.id, anchor: { kind: 'aroundDate', date: Date.UTC(2022, latencies.length % 12, 1) }, limit: 60 });
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect((await exporting).written).toBe(300_000);
    expect(latencies.length).toBeGreaterThan(10);
    expect(Math.max(...latencies)).toBeLessThan(50);
    await core.close();
  }, 120_000);

  it('downloads what the range lacks from the source first, then writes it all', async () => {
    const folder = tempFolder();
    const core = await openTestCoreWithDemo(folder);
    const chat = core.listChats().find((candidate) => candidate.name === 'Ana Costa')!;
    const request = whole(chat.id, 'json');
    const before = core.exports.estimate(request);
    expect(before).toMatchObject({ messages: 0, needsDownload: true });
    const phases: string[] = [];
    const result = await core.exports.exportChat(request, path.join(folder, 'ana.json'), (progress) => phases.push('downloading' in progress ? 'download' : 'write'));
    expect(phases[0]).toBe('download');
    expect(result.written).toBe(900);
    expect(JSON.parse(readFileSync(path.join(folder, 'ana.json'), 'utf8')).messages).toHaveLength(900);
    expect(core.exports.estimate(request)).toMatchObject({ messages: 900, needsDownload: false });
    await core.close();
  }, 60_000);
});
