import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScrollbackError } from '../../shared/errors.ts';
import { browserSkipReason, saveScreenshot, startBrowserSession, type BrowserSession } from './support/startBrowserSession.ts';
import { readFrames, startFrameSampler, waitForIdleList, waitFrames, type FrameSample } from './support/frameSampler.ts';
import { openChat, rectsOf, scroller, wheelTicks } from './support/listGeometry.ts';

const skipReason = browserSkipReason();
const BIG = 1_000_000;
const OVERSCAN = 6;
const MAX_LOADED = 8 * 60;

/**
 * Frames whose movement is neither still nor a whole number of the ticks' own distance (a busy machine may
 * paint two ticks in one frame; a jump is any other movement).
 */
function jumpsIn(frames: FrameSample[], tick: number): FrameSample[] {
  return frames.filter((frame) => {
    if (frame.moved === null || Math.abs(frame.moved) <= 1) return false;
    const ticks = Math.round(frame.moved / tick);
    return ticks < 1 || Math.abs(frame.moved - ticks * tick) > 1;
  });
}

describe.skipIf(skipReason !== null)(`history view in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let session: BrowserSession;
  let bigChat: number;
  beforeAll(async () => {
    session = await startBrowserSession();
    bigChat = session.chatIdOf(BIG);
  });
  afterAll(async () => {
    const errors = session?.pageErrors ?? [];
    await session?.close();
    expect(errors).toEqual([]);
  });

  it('opens the 1,000,000-message chat at the newest message, its bottom on the viewport bottom', async () => {
    const { page } = session;
    await openChat(page, bigChat);
    const { scroller: box, row } = await rectsOf(page, String(BIG));
    expect(row).not.toBeNull();
    expect(Math.abs(row!.bottom - box.bottom)).toBeLessThanOrEqual(1);
    await saveScreenshot(page, 'history-latest');
  });

  it('300 wheel ticks of −40 px through page loads move the content 12,000 ± 2 px, never jumping', async () => {
    const { page } = session;
    await openChat(page, bigChat);
    await startFrameSampler(page);
    await wheelTicks(page, 300, -40);
    await waitForIdleList(page);
    const frames = await readFrames(page);
    const total = frames.reduce((sum, frame) => sum + (frame.moved ?? 0), 0);
    expect(jumpsIn(frames, 40)).toEqual([]);
    expect(Math.abs(total - 12_000)).toBeLessThanOrEqual(2);
    // It really went through page loads: more messages are loaded than the first page held.
    expect(Number(await page.getAttribute(scroller, 'data-page-count'))).toBeGreaterThan(1);
    for (const frame of frames) {
      // About ten elements a row (an avatar at the end of a run, a sender link, a reply's words for screen readers): the
      // rows stay bounded by the viewport (next line), so the elements are too.
      expect(frame.nodes).toBeLessThanOrEqual(260);
      expect(frame.rows).toBeLessThanOrEqual(frame.visible + 2 * OVERSCAN);
    }
  });

  it('jumps to a date deep in history, centres the first message at or after it, then scrolls both ways without a jump', async () => {
    const { page, core } = session;
    await openChat(page, bigChat);
    const date = new Date(2019, 2, 15, 12, 0).getTime();
    const expected = await core.history.getHistoryPage({ chatId: bigChat, anchor: { kind: 'aroundDate', date }, limit: 60 });
    const targetId = expected.messages[expected.anchorIndex!]!.id;
    await page.keyboard.press('Control+g');
    // The day field has the focus, and the calendar follows what is typed there.
    await page.waitForSelector('.jump-dialog[open]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('jump-date');
    await page.fill('[data-testid="jump-date"]', '2019-03-15');
    await expect.poll(() => page.textContent('.jump-dialog .calendar-title')).toBe('March 2019');
    expect(await page.getAttribute('.jump-dialog .calendar-day[data-day="15"]', 'class')).toContain('selected');
    await page.fill('[data-testid="jump-time"]', '12:00');
    await page.keyboard.press('Enter');
    // The landing message is highlighted.
    await page.waitForSelector(`${scroller} .highlighted[data-message-id="${targetId}"]`);
    await waitForIdleList(page);
    const { scroller: box, row } = await rectsOf(page, targetId);
    expect(Math.abs(row!.top + row!.height / 2 - (box.top + box.height / 2))).toBeLessThanOrEqual(2);
    await saveScreenshot(page, 'history-jump-to-date');
    // The jump-to-latest button says how many newer messages this computer holds below the bottom one in view.
    await expect
      .poll(async () => {
        const title = await page.getAttribute('[data-testid="jump-latest"]', 'title');
        const bottom = await page.evaluate((s) => {
          const box = document.querySelector(s)!.getBoundingClientRect();
          const rows = [...document.querySelectorAll<HTMLElement>(`${s} [data-date]`)].filter(
            (row) => row.getBoundingClientRect().top < box.bottom,
          );
          return Date.parse(rows.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).at(-1)!.dataset.date!);
        }, scroller);
        // Counted up to 10,000 ("more than 10,000" beyond): the count stays cheap in any chat.
        const newer = core.getMessageDensity(bigChat, [bottom + 1, 253_402_300_799_999]).counts[0]!;
        const expected =
          newer > 10_000 ? 'more than 10,000 newer messages' : `${newer.toLocaleString('en-GB')} newer message${newer === 1 ? '' : 's'}`;
        return title?.includes(`${expected} on this computer`) ? 'said' : title;
      })
      .toBe('said');

    await startFrameSampler(page);
    await wheelTicks(page, 300, 40);
    const down = await readFrames(page, false);
    await wheelTicks(page, 300, -40);
    await waitForIdleList(page);
    const up = await readFrames(page);
    expect(down.length).toBeGreaterThanOrEqual(600);
    expect(up.length).toBeGreaterThanOrEqual(600);
    expect(jumpsIn(down, -40)).toEqual([]);
    expect(jumpsIn(up, 40)).toEqual([]);
  });

  it('jumps to the original of a reply, in context, highlighted', async () => {
    const { page } = session;
    await openChat(page, bigChat);
    const quote = page.locator(`${scroller} .reply-quote`).last();
    await quote.scrollIntoViewIfNeeded();
    const replyHolder = await quote.evaluate((element) => element.closest('[data-message-id]')!.getAttribute('data-message-id'));
    await quote.click();
    const highlighted = page.locator(`${scroller} .message.highlighted`);
    await highlighted.waitFor();
    const targetId = await highlighted.getAttribute('data-message-id');
    expect(Number(targetId)).toBeLessThan(Number(replyHolder));
    const { scroller: box, row } = await rectsOf(page, targetId!);
    expect(row!.top).toBeGreaterThanOrEqual(box.top);
    expect(row!.bottom).toBeLessThanOrEqual(box.bottom);
  });

  it('keeps memory bounded after scrolling back through 150 pages', async () => {
    const { page } = session;
    await openChat(page, bigChat);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    };
    const before = await heap();
    const firstLoadedId = async () => Number(await page.getAttribute(scroller, 'data-oldest-loaded-id'));
    for (let pages = 0; pages < 150; pages++) {
      const before = await firstLoadedId();
      // At the top of the loaded window the list asks for the previous page; wait until it is shown.
      await page.evaluate((s) => (document.querySelector(s)!.scrollTop = 0), scroller);
      await page.waitForFunction(({ s, id }) => Number(document.querySelector(s)?.getAttribute('data-oldest-loaded-id')) < id, {
        s: scroller,
        id: before,
      });
      expect(Number(await page.getAttribute(scroller, 'data-loaded-count'))).toBeLessThanOrEqual(MAX_LOADED);
    }
    await waitForIdleList(page);
    expect(await firstLoadedId()).toBeLessThanOrEqual(BIG - 151 * 60 + 1);
    const growthMb = ((await heap()) - before) / 1_048_576;
    expect(growthMb).toBeLessThan(10);
  });

  it('shows the beginning of a chat, different from a gap, and supports keyboard paging', async () => {
    const { page } = session;
    const small = session.chatIdOf(900);
    await openChat(page, small);
    await page.focus(scroller);
    await page.keyboard.press('Home');
    await page.waitForSelector(`${scroller} .chat-start`);
    expect(await page.textContent(`${scroller} .chat-start`)).toContain('Beginning of this chat');
    await saveScreenshot(page, 'history-beginning');
    await page.keyboard.press('End');
    await page.waitForSelector(`${scroller} [data-message-id="900"]`);
    await waitForIdleList(page);
    const before = await page.evaluate((s) => document.querySelector(s)!.scrollTop, scroller);
    await page.keyboard.press('PageUp');
    await waitFrames(page, 4);
    expect(await page.evaluate((s) => document.querySelector(s)!.scrollTop, scroller)).toBeLessThan(before);
  });

  it('browses cached history offline, marked as such, and shows source errors inline with code, countdown and retry', async () => {
    const { page } = session;
    const family = session.chatIdOf(24_000);
    await openChat(page, family);
    await openChat(page, session.chatIdOf(900));
    session.setSourceFailure(new ScrollbackError('SOURCE_UNAVAILABLE', 'The demo source is offline.'));
    try {
      await openChat(page, family);
      await page.waitForSelector('.offline-badge');
      expect(await page.locator(`${scroller} [data-message-id]`).count()).toBeGreaterThan(5);
      // Older than the cache: an inline error with its code, not a fake beginning of the chat.
      await page.evaluate((s) => (document.querySelector(s)!.scrollTop = 0), scroller);
      const notice = page.locator('.edge-status [data-error-code="SOURCE_UNAVAILABLE"]');
      await notice.waitFor();
      expect(await page.locator(`${scroller} .chat-start`).count()).toBe(0);
      await saveScreenshot(page, 'history-offline');
      session.setSourceFailure(new ScrollbackError('RATE_LIMITED', 'Telegram asked to wait.', { retryAfterMs: 5000 }));
      await notice.locator('button').click();
      const rateLimited = page.locator('.edge-status [data-error-code="RATE_LIMITED"]');
      await rateLimited.waitFor();
      expect(await rateLimited.textContent()).toMatch(/Waiting [45] s for the rate limit/);
      session.setSourceFailure(null);
      await page.waitForFunction(() => !document.querySelector('[data-error-code]'), undefined, { timeout: 60_000 });
    } finally {
      session.setSourceFailure(null);
    }
  });

  it('remembers the last chat across a reload and filters the chat list', async () => {
    const { page } = session;
    const design = session.chatIdOf(6_000);
    await openChat(page, design);
    await page.reload();
    await page.waitForSelector(`[data-chat-id="${design}"][aria-current="true"]`);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('fam');
    expect(await page.locator('[data-chat-id]').count()).toBe(1);
    expect(await page.locator('[data-chat-id]').textContent()).toContain('Family');
    await page.fill('.chat-filter', '');
  });

  it('opens message links in the system browser only, never inside the app', async () => {
    const { page } = session;
    await openChat(page, session.chatIdOf(6_000));
    const link = page.locator(`${scroller} .text a[href^="http"]`).last();
    if ((await link.count()) === 0) {
      // Scroll back until a link is loaded (about 6% of demo messages carry one).
      for (let i = 0; i < 40 && (await link.count()) === 0; i++) await wheelTicks(page, 3, -400, 1);
    }
    const href = await link.getAttribute('href');
    const before = page.url();
    await link.click();
    await waitFrames(page, 5);
    expect(page.url()).toBe(before);
    expect(session.openedLinks).toContain(href);
    expect(session.openedLinks.every((url) => /^https?:\/\//.test(url))).toBe(true);
  });

  it('renders the dark theme', async () => {
    await session.page.emulateMedia({ colorScheme: 'dark' });
    await openChat(session.page, session.chatIdOf(6_000));
    const background = await session.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(23, 25, 28)');
    await saveScreenshot(session.page, 'history-dark');
    await session.page.emulateMedia({ colorScheme: 'light' });
  });
});

describe.skipIf(skipReason !== null)(`prepending while still${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  it('moves no visible content while older pages arrive and far pages are dropped', async () => {
    // Latency makes each page arrive while the reader is not scrolling.
    const session = await startBrowserSession({ latencyMs: 250 });
    try {
      const { page } = session;
      await openChat(page, session.chatIdOf(BIG));
      const all: FrameSample[] = [];
      for (let round = 0; round < 10; round++) {
        // Scroll up until the list asks for an older page, then hold still while it arrives.
        while ((await page.getAttribute(scroller, 'aria-busy')) !== 'true') await wheelTicks(page, 1, -300, 1);
        await startFrameSampler(page);
        await waitForIdleList(page);
        await waitFrames(page, 20);
        all.push(...(await readFrames(page)));
      }
      expect(Number(await page.getAttribute(scroller, 'data-loaded-count'))).toBeLessThanOrEqual(MAX_LOADED);
      expect(all.length).toBeGreaterThan(200);
      expect(all.filter((frame) => frame.moved !== null && Math.abs(frame.moved) > 1)).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

describe.skipIf(skipReason !== null)(`content security policy in the browser${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  it('blocks inline scripts and eval in the renderer, so no message text can run code', async () => {
    const session = await startBrowserSession();
    try {
      const { page } = session;
      await page.waitForSelector('[data-chat-id]');
      const outcome = await page.evaluate(async () => {
        const w = window as unknown as { __ran?: boolean };
        const script = document.createElement('script');
        script.textContent = 'window.__ran = true';
        document.body.appendChild(script);
        const image = document.createElement('img');
        image.setAttribute('onerror', 'window.__ran = true');
        // The inline handler (if the policy let it run) goes before this listener, added after it: once this one
        // has run, the inline one has had its turn, however long the error took.
        const failed = new Promise((resolve) => image.addEventListener('error', resolve));
        image.setAttribute('src', 'x');
        document.body.appendChild(image);
        await failed;
        let evaluated: string;
        try {
          (0, eval)('1');
          evaluated = 'ran';
        } catch {
          evaluated = 'blocked';
        }
        return { inline: w.__ran === true, evaluated, nodeRequire: typeof (window as unknown as { require?: unknown }).require };
      });
      expect(outcome).toEqual({ inline: false, evaluated: 'blocked', nodeRequire: 'undefined' });
    } finally {
      await session.close();
    }
  });
});
