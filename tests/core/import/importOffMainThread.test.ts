import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { cacheWholeDemoChat } from '../../support/cacheDemoChat.ts';
import { runCliAndKill } from '../../support/killMidway.ts';
import { openTestCoreWithDemo } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import { writeTelegramExport } from '../../support/writeTelegramExport.ts';
import { pagesAnsweredDuring } from '../../support/pagesAnsweredDuring.ts';
import { databaseOf } from '../../../electron/core/app/openScrollbackCore.ts';

const tempFolder = useTempFolder();

describe('import of a large export', () => {
  // How long those pages take is the bench's figure (import_history_page_max_ms), beside the import's own speed.
  it('runs on a worker thread: history pages of the window are answered while it is midway', async () => {
    const folder = tempFolder();
    const file = path.join(folder, 'result.json');
    writeTelegramExport(file, 100_000);
    const core = await openTestCoreWithDemo(folder);
    const chat = core.listChats().find((candidate) => candidate.name === 'Design Team')!;
    cacheWholeDemoChat(databaseOf(core), chat.id, 'design');
    let progressEvents = 0;
    let bytesRead = 0;
    let totalBytes = Infinity;
    const importing = core.imports.importFiles([file], (progress) => {
      progressEvents++;
      ({ bytesRead, totalBytes } = progress);
    });
    // Midway: the file is partly read (by the import's own progress), so the worker is still on it.
    const probed = await pagesAnsweredDuring(core, chat.id, importing, () => bytesRead > 0 && bytesRead < totalBytes);
    const [result] = await importing;
    expect(result!.chats[0]!.added).toBe(100_000);
    expect(progressEvents).toBeGreaterThan(3);
    expect(probed.midway).toBeGreaterThan(0);
    await core.close();
  }, 120_000);

  it('killed midway (SIGKILL), leaves the database as it was before that file', async () => {
    const folder = tempFolder();
    const db = path.join(folder, 'cache.db');
    const small = path.join(folder, 'small.json');
    const big = path.join(folder, 'big.json');
    writeTelegramExport(small, 500, { chatId: 1, name: 'Small' });
    writeTelegramExport(big, 200_000, { chatId: 2, name: 'Big' });
    const first = await runCliAndKill(['--db', db, 'import', small], null);
    expect(first.killed).toBe(false);
    // Killed on its first progress line (the file partly read, its transaction open), not after a delay a busy
    // or fast machine could miss: twice, the second time over what the first one left.
    for (let attempt = 0; attempt < 2; attempt++) {
      const run = await runCliAndKill(['--db', db, 'import', big], /importing 1\/1 .*: \d+%/);
      expect(run.killed).toBe(true);
      const check = openCacheDatabase(db);
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(check.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 500 });
      expect(check.prepare("SELECT count(*) AS n FROM chats WHERE name = 'Big'").get()).toEqual({ n: 0 });
      check.close();
    }
  }, 120_000);
});
