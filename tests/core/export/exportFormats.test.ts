import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/runCli.ts';
import { USAGE } from '../../../electron/cli/usage.ts';
import { createCoreHandlers } from '../../../electron/core/app/createCoreHandlers.ts';
import { databaseOf } from '../../../electron/core/app/openScrollbackCore.ts';
import { exportFormatInfo, exportFormats } from '../../../electron/core/export/exportFormats.ts';
import type { ExportFormatInfo, ExportRequest } from '../../../shared/exporting.ts';
import { cacheWholeDemoChat } from '../../support/cacheDemoChat.ts';
import { openTestCoreWithDemo, silentLogger } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();
const signal = new AbortController().signal;
const whole = (chatId: number, format: string): ExportRequest => ({
  chatId,
  format,
  from: null,
  to: null,
  filter: null,
  includeService: true,
  csvBom: false,
});

describe('export formats: one record each, everything else derived from the registry', () => {
  it('the window is told every format (without its writer), and the save dialog gets its extension and filter', async () => {
    const folder = tempFolder();
    const core = await openTestCoreWithDemo(folder);
    const asked: Array<{ suggestedName: string; format: ExportFormatInfo }> = [];
    const handlers = createCoreHandlers(core, {
      version: 't',
      logger: silentLogger,
      openExternalLink: () => undefined,
      chooseFilesToImport: async () => null,
      chooseExportTarget: async (suggestedName, format) => {
        asked.push({ suggestedName, format });
        return null;
      },
      showInFolder: () => undefined,
    });
    const listed = await handlers.listExportFormats(undefined, signal);
    expect(listed.map((format) => format.id)).toEqual(exportFormats.map((format) => format.id));
    // What crosses to the window is data only: it survives a structured clone unchanged.
    expect(structuredClone(listed)).toEqual(listed);
    expect(listed[0]).not.toHaveProperty('createWriter');

    const chat = core.listChats().find((candidate) => candidate.name === 'Family 🏡')!;
    for (const format of exportFormats) await handlers.exportChat(whole(chat.id, format.id), signal);
    expect(asked).toEqual(
      exportFormats.map((format) => ({ suggestedName: `Family 🏡.${format.extension}`, format: exportFormatInfo(format) })),
    );
    await expect(handlers.estimateExport(whole(chat.id, 'docx'), signal)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await core.close();
  });

  it('each format writes, and its bytes per message estimate what it writes (within a factor of two)', async () => {
    const folder = tempFolder();
    const core = await openTestCoreWithDemo(folder);
    const chat = core.listChats().find((candidate) => candidate.name === 'Design Team')!;
    cacheWholeDemoChat(databaseOf(core), chat.id, 'design');
    for (const format of exportFormats) {
      const estimate = core.exports.estimate(whole(chat.id, format.id));
      expect(estimate.approxBytes).toBe(6_000 * format.bytesPerMessage);
      const target = path.join(folder, `design.${format.extension}`);
      const result = await core.exports.exportChat(whole(chat.id, format.id), target);
      expect(result.written).toBe(6_000);
      const perMessage = statSync(target).size / result.written;
      expect({ format: format.id, ratio: Math.round((perMessage / format.bytesPerMessage) * 10) / 10 }).toSatisfy(
        ({ ratio }: { ratio: number }) => ratio >= 0.5 && ratio <= 2,
      );
    }
    await core.close();
  }, 120_000);

  it('the CLI lists every format in its usage and accepts exactly those for --format', async () => {
    for (const format of exportFormats) expect(USAGE).toContain(format.id);
    expect(USAGE).toContain(`--format ${exportFormats.map((format) => format.id).join('|')}`);
    const db = path.join(tempFolder(), 'cli.db');
    let stderr = '';
    const code = await runCli(['--db', db, 'export', '1', '--format', 'docx', '--out', 'x.docx'], {
      stdout: () => undefined,
      stderr: (text) => (stderr += text),
      env: {},
    });
    expect(code).toBe(2);
    expect(stderr).toContain(`“docx” is not one of ${exportFormats.map((format) => format.id).join(', ')}`);
  });
});
