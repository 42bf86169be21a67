import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/sync.ts';
import { browserSkipReason } from './support/startBrowserSession.ts';
import { useBrowserSession } from './support/useBrowserSession.ts';
import { openChat } from './support/listGeometry.ts';
import { recordSyncProgress } from './support/recordSyncProgress.ts';

const skipReason = browserSkipReason();
const BIG = 1_000_000;

describe.skipIf(skipReason !== null)(`status pushed, not polled${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  // A source with a real request's latency, so a download's pages arrive as they would from a network.
  const session = useBrowserSession({ latencyMs: 80 });

  it('an idle window (a chat open, nothing running) makes no IPC call in 10 s', async () => {
    const { page } = session();
    await openChat(page, session().chatIdOf(BIG));
    await page.waitForTimeout(1500); // what opening the chat asks for (pages, coverage, counts) settles
    const calls: string[] = [];
    const onRequest = (request: { url(): string }) => {
      if (new URL(request.url()).pathname.startsWith('/rpc/')) calls.push(new URL(request.url()).pathname);
    };
    page.on('request', onRequest);
    await page.waitForTimeout(10_000);
    page.off('request', onRequest);
    expect(calls).toEqual([]);
  });

  it('a download’s progress reaches the window within 500 ms of each stored page, then pauses at once', async () => {
    const { page, core } = session();
    const stored: Array<{ cached: number; at: number }> = [];
    const unsubscribe = core.events.subscribe((event) => {
      if (event.kind === 'syncStatus' && event.status.state === 'running')
        stored.push({ cached: (event.status as SyncStatus).cached, at: Date.now() });
    });
    const readProgress = await recordSyncProgress(page);
    await page.click('[data-testid="sync-start"]');
    await page.waitForTimeout(4000);
    await page.click('.sync-control button:has-text("Pause")');

    await page.waitForSelector('[data-testid="sync-progress"][data-state="paused"]', { timeout: 1000 });
    unsubscribe();
    const seen = await readProgress();
    const shown = seen.map((entry) => ({ cached: Number(/^([\d,]+) of/.exec(entry.text)?.[1]?.replace(/,/g, '') ?? NaN), at: entry.at }));
    const pages = stored.slice(1); // the first is the start, before any page
    expect(pages.length).toBeGreaterThanOrEqual(10);
    const late = pages.filter((page) => !shown.some((entry) => entry.cached >= page.cached && entry.at - page.at <= 500));
    expect(late).toEqual([]);
  });
});
