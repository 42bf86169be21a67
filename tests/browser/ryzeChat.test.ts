import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, saveScreenshot, startBrowserSession, type BrowserSession } from './support/startBrowserSession.ts';
import { readFrames, startFrameSampler, waitForIdleList } from './support/frameSampler.ts';
import { rectsOf, scroller, wheelTicks } from './support/listGeometry.ts';
import { createFakeClock, seedRyzeChat, startFakeRyzeApiServer } from '../support/fakeRyzeApiServer.ts';

const skipReason = browserSkipReason();
const TOKEN = 'ryze-browser-token-51c0';
const JID = '120363000000000003@g.us';

describe.skipIf(skipReason !== null)(`a WhatsApp chat through RyzeAPI in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let session: BrowserSession;
  let server: Awaited<ReturnType<typeof startFakeRyzeApiServer>>;
  const bodies: string[] = [];
  beforeAll(async () => {
    server = await startFakeRyzeApiServer({
      token: TOKEN,
      instance: 'phone',
      chats: { [JID]: seedRyzeChat(JID, 2_000) },
      clock: createFakeClock(),
    });
    session = await startBrowserSession();
    // Every answer the window gets over the bridge, to check the token never comes back.
    session.page.on('response', async (response) => {
      if (response.url().includes('/rpc/')) bodies.push(await response.text().catch(() => ''));
    });
  });
  afterAll(async () => {
    const errors = session?.pageErrors ?? [];
    await session?.close();
    await server?.close();
    expect(errors).toEqual([]);
  });

  it('is added from the window, then opens at its newest message and scrolls back through bursts without a jump', async () => {
    const { page } = session;
    await page.waitForSelector('[data-chat-id]');
    await page.click('[data-testid="add-menu"]');
    await page.click('[data-testid="add-source-ryze"]');
    await page.fill('[data-testid="ryze-instance"]', 'phone');
    await page.fill('[data-testid="ryze-base-url"]', server.baseUrl);
    await page.fill('[data-testid="ryze-token"]', TOKEN);
    await page.fill('[data-testid="ryze-chat"]', JID);
    await page.click('.ryze-dialog button[type="submit"]');
    await page.waitForSelector(`${scroller}[aria-label^="Messages in Group"] [data-message-id]`);
    await waitForIdleList(page);
    const newestId = await page.evaluate(
      (s) => [...document.querySelectorAll(`${s} [data-message-id]`)].at(-1)!.getAttribute('data-message-id')!,
      scroller,
    );
    const { scroller: box, row } = await rectsOf(page, newestId);
    expect(Math.abs(row!.bottom - box.bottom)).toBeLessThanOrEqual(1);
    await startFrameSampler(page);
    await wheelTicks(page, 150, -200);
    await waitForIdleList(page);
    const frames = await readFrames(page);
    // Still, or whole ticks (a busy machine may paint two in one frame); anything else is a jump.
    const ticks = (moved: number) => Math.round(moved / 200);
    expect(
      frames.filter(
        (f) => f.moved !== null && Math.abs(f.moved) > 1 && (ticks(f.moved) < 1 || Math.abs(f.moved - ticks(f.moved) * 200) > 1),
      ),
    ).toEqual([]);
    expect(Number(await page.getAttribute(scroller, 'data-page-count'))).toBeGreaterThan(2);
    await saveScreenshot(page, 'ryze-chat');
  });

  it('never sends the token back to the window', () => {
    expect(bodies.length).toBeGreaterThan(5);
    for (const body of bodies) expect(body).not.toContain(TOKEN);
  });

  it('says while it waits that RyzeAPI is being retried (attempt n of 5, next in s), with the cached messages still shown', async () => {
    const { page } = session;
    const rows = await page.locator(`${scroller} [data-message-id]`).count();
    expect(rows).toBeGreaterThan(0);
    server.failNext('500', 2);
    // Ask for a stretch that is not cached yet: the jump goes to the source, which fails twice.
    await page.keyboard.press('Control+g');
    await page.fill('[data-testid="jump-date"]', '2020-01-01');
    await page.keyboard.press('Enter');
    const notice = page.locator('[data-testid="source-retry"]');
    // Shown during the wait before the next attempt (it names it), not after the answer: the order, not a deadline.
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toMatch(
      /^Trying to reach WhatsApp \(phone\) — attempt 2 of 5, next in \d+ s\. What is on this computer is still shown\. \(server error 500\)$/,
    );
    // It goes away once RyzeAPI answers.
    await notice.waitFor({ state: 'detached', timeout: 60_000 });
  });
});
