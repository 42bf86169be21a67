import { describe, expect, it } from 'vitest';
import { createDemoSource, demoPaces, type DemoPace } from '../../electron/core/sources/demo/createDemoSource.ts';
import { browserSkipReason } from './support/startBrowserSession.ts';
import { useBrowserSession } from './support/useBrowserSession.ts';
import { openChat, scroller } from './support/listGeometry.ts';
import { recordSyncProgress } from './support/recordSyncProgress.ts';

const skipReason = browserSkipReason();
const BIG = 1_000_000;

/** The message a jump to `date` lands on, computed from the demo's own timeline (nothing is cached by it). */
async function landingId(date: number): Promise<string> {
  const page = await createDemoSource().getAround({ key: 'archive', peer: null }, { date }, 60);
  return page.messages.find((message) => message.date >= date)!.id;
}

function suite(name: string, pace: DemoPace | null, budgetMs: number) {
  describe.skipIf(skipReason !== null)(
    `${name}: the window first while a download runs${skipReason ? ` — skipped: ${skipReason}` : ''}`,
    () => {
      const session = useBrowserSession({ demoPace: pace });

      it(`a jump to an uncached date paints within ${budgetMs} ms, Pause is answered within 500 ms, progress moves every second`, async () => {
        const { page } = session();
        await openChat(page, session().chatIdOf(BIG));
        const readProgress = await recordSyncProgress(page);
        await page.click('[data-testid="sync-start"]');
        await page.waitForTimeout(3000);

        const date = new Date(2018, 4, 20, 9, 30).getTime();
        const target = await landingId(date);
        await page.keyboard.press('Control+g');
        await page.fill('[data-testid="jump-date"]', '2018-05-20');
        await page.fill('[data-testid="jump-time"]', '09:30');
        const jumped = performance.now();
        await page.keyboard.press('Enter');
        await page.waitForSelector(`${scroller} [data-message-id="${target}"]`, { timeout: 10_000 });
        const paintedMs = performance.now() - jumped;

        await page.waitForTimeout(2500);
        const paused = performance.now();
        await page.click('.sync-control button:has-text("Pause")');
        await page.waitForSelector('[data-testid="sync-progress"][data-state="paused"]', { timeout: 5000 });
        const pauseMs = performance.now() - paused;

        const seen = await readProgress();
        const running = seen.filter((entry) => !entry.text.includes('resuming in'));
        const gaps = running.slice(1).map((entry, index) => entry.at - running[index]!.at);
        expect(paintedMs).toBeLessThanOrEqual(budgetMs);
        expect(pauseMs).toBeLessThanOrEqual(500);
        expect(running.length).toBeGreaterThanOrEqual(pace ? 5 : 20);
        // While it runs (not while the source asked to wait, which the status counts down), it moves at least every second.
        expect(Math.max(...gaps)).toBeLessThanOrEqual(1000 + (pace ? 250 : 0));
      });
    },
  );
}

suite('fast demo', null, 2000);
// Telegram's pace: within 1 s plus one source request (it waits only for the request in flight).
suite('paced demo (Telegram)', demoPaces.telegram!, 1000 + demoPaces.telegram!.requestMs);
