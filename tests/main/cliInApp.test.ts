import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cliArgumentsOf } from '../../electron/main/cliArgumentsOf.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bundle = path.join(root, 'out/main/index.js');

describe('the app binary as the `scrollback` command', () => {
  it('reads a sub-command as the command line, and nothing, switches or a message link as the window', () => {
    expect(cliArgumentsOf(['/opt/Scrollback/scrollback', 'chats', '--json'], true)).toEqual(['chats', '--json']);
    expect(cliArgumentsOf(['/opt/Scrollback/scrollback', '--help'], true)).toEqual(['--help']);
    expect(cliArgumentsOf(['electron', '.', 'export', '3', '--format', 'jsonl'], false)).toEqual(['export', '3', '--format', 'jsonl']);
    expect(cliArgumentsOf(['/opt/Scrollback/scrollback'], true)).toBeNull();
    expect(cliArgumentsOf(['electron', '.'], false)).toBeNull();
    expect(cliArgumentsOf(['/opt/Scrollback/scrollback', '--no-sandbox'], true)).toBeNull();
    expect(cliArgumentsOf(['/Applications/Scrollback.app/Contents/MacOS/Scrollback', '-psn_0_12345'], true)).toBeNull();
    expect(cliArgumentsOf(['/opt/Scrollback/scrollback', 'scrollback://message?chat=1&id=2'], true)).toBeNull();
  });

  it.skipIf(!fs.existsSync(bundle))('the built main bundle answers `demo` and `chats --json` without opening a window', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scrollback-cli-in-app-'));
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['--import', path.join(root, 'tests/support/electronStub/register.mjs'), bundle, ...args], {
        encoding: 'utf8',
        env: { ...process.env, STUB_USER_DATA: folder, SCROLLBACK_DB: path.join(folder, 'cli.db'), ...env },
        timeout: 120_000,
      });
    const demo = run(['demo'], { STUB_EXIT_REPORT: '1' });
    expect(demo.status, demo.stderr).toBe(0);
    // The demo's pictures were drawn, on Linux by Chromium (the stub's hidden page is real) and never by libvips
    // in the app binary's process.
    const exit = demo.stdout.split('\n').find((line) => line.startsWith('STUB_EXIT '));
    expect(exit, demo.stderr).toBeDefined();
    const drawn = JSON.parse(exit!.slice('STUB_EXIT '.length));
    expect(drawn.windows).toBe(0);
    if (process.platform === 'linux') {
      expect(drawn.libvipsMapped, 'libvips is loaded in the app binary answering the command line').toBe(false);
      expect(drawn.imageDrawings).toBeGreaterThan(0);
    }
    const chats = run(['chats', '--json']);
    expect(chats.status, chats.stderr).toBe(0);
    expect(chats.stdout).not.toContain('STUB_REPORT'); // no window was made
    const listed = JSON.parse(chats.stdout) as Array<{ name: string }>;
    expect(listed.length).toBeGreaterThanOrEqual(4);
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
