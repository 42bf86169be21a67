import { describe, expect, it } from 'vitest';
import type { Page } from '@playwright/test';
import { browserSkipReason } from './support/startBrowserSession.ts';
import { useBrowserSession } from './support/useBrowserSession.ts';
import { openChat } from './support/listGeometry.ts';
import { recordSyncProgress } from './support/recordSyncProgress.ts';

const skipReason = browserSkipReason();
const BIG = 1_000_000;

/** Every call the window makes to main (the loopback bridge's /rpc/<method>), with when it was made. */
function recordCalls(page: Page): { calls: Array<{ method: string; at: number }>; stop(): void } {
  const calls: Array<{ method: string; at: number }> = [];
  const onRequest = (request: { url(): string }) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/rpc/')) calls.push({ method: pathname.slice('/rpc/'.length), at: Date.now() });
  };
  page.on('request', onRequest);
  return { calls, stop: () => page.off('request', onRequest) };
}

describe.skipIf(skipReason !== null)(`status pushed, not polled${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  // A source with a real request's latency, so a download's pages arrive as they would from a network.
  const session = useBrowserSession({ latencyMs: 80 });

  // Longer than every timer the window sets (renderer/src): the toast fade (TOAST_FADE_MS, 5 s), the one re-ask
  // (the Telegram login's status, every 3 s, while a login dialog is open), the picture retries (0.5 and 2 s), the
  // announcement gap (2 s), useNow's 250 ms tick; react-query refetches nothing by time (no refetchInterval, no
  // refetch on focus or reconnect). A call that any of them would make, once or repeatedly, falls inside it.
  const IDLE_WINDOW_MS = 6_000;

  it('an idle window (a chat open, nothing running) makes no IPC call in 6 s, longer than any timer it sets', async () => {
    const { page } = session();
    const opening = recordCalls(page);
    await openChat(page, session().chatIdOf(BIG));
    // What opening the chat asks for (pages, coverage, counts) settles: 2 s without a call, however long that takes.
    await expect.poll(() => Date.now() - (opening.calls.at(-1)?.at ?? 0), { timeout: 60_000, interval: 250 }).toBeGreaterThanOrEqual(2000);
    opening.stop();
    const idle = recordCalls(page);
    await page.waitForTimeout(IDLE_WINDOW_MS);
    idle.stop();
    expect(idle.calls).toEqual([]);
  });

  it('a download’s progress is pushed to the window page after page (it never asks), then pauses', async () => {
    const { page, core } = session();
    const pushed: number[] = [];
    const unsubscribe = core.events.subscribe((event) => {
      if (event.kind === 'syncStatus' && event.status.state === 'running') pushed.push(event.status.cached);
    });
    const readProgress = await recordSyncProgress(page);
    const shownCounts = async () =>
      (await readProgress()).map((entry) => Number(/^([\d,]+) of/.exec(entry.text)?.[1]?.replace(/,/g, '') ?? NaN)).filter(Number.isFinite);
    const during = recordCalls(page);
    await page.click('[data-testid="sync-start"]');
    // Ten pages stored and shown, however long the machine takes for them.
    await expect.poll(async () => new Set(await shownCounts()).size, { timeout: 60_000 }).toBeGreaterThanOrEqual(10);
    during.stop();
    await page.click('.sync-control button:has-text("Pause")');
    await page.waitForSelector('[data-testid="sync-progress"][data-state="paused"]', { timeout: 60_000 });
    unsubscribe();
    // The window did not ask for the status while it ran: each count it showed is one the core pushed, in order.
    expect(during.calls.filter((call) => call.method === 'getSyncStatus')).toEqual([]);
    const shown = [...new Set(await shownCounts())];
    const pushedCounts = new Set(pushed);
    expect(shown.filter((count) => !pushedCounts.has(count))).toEqual([]);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
  });
});
