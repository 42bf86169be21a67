import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, saveScreenshot, type BrowserSession } from './support/startBrowserSession.ts';
import { useSessionWithFamilyCached } from './support/useBrowserSession.ts';
import { openChat, scroller, wheelTicks } from './support/listGeometry.ts';
import { axeViolations } from './support/historyA11y.ts';

const skipReason = browserSkipReason();

interface ChipFrame {
  shown: boolean;
  chip: string;
  /** The day of the topmost message in view, formatted here (not by the app) as the chip should say it. */
  topDay: string | null;
  /** What the chip's box overlaps: message text, names, quotes, media, separators (each clipped to the list). */
  covered: string[];
  /** The days of the separators the list shows now (any part of them). */
  separatorsInView: string[];
}

/** Samples every painted frame: the chip, whether it is visible, and what of the list it would cover. */
async function startChipSampler(session: BrowserSession): Promise<void> {
  await session.page.evaluate((s) => {
    const list = document.querySelector<HTMLElement>(s)!;
    const chip = document.querySelector<HTMLElement>('[data-testid="date-chip"]')!;
    const dayFormat = new Intl.DateTimeFormat(navigator.language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    const state = { frames: [] as ChipFrame[], running: true };
    (window as unknown as { __chip: typeof state }).__chip = state;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const box = list.getBoundingClientRect();
      const chipBox = chip.getBoundingClientRect();
      const shown = Number(getComputedStyle(chip).opacity) > 0.01;
      let topRow: Element | null = null;
      let topRowTop = Infinity;
      for (const row of list.querySelectorAll('[data-index]')) {
        const rect = row.getBoundingClientRect();
        if (rect.bottom > box.top + 1 && rect.top < topRowTop) {
          topRow = row;
          topRowTop = rect.top;
        }
      }
      const dated = topRow?.querySelector<HTMLElement>('[data-date]');
      const covered: string[] = [];
      for (const element of list.querySelectorAll<HTMLElement>(
        '.text, .sender, .reply-quote, .forwarded, .media, .service-line span, .day-separator span, .chat-start',
      )) {
        const r = element.getBoundingClientRect();
        // What the list shows of it: clipped to the list's box.
        const top = Math.max(r.top, box.top);
        const bottom = Math.min(r.bottom, box.bottom);
        if (bottom <= top) continue;
        if (r.left < chipBox.right && r.right > chipBox.left && top < chipBox.bottom && bottom > chipBox.top)
          covered.push(`${element.className} ${element.textContent?.slice(0, 30)}`);
      }
      const separatorsInView = [...list.querySelectorAll<HTMLElement>('.day-separator')]
        .filter((separator) => {
          const r = separator.getBoundingClientRect();
          return r.bottom > box.top + 1 && r.top < box.bottom;
        })
        .map((separator) => separator.textContent ?? '');
      state.frames.push({
        separatorsInView,
        shown,
        chip: chip.textContent ?? '',
        topDay: dated ? dayFormat.format(Date.parse(dated.dataset.date!)) : null,
        covered,
      });
      if (state.running) requestAnimationFrame(() => channel.port2.postMessage(0));
    };
    requestAnimationFrame(() => channel.port2.postMessage(0));
  }, scroller);
}

async function readChipFrames(session: BrowserSession): Promise<ChipFrame[]> {
  return session.page.evaluate(() => {
    const state = (window as unknown as { __chip: { frames: ChipFrame[]; running: boolean } }).__chip;
    state.running = false;
    return state.frames;
  });
}

describe.skipIf(skipReason !== null)(`the floating date chip${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  const cached = useSessionWithFamilyCached();
  let session: BrowserSession;
  let family: number;
  beforeAll(async () => {
    session = cached.session();
    family = cached.family();
    await openChat(session.page, family);
  });

  it('in 600 frames of scrolling never covers a message and always names the topmost message’s day', async () => {
    await startChipSampler(session);
    // Up through several days and pages, then back down.
    await wheelTicks(session.page, 200, -240, 2);
    await saveScreenshot(session.page, 'date-chip-scrolling');
    await wheelTicks(session.page, 100, 240, 2);
    const frames = await readChipFrames(session);
    expect(frames.length).toBeGreaterThanOrEqual(600);
    expect(frames.filter((frame) => frame.covered.length > 0)).toEqual([]);
    const shown = frames.filter((frame) => frame.shown);
    expect(shown.length).toBeGreaterThan(frames.length / 2);
    expect(shown.filter((frame) => frame.chip !== frame.topDay)).toEqual([]);
    // Never the same date twice: while the chip shows a day, none of that day's separator is in view.
    expect(shown.filter((frame) => frame.separatorsInView.includes(frame.chip))).toEqual([]);
  }, 120_000);

  it('fades when scrolling stops, and a click on it opens the jump dialog', async () => {
    const { page } = session;
    const opacity = () => page.$eval('[data-testid="date-chip"]', (chip) => Number(getComputedStyle(chip).opacity));
    await expect.poll(opacity, { timeout: 60_000 }).toBe(0);
    // Each painted frame's opacity is kept in the page, so a busy machine that reads late still sees it was shown.
    await page.evaluate(() => {
      const w = window as unknown as { __chipShown: boolean };
      w.__chipShown = false;
      const look = () => {
        const chip = document.querySelector('[data-testid="date-chip"]');
        if (chip && Number(getComputedStyle(chip).opacity) === 1) w.__chipShown = true;
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await wheelTicks(page, 3, -240, 2);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __chipShown: boolean }).__chipShown)).toBe(true);
    await page.click('[data-testid="date-chip"]');
    await page.waitForSelector('.jump-dialog[open]');
    await page.keyboard.press('Escape');
  });

  it('at the start of a chat it hides while the first day’s separator is on screen, and covers neither it nor “Beginning of this chat”', async () => {
    const { page } = session;
    await page.focus(scroller);
    await page.keyboard.press('Home');
    await page.waitForSelector(`${scroller} .chat-start`);
    await wheelTicks(page, 2, 60, 2);
    await wheelTicks(page, 2, -240, 2);
    const state = await page.evaluate((s) => {
      const chip = document.querySelector<HTMLElement>('[data-testid="date-chip"]')!;
      const start = document.querySelector(`${s} .chat-start`)!.getBoundingClientRect();
      const box = chip.getBoundingClientRect();
      return {
        scrolling: chip.classList.contains('scrolling'),
        hiddenBySeparator: chip.classList.contains('at-separator'),
        overlapsStart: start.top < box.bottom && start.bottom > box.top && start.left < box.right && start.right > box.left,
      };
    }, scroller);
    expect(state.overlapsStart).toBe(false);
    // Still "scrolling" (it would show), but the day's own separator is in view, so it stays hidden.
    expect(state.scrolling).toBe(true);
    expect(state.hiddenBySeparator).toBe(true);
  });
  it('the jump dialog’s calendar is a grid with one Tab stop that the arrows, Home/End and PageUp/PageDown walk; Enter picks the day', async () => {
    const { page } = session;
    await page.keyboard.press('Control+g');
    await page.waitForSelector('.jump-dialog[open] .calendar-grid');
    await page.fill('[data-testid="jump-date"]', '2024-03-13');
    const title = () => page.textContent('.jump-dialog .calendar-title');
    await expect.poll(title).toBe('March 2024');
    // One Tab stop in the grid: the chosen day.
    await expect.poll(() => page.locator('.jump-dialog .calendar-day[tabindex="0"]').count()).toBe(1);
    const stop = page.locator('.jump-dialog .calendar-day[tabindex="0"]');
    await stop.focus();
    const focusedDay = () =>
      page.evaluate(() => {
        const day = document.activeElement as HTMLElement;
        return day.classList.contains('calendar-day') ? new Date(Number(day.dataset.start)).toDateString() : null;
      });
    /** The day the keys should reach: `from` moved by `days`, past days the grid disables in that direction. */
    const expectMove = async (key: string, days: number) => {
      const before = await page.evaluate(() => Number((document.activeElement as HTMLElement).dataset.start));
      await page.keyboard.press(key);
      await expect
        .poll(async () => {
          const after = await page.evaluate(() => Number((document.activeElement as HTMLElement).dataset.start));
          const moved = Math.round((after - before) / 86_400_000);
          return Math.sign(moved) === Math.sign(days) && Math.abs(moved) >= Math.abs(days);
        })
        .toBe(true);
    };
    await expectMove('ArrowRight', 1);
    await expectMove('ArrowLeft', -1);
    await expectMove('ArrowDown', 7);
    await expectMove('ArrowUp', -7);
    await page.keyboard.press('PageUp');
    await expect.poll(title).toBe('February 2024');
    expect(await focusedDay()).not.toBeNull();
    await page.keyboard.press('Shift+PageDown');
    await expect.poll(title).toBe('February 2025');
    await page.keyboard.press('Home');
    await expect.poll(async () => (await focusedDay())?.slice(0, 3)).toMatch(/Mon|Sun|Sat/);
    // Still one Tab stop, and the structure is a valid grid (rows of gridcells).
    expect(await page.locator('.jump-dialog .calendar-day[tabindex="0"]').count()).toBe(1);
    expect(await axeViolations(page, '.jump-dialog .density-calendar')).toEqual([]);
    const picked = await page.evaluate(() => Number((document.activeElement as HTMLElement).dataset.start));
    await page.keyboard.press('Enter');
    const pickedDay = new Date(picked);
    const expected = `${pickedDay.getFullYear()}-${String(pickedDay.getMonth() + 1).padStart(2, '0')}-${String(pickedDay.getDate()).padStart(2, '0')}`;
    await expect.poll(() => page.inputValue('[data-testid="jump-date"]')).toBe(expected);
    await saveScreenshot(page, 'calendar-grid-keyboard');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.jump-dialog[open]', { state: 'detached' });
  });
});
