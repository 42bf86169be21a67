import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseOf, openScrollbackCore } from '../../../electron/core/app/openScrollbackCore.ts';
import { damageMarkerOf } from '../../../electron/core/cache/cacheErrors.ts';
import { recoverCacheDatabase } from '../../../electron/core/cache/recoverCacheDatabase.ts';
import type { HistoryAnchor } from '../../../shared/history.ts';
import { cacheWholeDemoChat } from '../../support/cacheDemoChat.ts';
import { silentLogger } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import { handlersFor } from '../../support/handlersFor.ts';

const tempFolder = useTempFolder();
const signal = new AbortController().signal;
const mounts: string[] = [];
afterEach(() => {
  for (const mount of mounts.splice(0)) spawnQuietly('umount', [mount]);
});

function spawnQuietly(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('cache failures said as what they are', () => {
  it('a disk that fills during a download stops it with DISK_FULL naming the folder, and keeps what was stored (real 4 MB tmpfs)', async (context) => {
    const folder = path.join(tempFolder(), 'small-disk');
    fs.mkdirSync(folder);
    if (process.platform !== 'linux' || !spawnQuietly('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', folder])) {
      context.skip('cannot mount a small tmpfs here (needs Linux and root)');
    }
    mounts.push(folder);
    const core = openScrollbackCore({
      databasePath: path.join(folder, 'scrollback.db'),
      logger: silentLogger,
      sync: { pacingMs: 0, outageRetryDelaysMs: [10, 10, 10] },
    });
    const chats = await core.setUpDemo();
    const big = chats.find((chat) => chat.messageCount === 1_000_000)!;
    core.sync.start({ chatId: big.id, from: null, to: null });
    const status = await core.sync.settled(big.id);
    expect(status.state).toBe('failed');
    expect(status.error).toMatchObject({ code: 'DISK_FULL', message: expect.stringContaining(folder) });
    // What was stored before is intact and consistent: every covered run holds all its rows.
    const db = databaseOf(core);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const cached = core.getChat(big.id).cachedCount;
    expect(cached).toBeGreaterThan(1000);
    const stored = (db.prepare('SELECT count(*) AS n FROM messages WHERE chat_id = ?').get(big.id) as { n: number }).n;
    expect(stored).toBe(cached);
    const page = await core.history.getHistoryPage({ chatId: big.id, anchor: { kind: 'latest' }, limit: 50 });
    expect(page.messages).toHaveLength(50);
    await core.close();
  });

  it('a damaged page in the middle: DB_CORRUPT when read, no write after it, and recovery copies every readable chat', async () => {
    const folder = tempFolder();
    const databasePath = path.join(folder, 'scrollback.db');
    {
      const core = openScrollbackCore({ databasePath, logger: silentLogger });
      const chats = await core.setUpDemo();
      cacheWholeDemoChat(databaseOf(core), chats.find((chat) => chat.messageCount === 24_000)!.id, 'family');
      cacheWholeDemoChat(databaseOf(core), chats.find((chat) => chat.messageCount === 900)!.id, 'ana');
      databaseOf(core).pragma('wal_checkpoint(TRUNCATE)');
      await core.close();
    }
    // Overwrite one leaf page of the messages table in the middle of the chat (not the header).
    const raw = new Database(databasePath, { readonly: true });
    const pages = raw.prepare("SELECT pageno FROM dbstat WHERE name = 'messages' AND pagetype = 'leaf' ORDER BY pageno").all() as Array<{
      pageno: number;
    }>;
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const victim = pages[Math.floor(pages.length / 2)]!.pageno;
    const file = fs.openSync(databasePath, 'r+');
    fs.writeSync(file, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (victim - 1) * pageSize);
    fs.closeSync(file);

    const core = openScrollbackCore({ databasePath, logger: silentLogger });
    const handlers = handlersFor(core);
    const family = core.listChats().find((chat) => chat.messageCount === 24_000)!;
    // Page back through the chat as the window would, until the damaged stretch is reached.
    let anchor: HistoryAnchor = { kind: 'latest' };
    let failure: unknown = null;
    for (let i = 0; i < 200 && failure === null; i++) {
      try {
        const page = await handlers.getHistoryPage({ chatId: family.id, anchor, limit: 200 }, signal);
        if (!page.olderCursor || page.reachedOldest) break;
        anchor = { kind: 'before', cursor: page.olderCursor };
      } catch (error) {
        failure = error;
      }
    }
    expect(failure).toMatchObject({ code: 'DB_CORRUPT', message: expect.stringContaining('scrollback recover') });
    expect(fs.existsSync(damageMarkerOf(databasePath))).toBe(true);
    // No write after it: not a new source, not a page from a source.
    await expect(
      Promise.resolve().then(() =>
        handlers.addRyzeConnection({ instance: 'x', baseUrl: '', token: 't', allowWeakEncryption: true }, signal),
      ),
    ).rejects.toMatchObject({ code: 'DB_CORRUPT' });
    const before = fs.statSync(databasePath).mtimeMs;
    await expect(
      handlers.getHistoryPage(
        { chatId: core.listChats().find((chat) => chat.messageCount === 6000)!.id, anchor: { kind: 'latest' }, limit: 20 },
        signal,
      ),
    ).rejects.toMatchObject({ code: 'DB_CORRUPT' });
    expect(fs.statSync(databasePath).mtimeMs).toBe(before);
    await core.close();

    const report = recoverCacheDatabase(databasePath);
    expect(fs.existsSync(report.damagedCopy)).toBe(true);
    expect(fs.existsSync(damageMarkerOf(databasePath))).toBe(false);
    expect(report.chats).toBe(4);
    expect(report.incompleteChats.map((chat) => chat.name)).toEqual([family.name]);
    const recovered = openScrollbackCore({ databasePath, logger: silentLogger });
    const db = databaseOf(recovered);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const ana = recovered.listChats().find((chat) => chat.messageCount === 900)!;
    expect(ana.cachedCount).toBe(900);
    expect(recovered.getChatCoverage(ana.id).oldestReached).toBe(true);
    // The damaged chat keeps what could be read, and claims no coverage over what could not.
    const damagedChat = recovered.listChats().find((chat) => chat.id === family.id)!;
    expect(damagedChat.cachedCount).toBeGreaterThan(20_000);
    expect(damagedChat.cachedCount).toBeLessThan(24_000);
    expect(recovered.getChatCoverage(family.id).ranges).toEqual([]);
    await recovered.close();
  });
});
