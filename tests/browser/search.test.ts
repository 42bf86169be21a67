import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, saveScreenshot, startBrowserSession, type BrowserSession } from './support/startBrowserSession.ts';
import { waitForIdleList } from './support/frameSampler.ts';
import { openChat, rectsOf, scroller } from './support/listGeometry.ts';
import { cacheWholeDemoChat } from '../support/cacheDemoChat.ts';
import { databaseOf } from '../../electron/core/app/openScrollbackCore.ts';
import { createDemoSource } from '../../electron/core/sources/demo/createDemoSource.ts';
import { demoChats } from '../../electron/core/sources/demo/demoChats.ts';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)(`search panel in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let session: BrowserSession;
  let family: number;
  beforeAll(async () => {
    session = await startBrowserSession();
    family = session.chatIdOf(24_000);
    cacheWholeDemoChat(databaseOf(session.core), family, 'family');
  });
  afterAll(async () => {
    const errors = session?.pageErrors ?? [];
    await session?.close();
    expect(errors).toEqual([]);
  });

  /** The id of the message highlighted in the history, once it is centred in view. */
  async function highlightedInView(): Promise<string> {
    const highlighted = session.page.locator(`${scroller} .message.highlighted`);
    await highlighted.waitFor();
    await waitForIdleList(session.page);
    const id = (await highlighted.getAttribute('data-message-id'))!;
    const { scroller: box, row } = await rectsOf(session.page, id);
    expect(Math.abs(row!.top + row!.height / 2 - (box.top + box.height / 2))).toBeLessThanOrEqual(2);
    return id;
  }

  it('finds words in a chat with the total and highlights, and opens a result in context', async () => {
    const { page, core } = session;
    await openChat(page, family);
    await page.keyboard.press('Control+f');
    await page.fill('[data-testid="search-query"]', 'the train');
    const first = page.locator('[data-result-index="0"]');
    await first.waitFor();
    const expectedTotal = (await core.search.count({ chatId: family, from: null, to: null, query: 'the train', sender: '', kinds: [] }))
      .onComputer;
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="search-total"]')?.textContent?.startsWith(n),
      expectedTotal.toLocaleString('en-GB'),
    );
    expect(await first.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['the', 'train']));
    await saveScreenshot(page, 'search-panel');
    const firstId = await first.getAttribute('data-message-id');
    await first.click();
    expect(await highlightedInView()).toBe(firstId);
  });

  it('steps through the results with Enter from the message list, says "n of N", highlights the matched words in the opened message', async () => {
    const { page } = session;
    const total = (await page.textContent('[data-testid="search-total"]'))!.match(/^([\d,]+) on this computer/)![1]!;
    const ids = await Promise.all([0, 1, 2, 3].map((i) => page.locator(`[data-result-index="${i}"]`).getAttribute('data-message-id')));
    // Focus is in the message list (a result was opened by a click there): Enter keeps stepping from it.
    await page.focus(scroller);
    for (const step of [1, 2, 3]) {
      await page.keyboard.press('Enter');
      await page.waitForSelector(`${scroller} .message.highlighted[data-message-id="${ids[step]}"]`);
      expect(await highlightedInView()).toBe(ids[step]);
      expect(await page.textContent('[data-testid="search-position"]')).toBe(`${step + 1} of ${total}`);
      // The words of the match are marked inside the opened message (CSS Custom Highlight API).
      await page.waitForFunction(() => (CSS.highlights.get('search-match')?.size ?? 0) > 0);
      const marked = await page.evaluate(() => [...CSS.highlights.get('search-match')!].map((range) => range.toString().toLowerCase()));
      expect(marked).toEqual(expect.arrayContaining(['the', 'train']));
      const inRow = await page.evaluate(
        (id) =>
          [...CSS.highlights.get('search-match')!].every(
            (range) => (range as Range).startContainer.parentElement!.closest(`[data-message-id="${id}"]`) !== null,
          ),
        ids[step]!,
      );
      expect(inRow).toBe(true);
    }
    await page.keyboard.press('Shift+Enter');
    await page.waitForSelector(`${scroller} .message.highlighted[data-message-id="${ids[2]}"]`);
    expect(await page.textContent('[data-testid="search-position"]')).toBe(`3 of ${total}`);
    // Esc from the list closes the panel; Ctrl+F opens it again.
    await page.focus(scroller);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.search-panel', { state: 'detached' });
    await page.keyboard.press('Control+f');
    await page.waitForSelector('[data-testid="search-query"]');
  });

  it('a pin found by search says what it pinned, and opens it in context', async () => {
    const { page, core } = session;
    await page.fill('[data-testid="search-query"]', '"pinned a message" is:service');
    const first = page.locator('[data-result-index="0"]');
    await first.waitFor();
    const pinId = (await first.getAttribute('data-message-id'))!;
    await first.click();
    const pin = page.locator(`${scroller} .service-line[data-message-id="${pinId}"]`);
    const target = pin.locator('[data-testid="pin-target"]');
    await target.waitFor();
    const [pinMessage] = core.getMessages(family, [pinId]);
    const [original] = core.getMessages(family, [pinMessage!.replyToId!]);
    expect(original).toBeDefined();
    await expect
      .poll(() => target.textContent())
      .toBe(`«${original!.text.length > 90 ? `${original!.text.slice(0, 90)}…` : original!.text}»`);
    await target.click();
    await page.locator(`${scroller} .message.highlighted[data-message-id="${original!.id}"]`).waitFor();
    await page.keyboard.press('Control+f');
  });

  it('reads the query language, and the sender field and kind chips write their tokens into the box', async () => {
    const { page } = session;
    await page.fill('[data-testid="search-query"]', 'train -late has:banana');
    await page.waitForFunction(() => /has: takes photo/.test(document.querySelector('[data-testid="search-read-as"]')?.textContent ?? ''));
    // Read back as a sentence: every "not" at its word, no brackets, and has:banana searched as text.
    expect(await page.textContent('[data-testid="search-read-as"]')).toContain(
      'Searching for messages that contain “train”, do not contain “late” and contain “has:banana”.',
    );
    await page.fill('[data-testid="search-query"]', 'from:Ana has:photo');
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="search-read-as"]')
        ?.textContent?.startsWith('Searching for messages from Ana that have a photo.'),
    );
    expect(await page.textContent('[data-testid="search-read-as"]')).toContain('from:Ana finds every sender whose name contains “Ana”');
    await page.fill('[data-testid="search-query"]', 'train');
    await page.fill('[data-testid="search-sender"]', 'Ana');
    expect(await page.inputValue('[data-testid="search-query"]')).toBe('train from:Ana');
    await page.click('.search-kinds button:text("photo")');
    await page.click('.search-kinds button:text("video")');
    expect(await page.inputValue('[data-testid="search-query"]')).toBe('train from:Ana (has:photo OR has:video)');
    await page.fill('[data-testid="search-query"]', 'train has:video');
    expect(await page.locator('.search-kinds button[aria-pressed="true"]').allTextContents()).toEqual(['video']);
    expect(await page.inputValue('[data-testid="search-sender"]')).toBe('');
    // Typing from:… offers the senders; choosing one writes the token.
    await page.fill('[data-testid="search-query"]', 'train from:cos');
    const offered = page.locator('[data-testid="search-sender-suggestions"] button');
    await offered.first().waitFor();
    expect(await offered.allTextContents()).toContain('Ana Costa');
    await offered.filter({ hasText: 'Ana Costa' }).click();
    expect(await page.inputValue('[data-testid="search-query"]')).toBe('train from:"Ana Costa" ');
    expect(await page.inputValue('[data-testid="search-sender"]')).toBe('Ana Costa');
    await page.fill('[data-testid="search-query"]', 'the train');
    await page.waitForSelector('[data-result-index="3"]');
  });

  it('shows hits with avatars and thumbnails in a named list, announces the count politely, and gives focus back on close', async () => {
    const { page } = session;
    await page.fill('[data-testid="search-query"]', 'has:photo');
    await page.waitForFunction(() => document.querySelector('[data-result-index="0"]')?.textContent?.includes('Photo') ?? false);
    const results = page.getByRole('list', { name: 'Search results' });
    expect(await results.getByRole('listitem').count()).toBeGreaterThan(0);
    // A photo shows as a picture (its preview at once), beside the sender's avatar; no word in italics for it.
    const first = page.locator('[data-result-index="0"]');
    await first.locator('[data-testid="search-hit-thumb"] img').first().waitFor();
    expect(await first.locator('.sender-avatar').count()).toBe(1);
    // Both inside the hit, where they can be seen.
    const hitBox = (await first.boundingBox())!;
    for (const part of [first.locator('.sender-avatar'), first.locator('[data-testid="search-hit-thumb"]')]) {
      const box = (await part.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(hitBox.x);
      expect(box.x + box.width).toBeLessThanOrEqual(hitBox.x + hitBox.width);
    }
    expect(await page.locator('[data-testid="search-results"] em').count()).toBe(0);
    // The count, once known, in a polite live region of its own.
    const announcement = page.locator('[data-testid="search-announcement"]');
    expect(await announcement.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => announcement.textContent()).toMatch(/^[\d,]+ messages? found$/);
    await saveScreenshot(page, 'search-thumbnails');
    // The results are one key from the box: ↓ to the first, ↓ to the next, ↑ twice back to the box.
    const focusedPlace = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-result-index') ?? document.activeElement?.getAttribute('data-testid'));
    await page.focus('[data-testid="search-query"]');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedPlace).toBe('0');
    if ((await results.getByRole('listitem').count()) > 1) {
      await page.keyboard.press('ArrowDown');
      await expect.poll(focusedPlace).toBe('1');
      await page.keyboard.press('ArrowUp');
    }
    await page.keyboard.press('ArrowUp');
    await expect.poll(focusedPlace).toBe('search-query');
    // Closed with Esc, focus is back where it was when the panel opened (here the message list).
    await page.keyboard.press('Escape');
    await page.waitForSelector('.search-panel', { state: 'detached' });
    await page.focus(scroller);
    await page.keyboard.press('Control+f');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'search-query');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.search-panel', { state: 'detached' });
    expect(await page.evaluate((selector) => document.activeElement === document.querySelector(selector), scroller)).toBe(true);
    await page.keyboard.press('Control+f');
    await page.waitForSelector('[data-testid="search-query"]');
  });

  it('shows a message-density heatmap in the calendar, with known-empty days disabled, and jumps to a picked day', async () => {
    const { page } = session;
    await page.keyboard.press('Escape');
    await page.focus(scroller);
    await page.keyboard.press('Control+g');
    const calendar = page.locator('.jump-dialog [data-testid="density-calendar"]');
    await calendar.waitFor();
    // Walk back to a month with both busy and empty days (the chat is fully cached, so empties are known).
    for (let i = 0; i < 24 && (await calendar.locator('.calendar-day:disabled').count()) === 0; i++)
      await calendar.getByLabel('Previous month').click();
    await page.waitForFunction(() => document.querySelectorAll('.jump-dialog .calendar-day[data-count]:not([data-count="0"])').length > 0);
    expect(await calendar.locator('.calendar-day:disabled').count()).toBeGreaterThan(0);
    expect(await calendar.locator('.calendar-day.heat-4, .calendar-day.heat-3').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'calendar-heatmap');
    const busy = calendar.locator('.calendar-day.heat-4, .calendar-day.heat-3').first();
    const day = Number(await busy.getAttribute('data-day'));
    await busy.click();
    const picked = await page.inputValue('[data-testid="jump-date"]');
    expect(Number(picked.slice(8))).toBe(day);
    await page.click('.jump-dialog button[type="submit"]');
    await page.waitForFunction(
      (d) =>
        [...document.querySelectorAll('[data-testid="message-scroller"] [data-date]')].some((row) => {
          const date = new Date(row.getAttribute('data-date')!);
          return date.getDate() === d;
        }),
      day,
    );
  });

  it('searches all chats, and says what was searched where for a chat not on this computer', async () => {
    const { page } = session;
    await page.keyboard.press('Control+Shift+f');
    await page.fill('[data-testid="search-query"]', 'café');
    await page.waitForFunction(() => /caf[ée]/i.test(document.querySelector('[data-result-index="0"] mark')?.textContent ?? ''));
    expect(await page.locator('[data-result-index="0"] .search-result-chat').count()).toBe(1);
    // All chats: each source says how it was searched (the demo cannot search all its chats at once).
    expect(await page.textContent('[data-testid="search-where"]')).toContain(
      'Demo archive: only what is on this computer (the demo archive cannot search all chats)',
    );
    // The big chat is not cached: its search goes to the source, and the panel says so.
    await openChat(page, session.chatIdOf(1_000_000));
    await page.click('[data-testid="search-scope-chat"]');
    await page.fill('[data-testid="search-query"]', 'birthday');
    await page.waitForFunction(() => /birthday/i.test(document.querySelector('[data-result-index="0"] mark')?.textContent ?? ''));
    // One model says it: the where line names what is not here and where it was searched, the total counts
    // what is here, and the offer to download the rest is there because something is missing.
    expect(await page.textContent('[data-testid="search-where"]')).toMatch(/^Not on this computer: .+, searched at the demo archive$/);
    await page.waitForFunction(() => / on this computer/.test(document.querySelector('[data-testid="search-total"]')?.textContent ?? ''));
    expect(await page.textContent('[data-testid="search-total"]')).toMatch(/^[\d,]+ on this computer$/);
    await page.locator('[data-testid="search-download-rest"]').waitFor();
    await saveScreenshot(page, 'search-source');
  });

  it('the calendar shows the days not downloaded as the source counts them, a week at a time', async () => {
    const { page } = session;
    await page.keyboard.press('Escape');
    const big = session.chatIdOf(1_000_000);
    await openChat(page, big);
    await page.focus(scroller);
    await page.keyboard.press('Control+g');
    const calendar = page.locator('.jump-dialog [data-testid="density-calendar"]');
    await calendar.waitFor();
    // A year back: nothing of it is downloaded (only the newest pages and search hits are).
    await calendar.getByLabel('Previous year').click();
    const counted = calendar.locator('.calendar-day[data-source-count]');
    await expect.poll(() => counted.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(28);
    const days = await counted.evaluateAll((buttons) =>
      buttons.map((button) => {
        // The day's end is the next local midnight in the page's own zone.
        const start = Number(button.getAttribute('data-start'));
        const date = new Date(start);
        return {
          start,
          end: new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime(),
          atSource: Number(button.getAttribute('data-source-count')),
          title: button.getAttribute('title') ?? '',
        };
      }),
    );
    // What the demo itself holds on each of those days (its own timeline, not the app's count).
    const spec = demoChats.find((chat) => chat.count === 1_000_000)!;
    const timeline = createDemoSource().timelineOf(spec.key);
    for (const day of days) {
      expect(day.atSource).toBe(timeline.firstIndexAtOrAfter(day.end) - timeline.firstIndexAtOrAfter(day.start));
      if (day.atSource > 0) expect(day.title).toMatch(/: [\d,]+ messages at the demo archive, 0 of them on this computer$/);
    }
    expect(days.some((day) => day.atSource > 0)).toBe(true);
    expect(await calendar.locator('.calendar-day.at-source').count()).toBe(days.filter((day) => day.atSource > 0).length);
    await saveScreenshot(page, 'calendar-at-source');
    await page.keyboard.press('Escape');
  });

  it('downloads a chat from its header, with progress, until the coverage bar shows it complete', async () => {
    const { page } = session;
    await page.keyboard.press('Escape');
    const design = session.chatIdOf(6_000);
    await openChat(page, design);
    await page.click('[data-testid="sync-start"]');
    await page.waitForSelector('[data-testid="sync-progress"][data-state="done"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="coverage-bar"][data-oldest-reached="true"]');
    expect(session.core.getChat(design).cachedCount).toBe(6_000);
    await saveScreenshot(page, 'sync-done');
  });

  it('offers, after a search that went to the source, to download the rest of the chat', async () => {
    const { page } = session;
    const ana = session.chatIdOf(900);
    await openChat(page, ana);
    await page.keyboard.press('Control+f');
    await page.fill('[data-testid="search-query"]', 'sounds good');
    const offer = page.locator('[data-testid="search-download-rest"]');
    await offer.waitFor();
    await offer.click();
    await expect.poll(() => session.core.sync.status(ana).state, { timeout: 30_000 }).toBe('done');
    expect(session.core.getChat(ana).cachedCount).toBe(900);
    // Once the whole chat is here the search is read again: the offer goes, and the where line says so.
    await page.waitForFunction(() => !document.querySelector('[data-testid="search-download-rest"]'));
    await page.waitForFunction(
      () => document.querySelector('[data-testid="search-where"]')?.textContent === 'All of it is on this computer and was searched here',
    );
  });
});
