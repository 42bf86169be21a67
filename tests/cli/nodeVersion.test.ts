import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** An installed Node older than 22.18 (Debian's, here), to run the commands the way a person with one would. */
function oldNode(): string | null {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    if (!fs.existsSync(candidate)) continue;
    const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^v/, '');
    const [major = 0, minor = 0] = version.split('.').map(Number);
    if (major < 22 || (major === 22 && minor < 18)) return candidate;
  }
  return null;
}

const node = oldNode();
const ONE_LINE = /^Scrollback needs Node 22\.18 or newer \(this is Node \d+\.\d+\.\d+\): install it .*\n$/;

describe.skipIf(node === null)(`on an older Node${node === null ? ' — skipped: no Node older than 22.18 is installed here' : ''}`, () => {
  const env = { ...process.env, PATH: `${path.dirname(node ?? '')}:/bin` };

  it('the scrollback command stops at once with one line saying which Node is needed', () => {
    const run = spawnSync(node!, [path.resolve('bin/scrollback.js'), '--help'], { encoding: 'utf8', env });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(ONE_LINE);
    expect(run.stdout).toBe('');
  });

  it('npm ci stops before installing anything (engine-strict in .npmrc)', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scrollback-old-node-'));
    for (const file of ['package.json', 'package-lock.json', '.npmrc']) fs.copyFileSync(path.resolve(file), path.join(folder, file));
    const run = spawnSync(path.join(path.dirname(node!), 'npm'), ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
      encoding: 'utf8',
      env,
      cwd: folder,
      timeout: 120_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/Required: \{"node":">=22\.18"\}/);
    expect(fs.existsSync(path.join(folder, 'node_modules'))).toBe(false);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('npm test and npm run cli stop at once with the same line', () => {
    const npm = path.join(path.dirname(node!), 'npm');
    if (!fs.existsSync(npm)) return;
    for (const script of [['test'], ['run', 'cli', '--', '--help']]) {
      const run = spawnSync(npm, ['--silent', ...script], { encoding: 'utf8', env, cwd: path.resolve('.') });
      expect(run.status, script.join(' ')).not.toBe(0);
      expect(run.stderr.split('\n').filter((line) => line.startsWith('Scrollback needs Node'))).toHaveLength(1);
      expect(run.stdout).not.toMatch(/vitest|tsc/);
    }
  });
});

describe('npm start where the Electron binary cannot be fetched', () => {
  it('says so in one line and offers the browser preview', (context) => {
    const electronBinary = path.resolve('node_modules/electron/dist');
    if (fs.existsSync(electronBinary)) context.skip('the Electron binary is installed here, so there is nothing to refuse');
    const run = spawnSync(process.execPath, [path.resolve('scripts/installElectron.cjs')], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    // In words first (this machine has no network: the offline wording), the raw reason after, one line.
    expect(run.stderr).toMatch(
      /^The Electron binary could not be downloaded: this computer could not reach the download server \(offline, or behind a proxy or firewall\) \(.+\)\. Try again once online, or run Scrollback in your browser now with `npm run preview:web` \(same app, same data\)\.\n$/,
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
