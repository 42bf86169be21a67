import type { Page } from '@playwright/test';
import { percentile, round, type Figures } from '../benchResults.ts';
import { startBrowserSession } from '../../tests/browser/support/startBrowserSession.ts';
import { openChat, scroller } from '../../tests/browser/support/listGeometry.ts';
import { recordSyncProgress } from '../../tests/browser/support/recordSyncProgress.ts';
import { readMediaFrames, startMediaFrameRecorder, waitForAllThumbnails } from '../../tests/browser/support/recordMediaFrames.ts';
import { createDemoSource, demoPaces } from '../../electron/core/sources/demo/createDemoSource.ts';

/** The message a jump to `date` lands on, from the demo's own timeline. */
async function landingId(date: number): Promise<string> {
  const page = await createDemoSource().getAround({ key: 'archive', peer: null }, { date }, 60);
  return page.messages.find((message) => message.date >= date)!.id;
}

/** ms from Enter in the jump dialog to the landing message painted. */
async function timeJump(page: Page, date: Date): Promise<number> {
  const target = await landingId(date.getTime());
  const pad = (n: number) => String(n).padStart(2, '0');
  await page.keyboard.press('Control+g');
  await page.fill('[data-testid="jump-date"]', `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`);
  await page.fill('[data-testid="jump-time"]', `${pad(date.getHours())}:${pad(date.getMinutes())}`);
  const started = Date.now();
  await page.keyboard.press('Enter');
  await page.waitForSelector(`${scroller} [data-message-id="${target}"]`, { timeout: 60_000 });
  return Date.now() - started;
}

/**
 * What the window-first tests no longer time (they judge order and cause), measured here in the real window
 * at Telegram's pace: a jump to an uncached date while a download runs, beside the same kind of jump with
 * nothing running (same run); how long Pause takes to show; the longest the shown progress stands still
 * while the download runs; and, on the fast demo, how long after a picture appears its thumbnail comes.
 */
export async function runWindowFirstBench(options: { quick: boolean }): Promise<Figures> {
  const figures: Figures = {};
  const pace = demoPaces.telegram!;
  const samples = options.quick ? 3 : 6;
  // Each jump to a date no earlier jump cached: days years apart.
  const dates = (offset: number) => Array.from({ length: samples }, (_, i) => new Date(2011 + offset + 2 * i, (i * 5) % 12, 3 + i, 9, 30));
  const session = await startBrowserSession({ demoPace: pace });
  try {
    const { page } = session;
    const big = session.chatIdOf(1_000_000);
    await openChat(page, big);
    const idle: number[] = [];
    for (const date of dates(0)) idle.push(await timeJump(page, date));
    const readProgress = await recordSyncProgress(page);
    await page.click('[data-testid="sync-start"]');
    await page.waitForTimeout(2000);
    const during: number[] = [];
    for (const date of dates(1)) {
      // Land anywhere in the download's pacing interval.
      await page.waitForTimeout(200 + ((during.length * 379) % 800));
      during.push(await timeJump(page, date));
    }
    const clicked = Date.now();
    await page.click('.sync-control button:has-text("Pause")');
    await page.waitForSelector('[data-testid="sync-progress"][data-state="paused"]', { timeout: 60_000 });
    const pauseMs = Date.now() - clicked;
    const running = (await readProgress()).filter((entry) => !entry.text.includes('resuming in') && entry.at < clicked);
    const gaps = running.slice(1).map((entry, index) => entry.at - running[index]!.at);
    figures.ui_jump_uncached_idle_ms = {
      value: round(percentile(idle, 50), 0),
      unit: 'ms',
      target: `baseline, same run (Telegram's pace)`,
    };
    figures.ui_jump_uncached_during_download_ms = {
      value: round(percentile(during, 50), 0),
      unit: 'ms',
      target: `vs idle, same run; max ${round(Math.max(...during), 0)} ms, <= ${pace.pacingMs + pace.requestMs}`,
    };
    figures.ui_pause_shown_ms = { value: round(pauseMs, 0), unit: 'ms', target: '<= 500' };
    figures.ui_progress_max_gap_ms = { value: round(Math.max(...gaps), 0), unit: 'ms', target: `<= ${pace.pacingMs + 250} while running` };
  } finally {
    await session.close();
  }
  const fast = await startBrowserSession({ viewport: { width: 960, height: 600 } });
  try {
    const { page, core } = fast;
    const big = fast.chatIdOf(1_000_000);
    await startMediaFrameRecorder(page, core.getChat(big).name);
    await page.click(`[data-chat-id="${big}"]`);
    await waitForAllThumbnails(page, 'photo');
    const photos = (await readMediaFrames(page)).filter((record) => record.kind === 'photo');
    figures.ui_thumbnail_after_shown_max_ms = {
      value: round(Math.max(...photos.map((photo) => photo.thumbAt! - photo.firstSeen)), 0),
      unit: 'ms',
      target: `<= 1000 (${photos.length} photos of the first screen)`,
    };
  } finally {
    await fast.close();
  }
  return figures;
}
