import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { ipcMethodNames, ipcChannelFor } from '../../shared/ipc/methods.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy.ts';
import { APP_ID } from '../../shared/appIdentity.ts';

/**
 * The built main bundle (what `npm start` runs), started on plain Node with a recording stand-in for the
 * `electron` module: proves the bundle loads and wires everything, where the real binary cannot run.
 */
const root = path.resolve(import.meta.dirname, '../..');
const bundle = path.join(root, 'out/main/index.js');
/** On Linux the app draws pictures in a hidden Chromium page, which the stub runs in a real Chromium. */
const noChromium =
  process.platform === 'linux' &&
  !process.env.SCROLLBACK_CHROMIUM &&
  !fs.existsSync('/usr/bin/chromium') &&
  !fs.existsSync(chromium.executablePath());

describe('built Electron main bundle', () => {
  it.skipIf(!fs.existsSync(bundle) || noChromium)(
    'starts, registers every IPC method behind the frame check, and serves the window over app:// with the CSP; a crashed page reloads; a link with no window opens one',
    async () => {
      const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'scrollback-main-'));
      // Last closed on a monitor since unplugged: the window opens on the one display, at a size that fits it.
      fs.writeFileSync(path.join(userData, 'window-state.json'), JSON.stringify({ width: 2400, height: 1300, x: 3000, y: 200 }));
      const run = spawnSync(process.execPath, ['--import', path.join(root, 'tests/support/electronStub/register.mjs'), bundle], {
        encoding: 'utf8',
        env: { ...process.env, STUB_USER_DATA: userData, SCROLLBACK_DB: '', STUB_SCENARIOS: '1' },
        timeout: 30_000,
      });
      const line = run.stdout.split('\n').find((l) => l.startsWith('STUB_REPORT '));
      expect(line, run.stderr).toBeDefined();
      const report = JSON.parse(line!.slice('STUB_REPORT '.length));
      expect(report.name).toBe('Scrollback');
      expect(report.schemes).toEqual(['app']);
      // scrollback:// message links (Copy link) are handed to the running app by the system.
      expect(report.protocolClients).toEqual(['scrollback']);
      expect(report.events).toEqual(expect.arrayContaining(['open-url', 'second-instance']));
      expect(report.permissionHandler).toBe(true);
      expect([...report.ipcChannels].sort()).toEqual(ipcMethodNames.map(ipcChannelFor).sort());
      expect(report.windows[0].url).toBe('app://scrollback/index.html');
      expect(report.windows[0].options).toMatchObject({ width: 1920, height: 1040, show: false });
      expect(report.windows[0].options.x).toBeUndefined();
      expect(report.windows[0].options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
      expect(report.preloadExists).toBe(true);
      expect(report.page).toMatchObject({ status: 200, csp: CONTENT_SECURITY_POLICY });
      expect(report.page.type).toMatch(/text\/html/);
      expect(report.traversal).toBe(404);
      expect(report.listChats.ok).toBe(true);
      expect(report.listChats.value.length).toBeGreaterThanOrEqual(4); // the demo archive, set up on first start
      expect(report.untrusted).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(report.menu).toEqual(expect.arrayContaining(['&File', '&Go', '&View']));
      // A chat photo drawn on request (the demo renders it from an SVG), and on Linux never by libvips in this
      // process: the demo's previews and that photo were drawn by Chromium (the stub's hidden page is real).
      expect(report.avatar).toEqual({ status: 200, type: 'image/jpeg', jpeg: true });
      if (process.platform === 'linux') {
        expect(report.libvipsMapped, 'libvips is loaded in the Electron main process on Linux').toBe(false);
        expect(report.imageDrawings).toBeGreaterThan(0);
      }
      // The window's process crashed: logged, and the page reloaded.
      expect(report.reloads).toBe(1);
      // Then the window was closed and a link arrived (macOS open-url): a window opened, and the link was
      // delivered to it once its page had loaded.
      expect(report.windows).toHaveLength(2);
      expect(report.sent).toContainEqual({ kind: 'openMessage', chatId: 3, messageId: '41' });
      // The log a user can find: in the data folder, from the first start.
      const logs = fs.readdirSync(path.join(userData, 'logs')).filter((name) => name.endsWith('.log'));
      expect(logs.length).toBeGreaterThan(0);
      await expect
        .poll(() => logs.map((name) => fs.readFileSync(path.join(userData, 'logs', name), 'utf8')).join(''))
        .toMatch(/the window's process ended: crashed \(exit code 139\)/);
      fs.rmSync(userData, { recursive: true, force: true });
    },
  );

  it.skipIf(!fs.existsSync(bundle))(
    'a second instance exits at once: no archive, no window, no handlers (on Windows, after its AppUserModelID)',
    () => {
      const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'scrollback-second-'));
      const run = spawnSync(process.execPath, ['--import', path.join(root, 'tests/support/electronStub/register.mjs'), bundle], {
        encoding: 'utf8',
        env: { ...process.env, STUB_USER_DATA: userData, STUB_SECOND_INSTANCE: '1', STUB_PLATFORM: 'win32', SCROLLBACK_DB: '' },
        timeout: 30_000,
      });
      const line = run.stdout.split('\n').find((l) => l.startsWith('STUB_REPORT '));
      expect(line, run.stderr).toBeDefined();
      const report = JSON.parse(line!.slice('STUB_REPORT '.length));
      expect(run.status).toBe(0);
      expect(report.exitCode).toBe(0);
      expect(report.windows).toEqual([]);
      expect(report.ipcChannels).toEqual([]);
      expect(report.userDataFiles).toEqual([]);
      // Windows ties notifications and the taskbar to the id the installer stamps on its shortcuts.
      expect(report.appUserModelId).toBe(APP_ID);
      fs.rmSync(userData, { recursive: true, force: true });
    },
  );

  it.skipIf(!fs.existsSync(bundle))(
    'loads GramJS only when a Telegram chat is used: nothing the main bundle imports at start imports it',
    () => {
      const staticImports = (file: string): string[] =>
        [...fs.readFileSync(file, 'utf8').matchAll(/^import [^;]*? from "([^"]+)";/gm)].map((match) => match[1]!);
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const target of staticImports(file)) {
          expect(target, `${path.relative(root, file)} imports GramJS at start`).not.toMatch(/^telegram(\/|$)/);
          if (target.startsWith('.')) visit(path.resolve(path.dirname(file), target));
        }
      };
      visit(bundle);
      expect(seen.size).toBeGreaterThan(1);
      // …while the lazily loaded chunks do hold it.
      const chunks = fs
        .readdirSync(path.join(root, 'out/main/chunks'))
        .map((name) => fs.readFileSync(path.join(root, 'out/main/chunks', name), 'utf8'));
      expect(chunks.some((text) => /from "telegram"/.test(text))).toBe(true);
    },
  );
});
