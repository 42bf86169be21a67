import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/runCli.ts';
import { databaseOf } from '../../../electron/core/app/openScrollbackCore.ts';
import { createArchiveExportService } from '../../../electron/core/export/archive/createArchiveExportService.ts';
import type { ArchiveExportProgress, ArchiveExportResult } from '../../../shared/archiveExport.ts';
import { openTestCoreWithDemo } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

async function cli(db: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--db', db, ...args], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {} });
  return { code, stdout, stderr };
}

const chatCounts = async (db: string) =>
  (JSON.parse((await cli(db, 'chats', '--json')).stdout) as Array<{ name: string; cachedCount: number }>)
    .map((chat) => [chat.name, chat.cachedCount] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));

describe('scrollback export --all', () => {
  it('fetches the missing files first (--media all), writes the folder on a worker, and `scrollback import DIR` reads it back to the same chats and counts', async () => {
    const folder = tempFolder();
    const db = path.join(folder, 'scrollback.db');
    expect((await cli(db, 'demo')).code).toBe(0);
    // The newest 60 messages of two demo chats on this computer; none of their files yet.
    expect((await cli(db, 'history', '4', '--limit', '60')).code).toBe(0);
    expect((await cli(db, 'history', '3', '--limit', '60')).code).toBe(0);
    const out = path.join(folder, 'everything');
    const run = await cli(db, 'export', '--all', '--out', out, '--media', 'all', '--json');
    expect(run.stderr).not.toMatch(/INTERNAL|[1-9][\d,]* failed/);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as ArchiveExportResult;
    const before = await chatCounts(db);
    expect(result).toMatchObject({ path: out, chats: 4, messages: before.reduce((sum, [, count]) => sum + count, 0), mediaLeftOut: 0 });
    expect(result.messages).toBeGreaterThanOrEqual(120);
    expect(fs.existsSync(path.join(out, 'result.json'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'manifest.sha256'))).toBe(true);
    // Every file the demo's messages have is in the folder.
    const json = JSON.parse(fs.readFileSync(path.join(out, 'result.json'), 'utf8')) as {
      chats: { list: Array<{ messages: Array<Record<string, unknown>> }> };
    };
    const named = json.chats.list
      .flatMap((chat) => chat.messages)
      .flatMap((message) => [message.photo, message.file].filter((file) => typeof file === 'string'));
    expect(named.length).toBeGreaterThan(0);
    for (const file of named) expect(fs.existsSync(path.join(out, String(file))), String(file)).toBe(true);

    const fresh = path.join(folder, 'fresh.db');
    expect((await cli(fresh, 'import', out)).code).toBe(0);
    expect(await chatCounts(fresh)).toEqual(before);
  }, 60_000);

  it('refuses what does not go with --all, in words', async () => {
    const db = path.join(tempFolder(), 'scrollback.db');
    expect((await cli(db, 'export', '--all', '--out', 'x', '--from', '2024-01-01')).stderr).toMatch(/does not take --from/);
    expect((await cli(db, 'export', '--all', '--out', 'x', '--format', 'csv')).stderr).toMatch(/“csv” is not one of json, html/);
    expect((await cli(db, 'export', '--all', '--out', 'x', '--media', 'some')).stderr).toMatch(/--media: “some” is not one of/);
    expect((await cli(db, 'export', '--all')).stderr).toMatch(/--out DIR is required/);
  });

  it('cancelled while fetching the missing files: no folder, and what was fetched stays on this computer', async () => {
    const folder = tempFolder();
    const core = await openTestCoreWithDemo(folder);
    const chat = core.listChats().find((candidate) => candidate.name === 'Ana Costa')!;
    await core.history.getHistoryPage({ chatId: chat.id, anchor: { kind: 'latest' }, limit: 120 });
    const service = createArchiveExportService({
      databasePath: path.join(folder, 'scrollback.db'),
      db: databaseOf(core),
      media: core.media,
    });
    const seen: ArchiveExportProgress[] = [];
    const out = path.join(folder, 'archive');
    // Cancelled as the first file is stored: the next fetch is never started.
    const exported = service.exportArchive({ chatIds: [chat.id], format: 'json', media: 'all' }, out, (progress) => {
      seen.push(progress);
      if (seen.length === 1) service.cancel();
    });
    await expect(exported).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(seen).toEqual([expect.objectContaining({ phase: 'fetchingMedia', fetched: 1 })]);
    expect(fs.readdirSync(folder).filter((name) => name.includes('archive'))).toEqual([]);
    expect(core.media.store.usage().fullBytes).toBeGreaterThan(0);
    await core.close();
  });
});
