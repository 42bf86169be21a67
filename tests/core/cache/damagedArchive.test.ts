import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openScrollbackCore } from '../../../electron/core/app/openScrollbackCore.ts';
import { databaseOf } from '../../../electron/core/app/databaseOf.ts';
import { damageMarkerOf } from '../../../electron/core/cache/cacheErrors.ts';
import type { RecoveryStatus } from '../../../shared/ipc/contract.ts';
import type { HistoryAnchor } from '../../../shared/history.ts';
import { cacheWholeDemoChat } from '../../support/cacheDemoChat.ts';
import { handlersFor } from '../../support/handlersFor.ts';
import { silentLogger } from '../../support/openTestCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import { writeTelegramExport } from '../../support/writeTelegramExport.ts';

const tempFolder = useTempFolder();
const signal = new AbortController().signal;
const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** An archive with two whole demo chats, then one leaf page of messages in the middle of Family overwritten. */
async function damagedArchive(folder: string) {
  const databasePath = path.join(folder, 'scrollback.db');
  const core = openScrollbackCore({ databasePath, logger: silentLogger });
  const chats = await core.setUpDemo();
  cacheWholeDemoChat(databaseOf(core), chats.find((chat) => chat.messageCount === 24_000)!.id, 'family');
  cacheWholeDemoChat(databaseOf(core), chats.find((chat) => chat.messageCount === 900)!.id, 'ana');
  databaseOf(core).pragma('wal_checkpoint(TRUNCATE)');
  await core.close();
  const raw = new Database(databasePath, { readonly: true });
  const pages = raw
    .prepare("SELECT pageno, ncell FROM dbstat WHERE name = 'messages' AND pagetype = 'leaf' ORDER BY pageno")
    .all() as Array<{
    pageno: number;
    ncell: number;
  }>;
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  raw.close();
  const victim = pages[Math.floor(pages.length / 2)]!;
  const file = fs.openSync(databasePath, 'r+');
  const bytes = crypto.randomBytes(pageSize);
  fs.writeSync(file, bytes, 0, pageSize, (victim.pageno - 1) * pageSize);
  fs.closeSync(file);
  return { databasePath, lostRows: victim.ncell };
}

describe('a damaged archive opens read-only', () => {
  it('opens without writing, answers chats, history, search and exports from what reads, refuses every write with DB_CORRUPT, and recovers from the window keeping every readable message', async () => {
    const folder = tempFolder();
    const { databasePath, lostRows } = await damagedArchive(folder);

    // A first run finds the damage (paging back through Family), as in the issue; the marker stays.
    {
      const core = openScrollbackCore({ databasePath, logger: silentLogger });
      const handlers = handlersFor(core);
      const family = core.listChats().find((chat) => chat.messageCount === 24_000)!;
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
      expect(failure).toMatchObject({ code: 'DB_CORRUPT' });
      expect(await handlers.getArchiveHealth(undefined, signal)).toMatchObject({
        damaged: true,
        message: expect.stringContaining('damaged'),
      });
      await core.close();
    }
    expect(fs.existsSync(damageMarkerOf(databasePath))).toBe(true);

    // Opening again writes nothing (the media sweep waits for a first write, which never comes).
    const before = digest(databasePath);
    const core = openScrollbackCore({ databasePath, logger: silentLogger });
    const handlers = handlersFor(core);
    expect(await handlers.getArchiveHealth(undefined, signal)).toMatchObject({ damaged: true });
    const chats = await handlers.listChats(undefined, signal);
    expect(chats).toHaveLength(4);
    const ana = chats.find((chat) => chat.messageCount === 900)!;
    const family = chats.find((chat) => chat.messageCount === 24_000)!;
    const design = chats.find((chat) => chat.messageCount === 6000)!;
    const latest = await handlers.getHistoryPage({ chatId: ana.id, anchor: { kind: 'latest' }, limit: 50 }, signal);
    expect(latest.messages).toHaveLength(50);
    expect((await handlers.getHistoryPage({ chatId: family.id, anchor: { kind: 'latest' }, limit: 50 }, signal)).messages).toHaveLength(50);
    const word = latest.messages.find((message) => /\p{L}{4,}/u.test(message.text))!.text.match(/\p{L}{4,}/u)![0];
    const hits = await handlers.searchMessages(
      { chatId: ana.id, from: null, to: null, query: word, sender: '', kinds: [], order: 'newest', limit: 20, cursor: null },
      signal,
    );
    expect(hits.hits.length).toBeGreaterThan(0);
    const exportTarget = path.join(folder, 'ana.txt');
    const exported = await core.exports.exportChat(
      { chatId: ana.id, format: 'txt', from: null, to: null, filter: null, includeService: true, csvBom: false },
      exportTarget,
      () => undefined,
    );
    expect(exported.written).toBe(900);

    // Every write is refused with DB_CORRUPT.
    const importFile = path.join(folder, 'result.json');
    writeTelegramExport(importFile, 10);
    const writes: Array<[string, () => unknown]> = [
      ['keep a chat current', () => handlers.setChatKeepCurrent({ chatId: ana.id, keep: true }, signal)],
      ['a setting', () => handlers.setRefreshSettings({ everyMinutes: 5 }, signal)],
      ['a new source', () => handlers.addRyzeConnection({ instance: 'x', baseUrl: '', token: 't', allowWeakEncryption: true }, signal)],
      [
        'a page fetched from the source',
        () => handlers.getHistoryPage({ chatId: design.id, anchor: { kind: 'latest' }, limit: 20 }, signal),
      ],
      ['an import', () => core.imports.importFiles([importFile])],
      ['the media limit', () => handlers.setMediaLimit({ limitBytes: 1024 ** 3 }, signal)],
    ];
    for (const [what, write] of writes) {
      await expect(Promise.resolve().then(write), what).rejects.toMatchObject({ code: 'DB_CORRUPT' });
    }
    expect(digest(databasePath)).toBe(before);

    // Recover… from the window: progress, then what was saved.
    const statuses: RecoveryStatus[] = [];
    const done = new Promise<RecoveryStatus>((resolve) =>
      core.events.subscribe((event) => {
        if (event.kind !== 'recoveryStatus') return;
        statuses.push(event.status);
        if (event.status.state !== 'running') resolve(event.status);
      }),
    );
    expect(await handlers.recoverArchive(undefined, signal)).toMatchObject({ state: 'running' });
    const finished = await done;
    expect(finished.error).toBeNull();
    expect(finished.result).toMatchObject({ chats: 4, messages: 24_000 + 900 - lostRows, incompleteChats: [{ name: family.name }] });
    expect(statuses.some((status) => status.progress !== null && status.progress.copiedMessages > 0)).toBe(true);
    expect(fs.existsSync(finished.result!.damagedCopy)).toBe(true);
    expect(fs.existsSync(damageMarkerOf(databasePath))).toBe(false);

    // Every readable message is there, in a sound database that takes writes again.
    const recovered = openScrollbackCore({ databasePath, logger: silentLogger });
    const db = databaseOf(recovered);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(recovered.listChats().find((chat) => chat.id === ana.id)!.cachedCount).toBe(900);
    expect(recovered.listChats().find((chat) => chat.id === family.id)!.cachedCount).toBe(24_000 - lostRows);
    recovered.setChatKeepCurrent(ana.id, true);
    await recovered.close();
  });
});
