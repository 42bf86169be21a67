import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface SandboxFacts {
  platform: string;
  restrictUserns: string | null;
  usernsClone: string | null;
  helper: { uid: number; mode: number } | null;
  helperPath: string;
}
const root = path.resolve(import.meta.dirname, '../..');
const { sandboxHint }: { sandboxHint: (facts: SandboxFacts) => string | null } = createRequire(import.meta.url)(
  '../../scripts/linuxSandboxHint.cjs',
);

const helperPath = '/home/ana/scrollback/node_modules/electron/dist/chrome-sandbox';
const ubuntu = { platform: 'linux', restrictUserns: '1\n', usernsClone: null, helper: { uid: 1000, mode: 0o100755 }, helperPath };

describe('`npm start` on a Linux that restricts the sandbox', () => {
  it('says what to run when user namespaces are restricted and the setuid helper is not set up', () => {
    const hint = sandboxHint(ubuntu);
    expect(hint).toContain(`sudo chown root:root "${helperPath}" && sudo chmod 4755 "${helperPath}"`);
    expect(hint).toMatch(/Ubuntu 23\.10/);
    expect(hint).toContain('npm run preview:web');
    // Debian's older switch says the same.
    expect(sandboxHint({ ...ubuntu, restrictUserns: null, usernsClone: '0' })).toContain('sudo chmod 4755');
  });

  it('says nothing where the sandbox can start: namespaces allowed, the helper set up, or not Linux', () => {
    expect(sandboxHint({ ...ubuntu, restrictUserns: '0' })).toBeNull();
    expect(sandboxHint({ ...ubuntu, restrictUserns: null })).toBeNull();
    expect(sandboxHint({ ...ubuntu, helper: { uid: 0, mode: 0o104755 } })).toBeNull();
    expect(sandboxHint({ ...ubuntu, helper: null })).toBeNull();
    expect(sandboxHint({ ...ubuntu, platform: 'darwin' })).toBeNull();
  });

  it('runs on the Node that npm start has (plain CommonJS), reading this machine', () => {
    const run = spawnSync(
      process.execPath,
      ['-e', "const h = require('./scripts/linuxSandboxHint.cjs'); console.log(typeof h.sandboxHint(h.machineFacts()))"],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toMatch(/^(string|object)$/);
  });
});
