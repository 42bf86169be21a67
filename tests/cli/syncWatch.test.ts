import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/runCli.ts';
import { useTempFolder } from '../support/tempFolder.ts';

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
