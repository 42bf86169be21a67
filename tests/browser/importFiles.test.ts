import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserSkipReason, saveScreenshot } from './support/startBrowserSession.ts';
import { useBrowserSession } from './support/useBrowserSession.ts';
import { scroller } from './support/listGeometry.ts';
import { writeTelegramExport } from '../support/writeTelegramExport.ts';
import { writeExportFolderWithMedia } from '../support/writeExportFolderWithMedia.ts';
import { importAppNames, importDropWording } from '../../shared/importFormats.ts';
import { importFormatInfos } from '../../electron/core/import/importFormats.ts';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)(`importing export files in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  const browserSession = useBrowserSession();

  it('File → Import… (Ctrl+O) shows progress, then what was added per chat, and the chats open under "Imported"', async () => {
    const { page, folder } = browserSession();
    const telegram = path.join(folder, 'result.json');
    writeTelegramExport(telegram, 120_000, { name: 'Imported club' });
    const whatsapp = path.join(folder, 'WhatsApp Chat with Rita.txt');
    writeFileSync(
      whatsapp,
      '12/01/2024, 10:00 - Rita: Olá!\n12/01/2024, 10:01 - Rita: <Media omitted>\n13/01/2024, 21:30 - Rita: Até amanhã\n',
    );
    browserSession().dialogs.openPaths = [telegram, whatsapp];
    await page.waitForSelector('[data-chat-id]');
    await page.keyboard.press('Control+o');
    await page.waitForSelector('.import-panel progress', { timeout: 20_000 });
    await saveScreenshot(page, 'import-progress');
    await page.waitForSelector('.import-panel.done', { timeout: 60_000 });
    const summary = await page.textContent('.import-panel.done');
    expect(summary).toContain('Imported club 120,000 new');
    expect(summary).toContain('Rita 3 new');
    await saveScreenshot(page, 'import-done');
    await page.click('.import-panel.done >> text=Rita');
    await page.waitForSelector(`${scroller}[aria-label^="Messages in Rita"] [data-message-id]`);
    // An imported chat is whole: nothing to download, nothing to keep up to date.
    expect(await page.locator('[data-testid="sync-start"], [data-testid="keep-current"]').count()).toBe(0);
    const texts = await page.$$eval(`${scroller} [data-message-id]`, (rows) => rows.map((row) => row.textContent ?? ''));
    expect(texts.some((text) => text.includes('Até amanhã'))).toBe(true);
    expect(await page.textContent('[data-chat-id]:has-text("Imported club")')).toContain('Imported');
  }, 120_000);

  it('says what was wrong with a file that is not an export, naming it', async () => {
    const { page, folder } = browserSession();
    const notes = path.join(folder, 'notes.txt');
    writeFileSync(notes, 'shopping list\nmilk\n');
    browserSession().dialogs.openPaths = [notes];
    await page.click('.import-panel button:has-text("Close")');
    await page.keyboard.press('Control+o');
    await page.waitForSelector('.import-panel.error');
    expect(await page.textContent('.import-panel.error')).toContain(
      'notes.txt, line 1: “shopping list” is not the start of a WhatsApp message',
    );
  }, 60_000);

  it('files dragged over the window: the overlay names the apps of every format main reads (its registry)', async () => {
    const { page } = browserSession();
    const drag = (type: 'dragover' | 'dragleave') =>
      page.evaluate((kind) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['x'], 'chat.txt'));
        window.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, cancelable: true, relatedTarget: null }));
      }, type);
    await drag('dragover');
    const expected = importDropWording(importFormatInfos());
    expect(expected).toContain(importAppNames(importFormatInfos()));
    await page.waitForSelector(`.drop-overlay:has-text("${expected}")`);
    await drag('dragleave');
    await page.waitForSelector('.drop-overlay', { state: 'detached' });
  }, 60_000);

  it('shows the photos that came with a Telegram export folder, and only those', async () => {
    const { page, folder } = browserSession();
    const exportFolder = writeExportFolderWithMedia(path.join(folder));
    browserSession().dialogs.openPaths = [exportFolder];
    await page.click('.import-panel button:has-text("Close")');
    await page.keyboard.press('Control+o');
    await page.waitForSelector('.import-panel.done');
    await page.click('.import-panel.done >> text=Photos');
    const list = `${scroller}[aria-label^="Messages in Photos"]`;
    // The one photo inside the export folder is drawn (its thumbnail made from the stored copy); the four
    // that point outside it, were not downloaded or are missing have no file, and say so.
    await page.waitForFunction(
      (selector) =>
        document.querySelectorAll(`${selector} .media-visual .previewed-image[data-state="loaded"]`).length === 1 &&
        document.querySelectorAll(`${selector} .media-visual .previewed-image[data-state="failed"]`).length === 4,
      list,
    );
    expect(
      await page.$$eval(`${list} .media-visual img.full`, (images) => images.map((image) => (image as HTMLImageElement).naturalWidth)),
    ).toEqual([1]);
  }, 60_000);
});
