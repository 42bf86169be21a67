import { describe, expect, it } from 'vitest';
import { createDemoSource, demoPaces, type DemoPace } from '../../electron/core/sources/demo/createDemoSource.ts';
import { backgroundSent, backgroundSentAhead } from './support/requestOrder.ts';
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

// How fast the jump paints, Pause is shown and progress moves, with the same jump without a download beside it,
// are the bench's figures (npm run bench: ui_jump_during_download_ms…); the test judges order and cause.
function suite(name: string, pace: DemoPace | null) {
  describe.skipIf(skipReason !== null)(
    `${name}: the window first while a download runs${skipReason ? ` — skipped: ${skipReason}` : ''}`,
    () => {
      const session = useBrowserSession({ demoPace: pace });

      it('a jump to an uncached date is asked before the download’s next request; Pause stops the download’s requests; progress moves', async () => {
        const { page, core, demoRequests } = session();
        const chatId = session().chatIdOf(BIG);
        await openChat(page, chatId);
        const readProgress = await recordSyncProgress(page);
        await page.click('[data-testid="sync-start"]');
        // The download is under way: several of its requests sent and its progress shown changing.
        await expect.poll(() => backgroundSent(demoRequests).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
        await expect.poll(async () => (await readProgress()).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(3);

        const date = new Date(2018, 4, 20, 9, 30).getTime();
        const target = await landingId(date);
        await page.keyboard.press('Control+g');
        await page.fill('[data-testid="jump-date"]', '2018-05-20');
        await page.fill('[data-testid="jump-time"]', '09:30');
        const beforeJump = demoRequests.length;
        await page.keyboard.press('Enter');
        await page.waitForSelector(`${scroller} [data-message-id="${target}"]`, { timeout: 60_000 });
        const windowRequests = backgroundSentAhead(demoRequests, beforeJump);
        // The date was not cached, so the window asked the source, each time ahead of any waiting download request
        // (at the fast demo's pace no download request waits, so this holds there by construction; paced, it is the test).
        expect(windowRequests.length).toBeGreaterThan(0);
        expect(windowRequests.filter((request) => request.overtakenBy.length > 0)).toEqual([]);
        expect(core.sync.status(chatId).state).toBe('running');
        // The download went on after the jump (the window did not stop it).
        await expect.poll(() => backgroundSent(demoRequests.slice(beforeJump)).length, { timeout: 60_000 }).toBeGreaterThan(0);

        await page.click('.sync-control button:has-text("Pause")');
        await page.waitForSelector('[data-testid="sync-progress"][data-state="paused"]', { timeout: 60_000 });
        const pausedAt = demoRequests.length;
        const storedAtPause = core.sync.status(chatId).fetched;
        expect(core.sync.status(chatId).state).toBe('paused');
        // Paused means no more of the download: over several of its paces, no request is sent for it and no
        // message stored by it (a request in flight at the click was cancelled, not stored).
        await page.waitForTimeout(Math.max(1500, 3 * ((pace?.pacingMs ?? 0) + (pace?.requestMs ?? 0))));
        expect(backgroundSent(demoRequests.slice(pausedAt))).toEqual([]);
        expect(core.sync.status(chatId)).toMatchObject({ state: 'paused', fetched: storedAtPause });

        // While it ran (not while the source asked to wait, which the status counts down), the shown progress moved.
        const running = (await readProgress()).filter((entry) => !entry.text.includes('resuming in'));
        expect(new Set(running.map((entry) => entry.text)).size).toBeGreaterThanOrEqual(3);
      });
    },
  );
}

suite('fast demo', null);
suite('paced demo (Telegram)', demoPaces.telegram!);
