import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AtomicFileWriter, removeLeftoverPartials } from '../../../electron/core/export/AtomicFileWriter.ts';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { upsertSource } from '../../../electron/core/cache/sourceQueries.ts';
import { upsertChats } from '../../../electron/core/cache/chatQueries.ts';
import { openScrollbackCore } from '../../../electron/core/app/openScrollbackCore.ts';
import { runScriptAndKill } from '../../support/killMidway.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();
const DAY_MS = 24 * 60 * 60 * 1000;

const partialsIn = (folder: string) => fs.readdirSync(folder).filter((name) => name.endsWith('.partial'));

/** Exports the way a real one ends: the whole file written, flushed and renamed into place. */
function exportInto(target: string, text: string): void {
  const file = new AtomicFileWriter(target);
  file.write(text);
  file.commit();
}

describe('temporary export files of a killed export', () => {
  it('kill -9 mid-export leaves a temporary file, which the next export into that folder removes', async () => {
    const folder = tempFolder();
    const target = path.join(folder, 'chat.html');
    const run = await runScriptAndKill('tests/support/exportHaltedMidway.ts', [target], /halted mid-export/);
    expect(run.killed).toBe(true);
    const [left] = partialsIn(folder);
    expect(left).toMatch(/^\.chat\.html\.scrollback-\d+-[0-9a-f]{8}\.partial$/);
    expect(fs.statSync(path.join(folder, left!)).size).toBeGreaterThanOrEqual(1 << 20);
    expect(fs.existsSync(target)).toBe(false);

    exportInto(path.join(folder, 'other chat.txt'), 'hello\n');
    expect(partialsIn(folder)).toEqual([]);
    expect(fs.readFileSync(path.join(folder, 'other chat.txt'), 'utf8')).toBe('hello\n');
  });

  it("keeps what is not a dead export's: a running export's file, other programs' .partial files", () => {
    const folder = tempFolder();
    const running = new AtomicFileWriter(path.join(folder, 'a.json'));
    running.write('{');
    fs.writeFileSync(path.join(folder, '.download.partial'), 'a browser download');
    fs.writeFileSync(path.join(folder, '.x.scrollback-12-nothex!.partial'), 'not our name');

    exportInto(path.join(folder, 'b.csv'), 'id\n');
    expect(partialsIn(folder).sort()).toEqual(
      ['.download.partial', path.basename(running.temporary), '.x.scrollback-12-nothex!.partial'].sort(),
    );
    running.commit();
    expect(fs.readFileSync(path.join(folder, 'a.json'), 'utf8')).toBe('{');
  });

  it('removes a temporary file of a living process id once it is a day old (the id may have been reused)', () => {
    const folder = tempFolder();
    const stale = path.join(folder, `.old.txt.scrollback-${process.pid}-0badc0de.partial`);
    fs.writeFileSync(stale, 'left a day ago');
    expect(removeLeftoverPartials(folder)).toBe(0);
    expect(removeLeftoverPartials(folder, Date.now() + DAY_MS + 1000)).toBe(1);
    expect(fs.existsSync(stale)).toBe(false);
  });

  it('at start, the folders earlier exports wrote into lose the temporary files of exports killed there', async () => {
    const data = tempFolder();
    const exports = tempFolder();
    const databasePath = path.join(data, 'scrollback.db');
    const db = openCacheDatabase(databasePath);
    upsertSource(db, { id: 'demo', kind: 'demo', name: 'Demo', settings: {} });
    const [chatId] = upsertChats(db, 'demo', [{ key: 'c1', name: 'Chat', kind: 'group', messageCount: null, lastMessageDate: null }]);
    db.prepare('INSERT INTO exports (chat_id, request, target, written, created_at) VALUES (?, ?, ?, 1, 0)').run(
      chatId,
      '{}',
      path.join(exports, 'chat.txt'),
    );
    db.close();
    // A process that has ended: its id is no longer running.
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const leftover = path.join(exports, `.chat.txt.scrollback-${deadPid}-0badc0de.partial`);
    fs.writeFileSync(leftover, 'half an export');

    const core = openScrollbackCore({ databasePath, logger: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    try {
      await vi.waitFor(() => expect(fs.existsSync(leftover)).toBe(false), { timeout: 20_000, interval: 20 });
    } finally {
      await core.close();
    }
  });
});
