import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScrollbackError } from '../../shared/errors.ts';
import { exportFormats } from '../../electron/core/export/exportFormats.ts';
import { runExportJob } from '../../electron/core/export/runExportJob.ts';
import { findImportInputs } from '../../electron/core/import/findImportInputs.ts';
import { importFile } from '../../electron/core/import/importFile.ts';
import { browserSkipReason, saveScreenshot } from './support/startBrowserSession.ts';
import { useBrowserSession } from './support/useBrowserSession.ts';

const skipReason = browserSkipReason();

const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '</script><script>window.__pwned = "close"</script>',
  '<!-- <script>window.__pwned = "comment"</script> -->',
  '<svg onload="window.__pwned = \'svg\'"></svg>',
  '\u2028<iframe srcdoc="<script>parent.__pwned = 1</script>">',
];

describe.skipIf(skipReason !== null)(
  `exporting from the window, and the HTML export in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    const browserSession = useBrowserSession();

    it('File → Export Chat… (Ctrl+E): format, scope and an estimate, then progress, "Show in folder"', async () => {
      const { page, core, folder } = browserSession();
      const chat = core.listChats().find((candidate) => candidate.name === 'Ana Costa')!;
      core.sync.start({ chatId: chat.id, from: null, to: null });
      await core.sync.settled(chat.id);
      await page.click(`[data-chat-id="${chat.id}"]`);
      await page.keyboard.press('Control+e');
      await page.waitForSelector('.export-dialog[open]');
      await page.click('.export-dialog input[value="csv"]');
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="export-estimate"]')?.textContent?.includes('900 cached messages'),
      );
      await saveScreenshot(page, 'export-dialog');
      const target = path.join(folder, 'ana.csv');
      browserSession().dialogs.savePath = target;
      await page.click('.export-dialog button[type="submit"]');
      await page.waitForSelector('.export-strip.done');
      expect(await page.textContent('.export-strip.done')).toContain('Exported 900 messages to ana.csv');
      await page.click('.export-strip.done button:has-text("Show in folder")');
      await expect.poll(() => browserSession().shownInFolder).toEqual([target]);
      const csv = readFileSync(target, 'utf8');
      expect(csv.startsWith('\ufeff"id","date_utc"')).toBe(true);
      expect(csv.trim().split('\r\n')).toHaveLength(901);
    }, 60_000);

    it('the chat list context menu exports too; cancelling the save dialog starts nothing', async () => {
      const { page, core } = browserSession();
      const chat = core.listChats().find((candidate) => candidate.name === 'Ana Costa')!;
      await page.click('.export-strip.done button:has-text("Close")');
      await page.click(`[data-chat-id="${chat.id}"]`, { button: 'right' });
      await page.click('.context-menu >> text=Export chat…');
      await page.waitForSelector('.export-dialog[open]');
      browserSession().dialogs.savePath = null;
      await page.click('.export-dialog button[type="submit"]');
      await page.waitForSelector('.export-dialog', { state: 'detached' });
      expect(await page.$('.export-strip')).toBeNull();
    }, 30_000);

    it('the dialog offers every format of core’s registry, and each exports from the window to a file of its kind', async () => {
      const { page, core, folder } = browserSession();
      const chat = core.listChats().find((candidate) => candidate.name === 'Ana Costa')!;
      // The whole chat on this computer first (as the first test leaves it), so this test runs alone too.
      core.sync.start({ chatId: chat.id, from: null, to: null });
      await core.sync.settled(chat.id);
      for (const format of exportFormats) {
        await page.click(`[data-chat-id="${chat.id}"]`);
        await page.keyboard.press('Control+e');
        await page.waitForSelector('.export-dialog[open] input[name="format"]');
        const offered = await page.$$eval('.export-dialog input[name="format"]', (inputs) =>
          inputs.map((input) => ({ id: (input as HTMLInputElement).value, label: input.parentElement!.textContent.trim() })),
        );
        expect(offered).toEqual(exportFormats.map(({ id, label }) => ({ id, label })));
        await page.click(`.export-dialog input[value="${format.id}"]`);
        const target = path.join(folder, `ana-every-format.${format.extension}`);
        browserSession().dialogs.savePath = target;
        await page.click('.export-dialog button[type="submit"]');
        await page.waitForSelector('.export-strip.done');
        expect(await page.textContent('.export-strip.done')).toContain(`Exported 900 messages to ana-every-format.${format.extension}`);
        await page.click('.export-strip.done button:has-text("Close")');
        const [record] = core.exports.listExports(chat.id);
        expect(record).toMatchObject({ format: format.id, target, written: 900 });
        expect(statSync(target).size).toBeGreaterThan(900);
      }
    }, 120_000);

    it('an HTML export of messages full of HTML and script runs none of it, and shows them as text', async () => {
      const { folder, browser } = browserSession();
      const source = path.join(folder, 'payloads.json');
      const messages = Array.from({ length: 400 }, (_, i) => ({
        id: i + 1,
        type: 'message',
        date_unixtime: String(1_700_000_000 + i * 60),
        from: i % 2 ? '<b onmouseover="window.__pwned=\'name\'">Mallory</b>' : 'Alice',
        from_id: `user${i % 2}`,
        text: PAYLOADS[i % PAYLOADS.length],
      }));
      writeFileSync(source, JSON.stringify({ name: '<script>window.__pwned="title"</script>', type: 'personal_chat', id: 66, messages }));
      const dbPath = path.join(folder, 'payloads.db');
      const { openCacheDatabase } = await import('../../electron/core/cache/openCacheDatabase.ts');
      const db = openCacheDatabase(dbPath);
      const [result] = findImportInputs(source).map((input) => importFile(db, input));
      db.close();
      const target = path.join(folder, 'payloads.html');
      runExportJob({
        databasePath: dbPath,
        request: {
          chatId: result!.chats[0]!.chatId,
          format: 'html',
          from: null,
          to: null,
          filter: null,
          includeService: true,
          csvBom: false,
        },
        target,
      });
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`file://${target}`);
      await page.waitForSelector('.msg');
      // Scroll through everything and search, so every row is drawn at least once.
      for (let top = 0; top < 400 * 64; top += 600) await page.evaluate((y) => document.getElementById('scroller')!.scrollTo(0, y), top);
      await page.fill('#search', 'onerror');
      await page.press('#search', 'Enter');
      await page.hover('.msg >> nth=0');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      expect(await page.$$eval('.msg script, .msg img, .msg svg, .msg iframe, .msg .body *, .msg .head b *', (nodes) => nodes.length)).toBe(
        0,
      );
      const texts = await page.$$eval('.msg .body', (rows) => rows.map((row) => row.textContent));
      expect(texts.some((text) => text?.includes('<img src=x onerror='))).toBe(true);
      expect(await page.title()).toBe('<script>window.__pwned="title"</script> — Scrollback export');
      await saveScreenshot(page, 'html-export');
      await page.close();
    }, 60_000);

    it('an HTML export with media shows thumbnails beside it, folds accents in its search like the app, and clears a stale highlight', async () => {
      const { core, folder, browser } = browserSession();
      const source = path.join(folder, 'accents.json');
      const texts = ['قال السَّلَفِ الصالح', 'CAFÉ at noon', 'plain words', 'السلف again'];
      writeFileSync(
        source,
        JSON.stringify({
          name: 'Accents',
          type: 'personal_chat',
          id: 67,
          messages: texts.map((text, i) => ({
            id: i + 1,
            type: 'message',
            date_unixtime: String(1_700_000_000 + i * 60),
            from: 'Ana',
            from_id: 'user1',
            text,
          })),
        }),
      );
      const dbPath = path.join(folder, 'accents.db');
      const { openCacheDatabase } = await import('../../electron/core/cache/openCacheDatabase.ts');
      const db = openCacheDatabase(dbPath);
      const [result] = findImportInputs(source).map((input) => importFile(db, input));
      db.close();
      const target = path.join(folder, 'accents.html');
      const request = {
        chatId: result!.chats[0]!.chatId,
        format: 'html' as const,
        from: null,
        to: null,
        filter: null,
        includeService: true,
        csvBom: false,
      };
      runExportJob({ databasePath: dbPath, request, target });
      const page = await browser.newPage();
      await page.goto(`file://${target}`);
      await page.waitForSelector('.msg');
      const searchFor = async (query: string) => {
        await page.fill('#search', query);
        await page.press('#search', 'Enter');
        return page.textContent('#count');
      };
      // Plain letters find the marked ones and the other way round, as the app's search does.
      expect(await searchFor('السلف')).toBe('1 of 2 matches');
      // The marked spelling is the same query once folded: Enter steps on to the second match.
      expect(await searchFor('السَّلَفِ')).toBe('2 of 2 matches');
      expect(await searchFor('cafe')).toBe('1 of 1 matches');
      expect(await page.locator('.msg.hit').count()).toBe(1);
      expect(await searchFor('nothing like this')).toBe('No match');
      expect(await page.locator('.msg.hit').count()).toBe(0);
      await page.close();

      // The demo's photos, downloaded, exported with their thumbnails beside the file.
      const chat = core.listChats().find((candidate) => candidate.name === 'Ana Costa')!;
      const history = await core.history.getHistoryPage({ chatId: chat.id, anchor: { kind: 'latest' }, limit: 100 });
      const photos = history.messages.filter((message) => message.media?.kind === 'photo');
      for (const photo of photos) await core.media.fileFor(chat.id, photo.id, 'thumb');
      const mediaFolder = path.join(folder, 'with-media');
      const { mkdirSync } = await import('node:fs');
      mkdirSync(mediaFolder);
      const withMedia = path.join(mediaFolder, 'chat.html');
      runExportJob({
        databasePath: core.databasePath,
        request: { ...request, chatId: chat.id, from: history.messages[0]!.date, media: 'thumbnails' },
        target: withMedia,
      });
      const viewer = await browser.newPage();
      await viewer.goto(`file://${withMedia}`);
      await viewer.waitForFunction(
        () => [...document.querySelectorAll<HTMLImageElement>('.msg img.thumb')].some((image) => image.complete && image.naturalWidth > 0),
        undefined,
        { timeout: 60_000 },
      );
      await saveScreenshot(viewer, 'html-export-media');
      await viewer.close();
    }, 60_000);

    it('an export of messages not on this computer first downloads them, showing how many of how many, a bar and the time left; Cancel stops it', async () => {
      const { page, core, folder } = browserSession();
      const chat = core.listChats().find((candidate) => candidate.messageCount === 1_000_000)!;
      await page.click(`[data-chat-id="${chat.id}"]`);
      await page.keyboard.press('Control+e');
      await page.waitForSelector('.export-dialog[open]');
      await page.click('.export-dialog input[value="csv"]');
      await page.waitForFunction(() => /fetched first/.test(document.querySelector('[data-testid="export-estimate"]')?.textContent ?? ''));
      const missing = Number(
        /([\d,]+) messages are fetched first/.exec((await page.textContent('[data-testid="export-estimate"]'))!)![1]!.replace(/,/g, ''),
      );
      expect(missing).toBeGreaterThan(0);
      // The source holds the download back (a rate limit, retried) so its progress can be read while it runs.
      browserSession().setSourceFailure(new ScrollbackError('RATE_LIMITED', 'Asked to wait.', { retryAfterMs: 50 }));
      browserSession().dialogs.savePath = path.join(folder, 'uncached.csv');
      await page.click('.export-dialog button[type="submit"]');
      const shown = page.locator('[data-testid="export-download-progress"]');
      await expect
        .poll(() => shown.textContent())
        .toMatch(new RegExp(`^Downloading the missing messages first: 0 of ${missing.toLocaleString('en-GB')} · about .+ left$`));
      const bar = page.locator('.export-strip progress');
      expect(await bar.getAttribute('max')).toBe(String(missing));
      expect(await bar.getAttribute('value')).toBe('0');
      await saveScreenshot(page, 'export-download-first');
      // Cancel stops the download and the export; what was downloaded stays.
      await page.click('.export-strip button:has-text("Cancel")');
      await page.waitForSelector('.export-strip.error, .export-strip:has-text("cancelled")');
      browserSession().setSourceFailure(null);
    }, 90_000);
  },
);
