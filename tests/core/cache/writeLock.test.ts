import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { writeAppSetting, readAppSetting } from '../../../electron/core/cache/mediaQueries.ts';
import { inWriteTransaction, onLockWaiting, writeWhenFree } from '../../../electron/core/cache/transactions.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

/**
 * Another process that takes the archive's write lock and holds it, having left the note an import leaves,
 * until its stdin closes (then it commits).
 */
function holdWriteLock(databasePath: string, program: string | null): Promise<ChildProcessWithoutNullStreams> {
  const script = `
    import { openCacheDatabase } from ${JSON.stringify(path.resolve('electron/core/cache/openCacheDatabase.ts'))};
    import { nameThisProgram, noteWriting } from ${JSON.stringify(path.resolve('electron/core/cache/writerNotes.ts'))};
    if (process.argv[1] !== '-') nameThisProgram(process.argv[1]);
    const db = openCacheDatabase(${JSON.stringify(databasePath)});
    if (process.argv[1] !== '-') noteWriting(db.name, 'importing result.json');
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO app_settings (key, value) VALUES ('other', '1')").run();
    process.stdout.write('holding\\n');
    process.stdin.resume();
    process.stdin.on('end', () => { db.exec('COMMIT'); db.close(); process.exit(0); });
  `;
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '--input-type=module', '-e', script, program ?? '-'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.stdout.setEncoding('utf8').on('data', (text: string) => text.includes('holding') && resolve(child));
    child.on('exit', (code) => reject(new Error(`the lock holder exited ${code}: ${stderr}`)));
  });
}

describe('one archive, another process writing', () => {
  it('a write on the core thread waits without blocking the event loop, says who it waits for, and ends in BUSY naming the holder', async () => {
    const databasePath = path.join(tempFolder(), 'scrollback.db');
    const db = openCacheDatabase(databasePath);
    const holder = await holdWriteLock(databasePath, 'scrollback import');
    try {
      const said: Array<string | null> = [];
      onLockWaiting(db, (message) => said.push(message));
      // Turns of the event loop while the write waits: a synchronous busy wait would allow none.
      let turns = 0;
      const ticker = setInterval(() => turns++, 1);
      const failure = await writeWhenFree(db, () => writeAppSetting(db, 'mine', 1), { deadlineMs: 1500 }).catch((error: unknown) => error);
      clearInterval(ticker);
      expect(failure).toMatchObject({
        code: 'BUSY',
        message: expect.stringMatching(
          new RegExp(
            `^Another Scrollback process is writing to this archive.*scrollback import \\(process ${holder.pid}\\), importing result\\.json since \\d\\d:\\d\\d:\\d\\d`,
          ),
        ),
      });
      expect(turns).toBeGreaterThan(0);
      expect(said[0]).toMatch(
        new RegExp(`^Another Scrollback process is importing; waiting… \\(scrollback import \\(process ${holder.pid}\\)`),
      );
      expect(said.at(-1)).toBeNull();
      // Reads answer all along (WAL): the holder's uncommitted row is not seen.
      expect(readAppSetting(db, 'other')).toBeUndefined();
    } finally {
      holder.stdin.end();
      await new Promise((resolve) => holder.on('exit', resolve));
    }
    // Once the lock is free the same write goes through.
    await writeWhenFree(db, () => writeAppSetting(db, 'mine', 2));
    expect(readAppSetting(db, 'mine')).toBe(2);
    expect(readAppSetting(db, 'other')).toBe(1);
    db.close();
  });

  it('a write retried while the lock is held goes through when it is released, and a plain transaction fails fast with BUSY, never INTERNAL', async () => {
    const databasePath = path.join(tempFolder(), 'scrollback.db');
    const db = openCacheDatabase(databasePath);
    const holder = await holdWriteLock(databasePath, null);
    expect(() => inWriteTransaction(db, () => writeAppSetting(db, 'x', 1))).toThrow(
      expect.objectContaining({ code: 'BUSY', message: expect.stringContaining('Another program is writing to this archive') }),
    );
    let waiting = false;
    onLockWaiting(db, (message) => {
      waiting = message !== null;
      // Released once the write has said it waits: it then goes through, and stops waiting.
      if (message) holder.stdin.end();
    });
    await writeWhenFree(db, () => inWriteTransaction(db, () => writeAppSetting(db, 'x', 2)));
    expect(waiting).toBe(false);
    expect(readAppSetting(db, 'x')).toBe(2);
    await new Promise((resolve) => (holder.exitCode === null ? holder.on('exit', resolve) : resolve(null)));
    db.close();
  });
});
