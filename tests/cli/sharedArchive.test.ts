import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/runCli.ts';
import { openScrollbackCore } from '../../electron/core/app/openScrollbackCore.ts';
import { silentLogger } from '../support/openTestCore.ts';
import { useTempFolder } from '../support/tempFolder.ts';

const tempFolder = useTempFolder();
const quiet = { stdout: () => undefined, stderr: () => undefined, env: {} };

/** An archive with nothing in it yet (a command that reads no longer creates one). */
async function createEmptyArchive(databasePath: string): Promise<void> {
  await openScrollbackCore({ databasePath, logger: silentLogger }).close();
}

/** Another process holding the archive's write lock, with the note an import leaves, until its stdin closes. */
function holdWriteLock(databasePath: string): Promise<ChildProcessWithoutNullStreams> {
  const script = `
    import { openCacheDatabase } from ${JSON.stringify(path.resolve('electron/core/cache/openCacheDatabase.ts'))};
    import { nameThisProgram, noteWriting } from ${JSON.stringify(path.resolve('electron/core/cache/writerNotes.ts'))};
    nameThisProgram('scrollback import');
    const db = openCacheDatabase(${JSON.stringify(databasePath)});
    noteWriting(db.name, 'importing result.json');
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('holding\\n');
    process.stdin.resume();
    process.stdin.on('end', () => { db.exec('COMMIT'); db.close(); process.exit(0); });
  `;
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '--input-type=module', '-e', script], { stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (text: string) => text.includes('holding') && resolve(child));
    child.on('exit', (code) => reject(new Error(`the lock holder exited ${code}`)));
  });
}

describe('scrollback beside another process writing the same archive', () => {
  it('a download waits, says it waits for whom on stderr, and finishes once the other process is done', async () => {
    const databasePath = path.join(tempFolder(), 'scrollback.db');
    expect(await runCli(['--db', databasePath, 'demo'], quiet)).toBe(0);
    const holder = await holdWriteLock(databasePath);
    const cli = spawn(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', path.resolve('electron/cli/main.ts'), '--db', databasePath, 'sync', 'Ana Costa'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    cli.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      // Released only once the download has said it is waiting.
      if (stderr.includes('waiting…')) holder.stdin.end();
    });
    const code = await new Promise<number | null>((resolve) => cli.on('exit', resolve));
    expect(stderr).toMatch(
      new RegExp(
        `Another Scrollback process is importing; waiting… \\(scrollback import \\(process ${holder.pid}\\), importing result\\.json since`,
      ),
    );
    expect(stderr).not.toMatch(/INTERNAL|SqliteError|database is locked|Something went wrong/);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/Ana Costa: done/);
  });

  it('a short write that finds the archive locked ends in BUSY naming the holder, not a stack', async () => {
    const databasePath = path.join(tempFolder(), 'scrollback.db');
    await createEmptyArchive(databasePath);
    const holder = await holdWriteLock(databasePath);
    let stderr = '';
    try {
      const code = await runCli(['--db', databasePath, 'demo'], { ...quiet, stderr: (text) => (stderr += text) });
      expect(code).toBe(1);
    } finally {
      holder.stdin.end();
      await new Promise((resolve) => holder.on('exit', resolve));
    }
    expect(stderr).toMatch(
      new RegExp(
        `^scrollback: Another Scrollback process is writing to this archive: scrollback import \\(process ${holder.pid}\\), importing result\\.json since \\d\\d:\\d\\d:\\d\\d\\. Try again when it has finished\\.\\n$`,
      ),
    );
    expect(await runCli(['--db', databasePath, 'demo'], quiet)).toBe(0);
  });

  it('keeps its own log beside the database, only once something is logged, with credentials replaced', async () => {
    const folder = tempFolder();
    const databasePath = path.join(folder, 'scrollback.db');
    await createEmptyArchive(databasePath);
    expect(fs.existsSync(path.join(folder, 'logs'))).toBe(false);
    // In a process of its own, as a command: what it logged is in the file once it has exited.
    const script = `
      import { createCliLogger } from ${JSON.stringify(path.resolve('electron/cli/createCliLogger.ts'))};
      const logger = createCliLogger(${JSON.stringify(databasePath)});
      logger.error('a source failed', { token: 'abc123-secret-token', where: 'here' });
      await logger.close();
    `;
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '--input-type=module', '-e', script], {
      stdio: 'ignore',
    });
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
    const logs = path.join(folder, 'logs');
    const text = fs
      .readdirSync(logs)
      .map((file) => fs.readFileSync(path.join(logs, file), 'utf8'))
      .join('');
    expect(text).toContain('a source failed');
    expect(text).not.toContain('abc123-secret-token');
  });
});
