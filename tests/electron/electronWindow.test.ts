import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

describe('Electron window', () => {
  it.skipIf(skipReason !== null)(
    `opens with the bridge and the security settings${skipReason ? ` — skipped: ${skipReason}` : ''}`,
    async () => {
      const { _electron } = await import('@playwright/test');
      const data = fs.mkdtempSync(path.join(os.tmpdir(), 'scrollback-electron-'));
      const app = await _electron.launch({
        args: [path.join(root, 'out/main/index.js')],
        env: { ...process.env, SCROLLBACK_DB: path.join(data, 'e.db') },
      });
      try {
        const page = await app.firstWindow();
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
      } finally {
        await app.close();
        fs.rmSync(data, { recursive: true, force: true });
      }
    },
  );
});
