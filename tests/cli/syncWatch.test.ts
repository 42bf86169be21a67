import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/runCli.ts';
import { useTempFolder } from '../support/tempFolder.ts';
import { openCacheDatabase } from '../../electron/core/cache/openCacheDatabase.ts';
import { markDeletedByIds } from '../../electron/core/cache/messageQueries.ts';

const tempFolder = useTempFolder();

describe('scrollback sync --watch', () => {
  it('refreshes the chat now and every --every minutes, one line per refresh, until Ctrl+C, then exits 0', async () => {
    const db = path.join(tempFolder(), 'watch.db');
    expect(await runCli(['--db', db, 'demo'], { stdout: () => undefined, stderr: () => undefined, env: {} })).toBe(0);
    const child = spawn(
      process.execPath,
      [
        '--disable-warning=ExperimentalWarning',
        path.resolve('electron/cli/main.ts'),
        '--db',
        db,
        'sync',
        'Ana Costa',
        '--watch',
        '--every',
        '0.005',
        '--json',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      if (!interrupted && (stderr.match(/refreshed:/g) ?? []).length >= 2) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('Watching Ana Costa: refreshing every 0.005 min');
    expect(stderr).toMatch(/Ana Costa: refreshed: \d+ new, 0 edited, 0 deleted at the source \(on this computer now: [\d,]+\)/);
    expect(stderr.trim().endsWith('Stopped.')).toBe(true);
    const results = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { added: number; edited: number });
    expect(results.length).toBeGreaterThanOrEqual(2);
    expect(results[0]!.added).toBeGreaterThan(0);
    expect(results[1]).toMatchObject({ added: 0, edited: 0 });
  }, 60_000);

  it('changes lists what changed since a date: here two messages found deleted at the source', async () => {
    const db = path.join(tempFolder(), 'changes.db');
    const io = { stdout: () => undefined, stderr: () => undefined, env: {} };
    expect(await runCli(['--db', db, 'demo'], io)).toBe(0);
    expect(await runCli(['--db', db, 'history', 'Ana Costa', '--limit', '20'], io)).toBe(0);
    const cache = openCacheDatabase(db);
    const chatId = (cache.prepare("SELECT id FROM chats WHERE name = 'Ana Costa'").get() as { id: number }).id;
    const ids = (
      cache.prepare('SELECT source_msg_id AS id FROM messages WHERE chat_id = ? LIMIT 2').all(chatId) as Array<{ id: string }>
    ).map((row) => row.id);
    markDeletedByIds(cache, chatId, ids, Date.now());
    cache.close();
    let stdout = '';
    let stderr = '';
    const since = new Date(Date.now() - 60_000).toISOString();
    const code = await runCli(['--db', db, 'changes', 'Ana Costa', '--since', since, '--json'], {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      env: {},
    });
    expect(code, stderr).toBe(0);
    const changes = JSON.parse(stdout) as Array<{ kind: string; message: { id: string } }>;
    expect(
      changes
        .filter((change) => change.kind === 'deleted')
        .map((change) => change.message.id)
        .sort(),
    ).toEqual([...ids].sort());
    let text = '';
    expect(
      await runCli(['--db', db, 'changes', '--since', since], { stdout: (t) => (text += t), stderr: (t) => (stderr = t), env: {} }),
    ).toBe(0);
    // Results and their summary on stdout, at local times.
    expect(text.match(/^\d{4}-\d\d-\d\d \d\d:\d\d {2}deleted at the source {2}Ana Costa #/gm)).toHaveLength(2);
    expect(text).toMatch(/^On this computer since \d{4}-\d\d-\d\d \d\d:\d\d: \d+ new, 0 edited, 2 deleted at the source\.$/m);
    expect(text).not.toMatch(/T\d\d:\d\d:\d\d/);
  });

  it('says --every goes with --watch', async () => {
    let stderr = '';
    const code = await runCli(['--db', path.join(tempFolder(), 'x.db'), 'sync', '1', '--every', '5'], {
      stdout: () => undefined,
      stderr: (text) => (stderr += text),
      env: {},
    });
    expect(code).toBe(2);
    expect(stderr).toContain('--every goes with --watch');
  });
});
