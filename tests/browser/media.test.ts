import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, saveScreenshot, startBrowserSession, type BrowserSession } from './support/startBrowserSession.ts';
import { clickChatAction, scroller } from './support/listGeometry.ts';
import { waitFrames } from './support/frameSampler.ts';
import { readMediaFrames, startMediaFrameRecorder, waitForAllThumbnails } from './support/recordMediaFrames.ts';
import { demoChats } from '../../electron/core/sources/demo/demoChats.ts';
import { systemClock } from '../../electron/core/sources/createRequestLimiter.ts';
import { createFakeTelegram, seedFakeChat, type FakeTelegram, type FakeTraps } from '../support/fakeTelegram.ts';
import { fakeSessionString } from '../support/fakeTelegramClient.ts';

const skipReason = browserSkipReason();

/** Scrolls the list up a screen at a time until a row matching `selector` is drawn. */
async function scrollUntilPresent(page: Page, selector: string): Promise<void> {
  const box = (await page.locator(scroller).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let tick = 0; tick < 200 && (await page.locator(selector).count()) === 0; tick++) {
    await page.mouse.wheel(0, -400);
    await waitFrames(page, 3);
  }
}
const BIG = 1_000_000;

/**
 * The same acceptance on two worlds: the demo (generated media) and a fake Telegram (real GramJS objects,
 * `upload.getFile` part rules, an expired file reference per file and a flood wait during downloads).
 */
function mediaSuite(
  world: string,
  start: () => Promise<BrowserSession>,
  chatOf: (session: BrowserSession) => number,
  chatCount: () => number,
  more?: (session: () => BrowserSession) => void,
) {
  describe.skipIf(skipReason !== null)(`media in the window, on ${world}${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
    let session: BrowserSession;
    beforeAll(async () => {
      session = await start();
    });
    afterAll(async () => {
      const errors = session?.pageErrors ?? [];
      await session?.close();
      expect(errors).toEqual([]);
    });

    // How soon the thumbnails come is the bench's figure; the test judges that each picture is drawn at once
    // from its preview and that its thumbnail comes.
    it('draws every photo of the first screen from its stripped preview in its first frame, then its thumbnail', async () => {
      const { page } = session;
      await startMediaFrameRecorder(page, session.core.getChat(chatOf(session)).name);
      await page.click(`[data-chat-id="${chatOf(session)}"]`);
      await page.waitForSelector(`${scroller} [data-message-id]`);
      await waitForAllThumbnails(page, 'photo');
      const records = await readMediaFrames(page);
      const photos = records.filter((record) => record.kind === 'photo');
      expect(photos.length).toBeGreaterThan(0);
      for (const photo of photos) {
        expect(photo, `photo ${photo.messageId}`).toMatchObject({ hasPreview: true, previewInFirstFrame: true });
        expect(photo.thumbAt, `thumbnail of ${photo.messageId} ${JSON.stringify(records)}`).not.toBeNull();
        expect(photo.thumbAt!, `thumbnail of ${photo.messageId} after it appeared`).toBeGreaterThanOrEqual(photo.firstSeen);
      }
      await saveScreenshot(page, `media-history-${world.split(' ').pop()}`);
    });

    it('shows the chats’ pictures in the sidebar', async () => {
      const { page } = session;
      await page.waitForFunction(
        (count) => document.querySelectorAll('[data-testid="chat-avatar"] .previewed-image[data-state="loaded"]').length >= count,
        chatCount(),
        { timeout: 60_000 },
      );
    });

    it('opens a photo in the viewer and steps through 20 media with the arrows, zooms, and closes on Esc', async () => {
      const { page } = session;
      const photo = page.locator(`${scroller} .media-visual[data-media-kind="photo"]`).last();
      const openedId = await photo.evaluate((element) => element.closest('[data-message-id]')!.getAttribute('data-message-id'));
      await photo.click();
      const picture = page.locator('[data-testid="viewer-picture"]');
      await picture.waitFor();
      expect(await picture.getAttribute('data-message-id')).toBe(openedId);
      await page.waitForFunction(() => {
        const full = document.querySelector<HTMLImageElement>('[data-testid="viewer-picture"] img.full');
        return full !== null && full.complete && full.naturalWidth >= 800;
      });
      // Opaque, a modal dialog, the photo fitted to its stage (touching two of its sides).
      const viewer = page.locator('.media-viewer');
      expect(await viewer.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(0, 0, 0)');
      expect(await viewer.getAttribute('aria-modal')).toBe('true');
      const fit = await page.evaluate(() => {
        const stage = document.querySelector('[data-testid="viewer-stage"]')!.getBoundingClientRect();
        const image = document.querySelector('[data-testid="viewer-picture"] .viewer-image')!.getBoundingClientRect();
        return { width: stage.width - image.width, height: stage.height - image.height };
      });
      expect(Math.min(Math.abs(fit.width), Math.abs(fit.height))).toBeLessThanOrEqual(2);
      expect(await page.locator('[data-testid="viewer-download"], [data-testid="viewer-show-in-folder"]').count()).toBe(1);
      // Tab and Shift+Tab never leave it.
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab');
        expect(await page.evaluate(() => document.activeElement?.closest('.media-viewer') !== null)).toBe(true);
      }
      await page.keyboard.press('+');
      expect(await page.locator('.viewer-zoom').textContent()).toBe('150%');
      // Zoomed, a drag pans the photo.
      const stageBox = (await page.locator('[data-testid="viewer-stage"]').boundingBox())!;
      await page.mouse.move(stageBox.x + stageBox.width / 2, stageBox.y + stageBox.height / 2);
      await page.mouse.down();
      await page.mouse.move(stageBox.x + stageBox.width / 2 + 60, stageBox.y + stageBox.height / 2 + 30, { steps: 4 });
      await page.mouse.up();
      expect(await picture.evaluate((element) => element.style.transform)).toMatch(/^translate\(60px, 30px\) scale\(1\.5\)$/);
      expect(await page.locator('.viewer-zoom').textContent()).toBe('150%');
      const seen = new Set<string>([openedId!]);
      for (let step = 0; step < 20; step++) {
        const before = await page.locator('.viewer-caption').textContent();
        await page.keyboard.press('ArrowLeft');
        await page.waitForFunction((previous) => document.querySelector('.viewer-caption')?.textContent !== previous, before);
        seen.add((await page.locator('[data-testid="viewer-stage"]').getAttribute('data-message-id'))!);
      }
      // The zoom resets for each new picture (a video or GIF shown last has no zoom at all).
      if ((await page.locator('.viewer-zoom').count()) > 0) expect(await page.locator('.viewer-zoom').textContent()).toBe('100%');
      else expect(await page.locator('[data-testid="viewer-picture"]').count()).toBe(0);
      expect(seen.size).toBe(21);
      await saveScreenshot(page, `media-viewer-${world.split(' ').pop()}`);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.media-viewer').count()).toBe(0);
      // Focus is back on the photo that opened it.
      expect(await page.evaluate(() => document.activeElement?.closest('[data-message-id]')?.getAttribute('data-message-id'))).toBe(
        openedId,
      );
    });

    it('plays a video after downloading it with progress', async () => {
      const { page } = session;
      const video = page.locator(`${scroller} .media-visual[data-media-kind="video"]`).last();
      await scrollUntilPresent(page, `${scroller} .media-visual[data-media-kind="video"]`);
      await video.scrollIntoViewIfNeeded();
      await video.click();
      // A video has no zoom: no control, and + does nothing.
      await page.locator('.viewer-play').waitFor();
      await page.keyboard.press('+');
      expect(await page.locator('.media-viewer .viewer-zoom, .media-viewer [aria-label="Zoom in"]').count()).toBe(0);
      await page.locator('.viewer-play').click();
      const element = page.locator('[data-testid="viewer-video"]');
      await element.waitFor({ timeout: 60_000 });
      await page.waitForFunction(
        () => {
          const v = document.querySelector<HTMLVideoElement>('[data-testid="viewer-video"]');
          return v !== null && !v.paused && v.currentTime > 0.2;
        },
        undefined,
        { timeout: 60_000 },
      );
      await page.keyboard.press('Escape');
    });

    it('lists the chat’s media by kind in the gallery, by month, opening a photo in the viewer and a file in context', async () => {
      const { page } = session;
      await clickChatAction(page, 'open-media-gallery');
      const gallery = page.locator('[data-testid="media-gallery"]');
      await gallery.locator('.gallery-tile').first().waitFor();
      const count = Number((await page.textContent('[data-testid="gallery-count"]'))!.replace(/[^\d]/g, ''));
      expect(count).toBeGreaterThan(0);
      expect(await gallery.locator('.gallery-month').count()).toBeGreaterThan(0);
      // Virtualized: however many there are, only the tiles near the view are drawn.
      expect(await gallery.locator('.gallery-tile').count()).toBeLessThanOrEqual(60);
      const tile = gallery.locator('.gallery-tile').first();
      const id = await tile.getAttribute('data-message-id');
      await tile.click();
      await expect.poll(() => page.locator('[data-testid="viewer-stage"]').getAttribute('data-message-id')).toBe(id);
      await page.keyboard.press('Escape');
      await page.click('[data-testid="gallery-tab-voice"]');
      const item = gallery.locator('.gallery-item').first();
      await item.waitFor();
      const voiceId = await item.getAttribute('data-message-id');
      await item.locator('button.link-button').click();
      // In context: the gallery closes and the chat shows the message.
      await page.waitForSelector(`${scroller} [data-message-id="${voiceId}"]`);
      expect(await gallery.count()).toBe(0);
    });

    it('plays a voice message with its waveform', async () => {
      const { page } = session;
      const voice = page.locator(`${scroller} .voice-player`).last();
      await scrollUntilPresent(page, `${scroller} .voice-player`);
      await voice.scrollIntoViewIfNeeded();
      expect(await voice.locator('.voice-wave').getAttribute('data-bars')).toBe('40');
      await voice.locator('.voice-play').click();
      await page.waitForFunction(() => document.querySelector('.voice-player[data-playing]') !== null, undefined, { timeout: 60_000 });
      // The played part grows: its clip no longer hides the whole waveform.
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll<SVGPathElement>('.voice-player[data-playing] .wave-played')].some(
            (path) => path.style.clipPath !== '' && path.style.clipPath !== 'inset(0px 100% 0px 0px)',
          ),
        undefined,
        { timeout: 60_000 },
      );
      await voice.locator('.voice-play').click();
    });

    more?.(() => session);
  });
}

mediaSuite(
  'the demo',
  () => startBrowserSession({ viewport: { width: 960, height: 600 } }),
  (session) => session.chatIdOf(BIG),
  () => demoChats.length,
);

mediaSuite(
  'a fake Telegram',
  async () => {
    const fake = createFakeTelegram({
      chats: [seedFakeChat({ type: 'channel', id: 777, accessHash: 4242 }, 'Photos channel', 1_500)],
      clock: systemClock,
      traps: telegramTraps,
    });
    const session = await startBrowserSession({
      viewport: { width: 960, height: 600 },
      telegram: { fake, session: await fakeSessionString() },
      telegramAccount: true,
    });
    telegramFake = fake;
    return session;
  },
  (session) => session.core.listChats().find((chat) => chat.name === 'Photos channel')!.id,
  () => demoChats.length + 1,
  (session) => {
    it('answers a page the window asks for during a media download before the download’s next part', async () => {
      const { page, core } = session();
      const chatId = core.listChats().find((chat) => chat.name === 'Photos channel')!.id;
      // An mp4 of three 512 KB parts (even ids × 23 in the fake), already listed in the cached pages.
      const stored = await core.history.getHistoryPage({ chatId, anchor: { kind: 'latest' }, limit: 200 });
      const video = stored.messages.find((message) => message.media?.kind === 'video' && message.media.mimeType === 'video/mp4')!;
      const fake = telegramFake!;
      // Parts that take a while to arrive, as over a slow network, so the page is asked mid-download: it need only
      // reach main before the last part starts, two parts' time (a busy machine's few hundred ms do not miss it).
      telegramTraps.fileLatencyMs = 1000;
      const before = fake.fileCalls;
      const download = page.evaluate(({ chatId, messageId }) => window.scrollback.downloadMedia({ chatId, messageId }), {
        chatId,
        messageId: video.id,
      });
      await expect.poll(() => fake.fileCalls, { interval: 1, timeout: 60_000 }).toBeGreaterThan(before);
      const jumped = await page.evaluate(
        (chatId) => window.scrollback.getHistoryPage({ chatId, anchor: { kind: 'aroundDate', date: Date.UTC(2019, 0, 1, 3) }, limit: 50 }),
        chatId,
      );
      expect(jumped.ok).toBe(true);
      expect(await download).toMatchObject({ ok: true });
      // From this download's first part on: the window's page, then the file's remaining parts.
      const firstPart = fake.log.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.request === 'GetFile')[before]!
        .index;
      const order = fake.log
        .slice(firstPart)
        .filter((entry) => entry.request === 'GetFile' || entry.request === 'GetHistory')
        .map((entry) => entry.request);
      // The page went out after the part in flight, with parts of the file still to come.
      expect(order.indexOf('GetHistory')).toBeGreaterThan(0);
      expect(order.lastIndexOf('GetFile')).toBeGreaterThan(order.indexOf('GetHistory'));
      telegramTraps.fileLatencyMs = 0;
    });
  },
);

let telegramFake: FakeTelegram | null = null;
const telegramTraps: FakeTraps = {
  expireFileReferences: true,
  fileFloodWaits: new Map([
    [30, 1],
    [45, 1],
  ]),
};
describe.skipIf(skipReason !== null)('the fake Telegram after those downloads', () => {
  it('was never sent a request during a flood wait', () => {
    // Both flood waits were met (they answer the 30th and 45th file request), and every reference expired once.
    expect(telegramFake!.fileCalls).toBeGreaterThan(45);
    expect(telegramFake!.log.some((entry) => entry.request === 'GetMessages')).toBe(true);
    expect(telegramFake!.floodViolations).toEqual([]);
  });
});
