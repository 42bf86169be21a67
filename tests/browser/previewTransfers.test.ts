import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSkipReason } from './support/startBrowserSession.ts';
import { useBrowserSession } from './support/useBrowserSession.ts';
import { writeTelegramExport } from '../support/writeTelegramExport.ts';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)(
  `the browser preview without native dialogs: import by upload, export by download${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    const browserSession = useBrowserSession({ preview: true });

    it('Ctrl+O opens a file picker; the picked export is uploaded and imported', async () => {
      const { page, folder, core } = browserSession();
      const file = path.join(folder, 'result.json');
      writeTelegramExport(file, 300, { name: 'Picked in the browser', chatId: 9191 });
      // Waiting for the chooser first turns on Playwright's file-chooser interception (a message of its own)
      // well before the key is pressed; and the window is up (chats listed, picker in place) before it is.
      const chooser = page.waitForEvent('filechooser');
      await page.waitForSelector('[data-chat-id]');
      await page.waitForSelector('[data-testid="import-file-input"]', { state: 'attached' });
      await page.keyboard.press('Control+o');
      await (await chooser).setFiles(file);
      await page.waitForSelector('.import-panel.done');
      expect(await page.textContent('.import-panel.done')).toContain('Picked in the browser');
      const chat = core.listChats().find((candidate) => candidate.name === 'Picked in the browser')!;
      expect(chat.cachedCount).toBeGreaterThan(290);
      // Nothing of the computer's own files is read by path from the page: the import read the uploaded copy.
      expect(browserSession().logs.join('\n')).not.toContain(file);
    });

    it('a file dropped on the window is uploaded and imported', async () => {
      const { page, core } = browserSession();
      const chat = readFileSync(path.resolve('../shared/fixtures/whatsapp/Pustur__whatsapp-chat-parser__samples__short-chat.txt'));
      await page.evaluate(
        async (bytes) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([new Uint8Array(bytes)], 'WhatsApp Chat with Dropped.txt', { type: 'text/plain' }));
          window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, cancelable: true }));
          window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
        },
        [...chat],
      );
      await page.waitForFunction(() => /Dropped/.test(document.querySelector('.import-panel.done')?.textContent ?? ''));
      expect(core.listChats().some((candidate) => candidate.name.includes('Dropped'))).toBe(true);
    });

    it('WhatsApp times are read in the zone chosen in Settings, and the result says which', async () => {
      const { page, core } = browserSession();
      await page.click('.import-panel.done button:has-text("Close")');
      // The zone is chosen in Settings.
      await page.click('[data-testid="open-settings"]');
      await page.selectOption('[data-testid="whatsapp-time-zone"]', 'Asia/Tokyo');
      await page.keyboard.press('Escape');
      await page.waitForSelector('.settings-dialog', { state: 'detached' });
      await page.evaluate(async () => {
        const transfer = new DataTransfer();
        transfer.items.add(
          new File(['15/07/2024, 12:00 - Kai: lunch at noon, Tokyo time\n'], 'WhatsApp Chat with Kai.txt', { type: 'text/plain' }),
        );
        window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, cancelable: true }));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
      });
      await page.waitForFunction(() => /Kai/.test(document.querySelector('.import-panel.done')?.textContent ?? ''));
      expect(await page.textContent('[data-testid="import-time-zone"]')).toBe('WhatsApp times read in Asia/Tokyo');
      const chat = core.listChats().find((candidate) => candidate.name.includes('Kai'))!;
      // Noon in Tokyo is 03:00 UTC.
      expect(new Date(core.getChat(chat.id).lastMessageDate!).toISOString()).toBe('2024-07-15T03:00:00.000Z');
      // Back to this computer's zone: the next import says so.
      await page.click('[data-testid="open-settings"]');
      await page.selectOption('[data-testid="whatsapp-time-zone"]', '');
      await page.keyboard.press('Escape');
      await page.waitForSelector('.settings-dialog', { state: 'detached' });
    });

    it('an export finishes with Download, which saves the file through the browser', async () => {
      const { page, core } = browserSession();
      const chat = core.listChats().find((candidate) => candidate.name === 'Picked in the browser')!;
      await page.click(`[data-chat-id="${chat.id}"]`);
      await page.keyboard.press('Control+e');
      await page.waitForSelector('.export-dialog[open]');
      await page.click('.export-dialog input[value="txt"]');
      await page.click('.export-dialog button[type="submit"]');
      await page.waitForSelector('.export-strip.done');
      const download = page.waitForEvent('download');
      await page.click('[data-testid="export-download"]');
      const saved = await download;
      expect(saved.suggestedFilename()).toBe('Picked in the browser.txt');
      const text = readFileSync(await saved.path(), 'utf8');
      expect(text.startsWith('Picked in the browser\n')).toBe(true);
      expect(text.split('\n').filter((line) => line.startsWith('[')).length).toBe(chat.cachedCount);
    });

    it('refuses a download of any file an export of this preview did not write', async () => {
      const { harness } = browserSession();
      const token = new URL(harness.url).hash.slice('#token='.length);
      const response = await fetch(`http://127.0.0.1:${harness.port}/download-ticket`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-scrollback-token': token, host: `127.0.0.1:${harness.port}` },
        body: JSON.stringify({ path: '/etc/passwd' }),
      });
      expect(response.status).toBe(403);
      const upload = await fetch(`http://127.0.0.1:${harness.port}/upload?batch=abcdefgh12`, {
        method: 'POST',
        headers: { 'x-scrollback-token': token, 'x-file-name': encodeURIComponent('../../escape.txt') },
        body: 'x',
      });
      expect(upload.status).toBe(400);
    });
  },
);
