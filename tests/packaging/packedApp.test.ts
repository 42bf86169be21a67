import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUSES, RELEASES } from '../../packaging/electronBuilderConfig.ts';
import { inspectPackedApp, type PackedAppReport } from '../../packaging/inspectPackedApp.ts';
import { makeIcons } from '../../packaging/makeIcons.ts';
import { ELECTRON_DEFAULT_FUSE_WIRE, writePlaceholderElectron } from '../../packaging/writePlaceholderElectron.ts';

/**
 * The real packer (electron-builder, `--linux dir`) packs the built app against a placeholder Electron, as
 * `npm run package` would on Linux, and the result is inspected: what the app loads at run time is inside,
 * native code is beside the asar, nothing of the developers' is packed, the fuses are flipped in the binary,
 * the updater knows where releases are, and the packed main bundle starts (under Node, with an Electron
 * stand-in) from the packed files alone.
 */
const root = path.resolve(import.meta.dirname, '../..');
const built = fs.existsSync(path.join(root, 'out/main/index.js')) && fs.existsSync(path.join(root, 'out/cli/main.js'));
const electronVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string })
  .version;
let work = '';

/** Packs with the project's configuration (plus `extraConfig` lines, for the negative test) into `output`. */
async function pack(output: string, extraFiles: string[] = []): Promise<string> {
  const config = path.join(work, `config-${path.basename(output)}.mjs`);
  fs.writeFileSync(
    config,
    `import config from ${JSON.stringify(path.join(root, 'packaging/electronBuilderConfig.ts'))};\n` +
      `export default { ...config, files: [...config.files, ...${JSON.stringify(extraFiles)}] };\n`,
  );
  const run = spawnSync(
    path.join(root, 'node_modules/.bin/electron-builder'),
    [
      '--linux',
      'dir',
      '--publish',
      'never',
      '--config',
      config,
      `-c.electronDist=${path.join(work, 'electron')}`,
      `-c.directories.output=${output}`,
      `-c.directories.buildResources=${path.join(work, 'build')}`,
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' }, timeout: 300_000 },
  );
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  return path.join(output, 'linux-unpacked');
}

let app = '';
let report: PackedAppReport;

describe.skipIf(!built || process.platform !== 'linux')('the packed app (electron-builder --linux dir)', () => {
  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'scrollback-pack-'));
    writePlaceholderElectron(path.join(work, 'electron'), electronVersion);
    await makeIcons(path.join(root, 'packaging/icon.svg'), path.join(work, 'build'));
    app = await pack(path.join(work, 'dist'));
    report = inspectPackedApp(app, {
      packageLockFile: path.join(root, 'package-lock.json'),
      platform: process.platform,
      extractTo: path.join(work, 'extracted'),
    });
  }, 300_000);
  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('holds everything the app loads, native code unpacked beside the asar, no devDependency, only this platform’s binaries', () => {
    expect(report.problems).toEqual([]);
    expect(report.modules).toEqual(
      expect.arrayContaining(['better-sqlite3', 'sharp', 'telegram', 'pino', 'pino-roll', 'htmlparser2', 'electron-updater']),
    );
    expect(report.unpackedNative).toEqual(
      expect.arrayContaining([
        `node_modules/better-sqlite3/prebuilds/linux-${process.arch}.node`,
        expect.stringMatching(/^node_modules\/@img\/sharp-libvips-linux-[^/]+\/lib\/libvips-cpp\.so/),
      ]),
    );
    // The packed package.json is the app's, not the developers': no scripts, no devDependencies.
    const packedManifest = JSON.parse(fs.readFileSync(path.join(report.extractedTo, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(packedManifest).not.toHaveProperty('scripts');
    expect(packedManifest).not.toHaveProperty('devDependencies');
    expect(packedManifest.main).toBe('out/main/index.js');
    // Half of the 86 MB the first unconfigured pack weighed (the README states the figure).
    expect(report.bytes).toBeLessThan(43_000_000);
  });

  it('reads back the fuses flipped in the packed binary and the update feed', async () => {
    const wire = await getCurrentFuseWire(path.join(app, 'scrollback'));
    const flipped = [0, 1, 2, 3, 4, 5, 6, 7].map((fuse) => String.fromCharCode(wire[fuse as keyof typeof wire] as number)).join('');
    // Wire order: RunAsNode, cookie encryption, NODE_OPTIONS, inspect arguments, asar integrity, only-from-asar,
    // the browser V8 snapshot, file:// privileges.
    const expected = [
      FUSES.runAsNode,
      FUSES.enableCookieEncryption,
      FUSES.enableNodeOptionsEnvironmentVariable,
      FUSES.enableNodeCliInspectArguments,
      FUSES.enableEmbeddedAsarIntegrityValidation,
      FUSES.onlyLoadAppFromAsar,
      FUSES.loadBrowserProcessSpecificV8Snapshot,
      FUSES.grantFileProtocolExtraPrivileges,
    ]
      .map((on) => (on ? '1' : '0'))
      .join('');
    expect(flipped).toBe(expected);
    expect(flipped).toBe('01001100');
    expect(flipped).not.toBe(ELECTRON_DEFAULT_FUSE_WIRE);
    const feed = fs.readFileSync(path.join(app, 'resources/app-update.yml'), 'utf8');
    expect(feed).toContain(`provider: ${RELEASES.provider}`);
    expect(feed).toContain(`owner: ${RELEASES.owner}`);
    expect(feed).toContain(`repo: ${RELEASES.repo}`);
  });

  it('starts from the packed files alone: the main bundle opens its archive and serves the window', () => {
    const userData = path.join(work, 'user-data');
    fs.mkdirSync(userData);
    const run = spawnSync(
      process.execPath,
      ['--import', path.join(root, 'tests/support/electronStub/register.mjs'), path.join(report.extractedTo, 'out/main/index.js')],
      { cwd: report.extractedTo, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', STUB_USER_DATA: userData }, timeout: 120_000 },
    );
    const line = run.stdout.split('\n').find((candidate) => candidate.startsWith('STUB_REPORT '));
    expect(line, run.stderr).toBeDefined();
    const started = JSON.parse(line!.slice('STUB_REPORT '.length)) as { listChats: { ok: boolean; value: unknown[] }; windows: unknown[] };
    expect(started.listChats.ok).toBe(true);
    expect(started.listChats.value.length).toBeGreaterThanOrEqual(4); // the demo archive: better-sqlite3 and sharp loaded
    expect(started.windows).toHaveLength(1);
  });

  it('fails when a module the app loads is left out of the package', async () => {
    const broken = await pack(path.join(work, 'dist-without-pino-roll'), ['!node_modules/pino-roll/**']);
    const brokenReport = inspectPackedApp(broken, {
      packageLockFile: path.join(root, 'package-lock.json'),
      platform: process.platform,
      extractTo: path.join(work, 'extracted-broken'),
    });
    expect(brokenReport.problems).toEqual([expect.stringContaining('pino-roll')]);
  }, 300_000);
});
