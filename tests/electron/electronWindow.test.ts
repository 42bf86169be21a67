import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import type { ElectronApplication, Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';

/**
 * The real Electron window, driven by Playwright's Electron driver. Needs the Electron binary, which
 * `npm start` fetches on a machine with internet (prestart: install-electron); where it is absent the test
 * is skipped with the reason, and everything else is covered on Node and in Chromium.
 */
const root = path.resolve(import.meta.dirname, '../..');
const electronFolder = path.join(root, 'node_modules/electron');
const pathFile = path.join(electronFolder, 'path.txt');
const binary = fs.existsSync(pathFile) ? path.join(electronFolder, 'dist', fs.readFileSync(pathFile, 'utf8').trim()) : null;
const skipReason =
  binary && fs.existsSync(binary)
    ? null
    : 'Electron binary not installed here (no download possible); run `npx install-electron` on a machine with internet';
// The release workflow installs the binary: there a missing one is a failure, not a skip.
if (skipReason && process.env.SCROLLBACK_REQUIRE_ELECTRON === '1') throw new Error(`SCROLLBACK_REQUIRE_ELECTRON=1, but: ${skipReason}`);

/** The app's own window (on Linux a hidden about:blank page, where pictures are drawn, opens first). */
async function appWindow(app: ElectronApplication): Promise<Page> {
  await expect.poll(() => app.windows().some((page) => page.url().startsWith('app://')), { timeout: 60_000 }).toBe(true);
  const page = app.windows().find((candidate) => candidate.url().startsWith('app://'));
  if (!page) throw new Error('the app window went away');
  return page;
}

describe('Electron window', () => {
  it.skipIf(skipReason !== null)(
    `opens with the bridge and the security settings${skipReason ? ` — skipped: ${skipReason}` : ''}`,
    async () => {
      const { _electron } = await import('@playwright/test');
      const data = fs.mkdtempSync(path.join(os.tmpdir(), 'scrollback-electron-'));
      // Its own data folder, so that the second instance below meets this one's single-instance lock.
      const args = [path.join(root, 'out/main/index.js'), `--user-data-dir=${path.join(data, 'user-data')}`];
      const env = { ...process.env, SCROLLBACK_DB: path.join(data, 'e.db') };
      const app = await _electron.launch({ args, env });
      try {
        const page = await appWindow(app);
        await page.waitForSelector('[data-chat-id]');
        expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
        expect(await page.evaluate(() => typeof window.scrollback.getHistoryPage)).toBe('function');
        expect(await page.evaluate(() => 'ipcRenderer' in window.scrollback)).toBe(false);
        expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
        expect(await page.url()).toMatch(/^app:\/\/scrollback\//);
        // The CSP forbids eval; navigation away and new windows are denied.
        expect(
          await page.evaluate(() => {
            try {
              eval('1');
              return 'ran';
            } catch {
              return 'blocked';
            }
          }),
        ).toBe('blocked');
        const urlBefore = page.url();
        await page.evaluate(() => {
          window.location.href = 'https://example.org/';
        });
        await page.waitForTimeout(500);
        expect(page.url()).toBe(urlBefore);
        expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
        const untrusted = await page.evaluate(() =>
          window.scrollback.getHistoryPage({ chatId: -5, anchor: { kind: 'latest' }, limit: 1 } as never),
        );
        expect(untrusted).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

        // The demo's chat photos are drawn and served over app:// (on Linux by Chromium in the hidden page:
        // the process must still be alive and libvips never mapped into it), and a Range request gets 206.
        const chatId = await page.locator('[data-chat-id]').first().getAttribute('data-chat-id');
        const avatar = await page.evaluate(async (id) => {
          const whole = await fetch(`/media/${id}/avatar`);
          const part = await fetch(`/media/${id}/avatar`, { headers: { range: 'bytes=0-9' } });
          return {
            status: whole.status,
            type: whole.headers.get('content-type'),
            partStatus: part.status,
            partLength: (await part.arrayBuffer()).byteLength,
            contentRange: part.headers.get('content-range'),
          };
        }, chatId);
        expect(avatar).toMatchObject({
          status: 200,
          type: 'image/jpeg',
          partStatus: 206,
          partLength: 10,
          contentRange: expect.stringMatching(/^bytes 0-9\//),
        });
        if (process.platform === 'linux') {
          const libvipsMapped = await app.evaluate(() =>
            process.getBuiltinModule('fs').readFileSync('/proc/self/maps', 'utf8').includes('libvips'),
          );
          expect(libvipsMapped).toBe(false);
        }

        // A second start with the same data folder hands over and exits at once, with success.
        const second = spawn(binary!, args, { env, stdio: 'ignore' });
        const exitCode = await new Promise<number | null>((resolve) => second.on('exit', (code) => resolve(code)));
        expect(exitCode).toBe(0);
        expect(await page.evaluate(() => document.querySelectorAll('[data-chat-id]').length)).toBeGreaterThan(0);

        // A crashed window process is reloaded: the chat list comes back (read from main: Playwright's page of
        // a crashed renderer is not usable any more).
        await app.evaluate(({ BrowserWindow }) => {
          const window = BrowserWindow.getAllWindows().find((candidate) => candidate.webContents.getURL().startsWith('app://'));
          window?.webContents.forcefullyCrashRenderer();
        });
        await expect
          .poll(
            () =>
              app.evaluate(async ({ BrowserWindow }) => {
                const window = BrowserWindow.getAllWindows().find((candidate) => candidate.webContents.getURL().startsWith('app://'));
                if (!window || window.webContents.isCrashed() || window.webContents.isLoading()) return 0;
                const count: unknown = await window.webContents.executeJavaScript('document.querySelectorAll("[data-chat-id]").length');
                return typeof count === 'number' ? count : 0;
              }),
            { timeout: 60_000 },
          )
          .toBeGreaterThan(0);
      } finally {
        await app.close();
        fs.rmSync(data, { recursive: true, force: true });
      }
    },
  );
});
