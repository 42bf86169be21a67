import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../electron/core/sources/createRequestLimiter.ts';
import { createFakeTelegram, seedFakeChat, type FakeChat, type FakeTelegram } from '../support/fakeTelegram.ts';
import { fakeSessionString } from '../support/fakeTelegramClient.ts';
import { browserSkipReason, saveScreenshot, startBrowserSession, type BrowserSession } from './support/startBrowserSession.ts';
import { openChat, scroller, wheelTicks } from './support/listGeometry.ts';
import { waitForIdleList } from './support/frameSampler.ts';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)(`live updates in the window${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let session: BrowserSession;
  let fake: FakeTelegram;
  let team: FakeChat;
  beforeAll(async () => {
    team = seedFakeChat({ type: 'channel', id: 777, accessHash: 4242 }, 'Team', 400, { start: Date.UTC(2024, 0, 1) / 1000 });
    fake = createFakeTelegram({ chats: [team], clock: systemClock });
    session = await startBrowserSession({
      viewport: { width: 1280, height: 1400 },
      telegram: { fake, session: await fakeSessionString() },
      telegramAccount: true,
    });
  });
  afterAll(async () => {
    const errors = session?.pageErrors ?? [];
    await session?.close();
    expect(errors).toEqual([]);
  });

  const rowText = (id: number) =>
    session.page.evaluate(({ s, id }) => document.querySelector(`${s} [data-message-id="${id}"] .text`)?.textContent ?? null, {
      s: scroller,
      id,
    });

  it('Telegram pushes 10 edits, 5 deletions and 50 new messages while the chat is open: edited rows offer their earlier text, deleted ones are marked, new ones appear at the bottom', async () => {
    const { page, core } = session;
    const chatId = core.listChats().find((chat) => chat.name === 'Team')!.id;
    await openChat(page, chatId);
    await page.waitForSelector(`${scroller} [data-message-id="${team.messages.at(-1)!.id}"]`);
    await waitForIdleList(page);

    const newest = team.messages.slice(-16).map((message) => message.id);
    const edited = newest.slice(-10);
    const deleted = newest.slice(0, 5);
    const originals = new Map(team.messages.map((message) => [message.id, message.message]));
    edited.forEach((id, i) => fake.editMessage(team, id, `corrected ${i}`));
    fake.deleteMessages(team, deleted);
    await expect.poll(() => rowText(edited[9]!), { timeout: 60_000 }).toBe('corrected 9');
    for (const [i, id] of edited.entries()) expect(await rowText(id)).toBe(`corrected ${i}`);
    for (const id of deleted) {
      await expect.poll(() => page.locator(`${scroller} [data-message-id="${id}"] [data-testid="deleted-mark"]`).count()).toBe(1);
      // Kept, with its text: dimmed, not removed.
      expect(await rowText(id)).toBe(originals.get(id));
    }
    await page.click(`${scroller} [data-message-id="${edited[0]}"] [data-testid="show-earlier-versions"]`);
    await expect
      .poll(() => page.locator(`${scroller} [data-message-id="${edited[0]}"] [data-testid="earlier-versions"]`).textContent())
      .toContain(originals.get(edited[0]!)!);
    await saveScreenshot(page, 'edits-and-deletions');

    for (let i = 0; i < 50; i++) fake.postMessage(team, `live message ${i}`);
    const lastNew = team.messages.at(-1)!.id;
    await page.waitForSelector(`${scroller} [data-message-id="${lastNew}"]`, { timeout: 60_000 });
    await waitForIdleList(page);
    // The reader was at the bottom: the newest message is in view, at the bottom.
    const { scrollerBottom, rowBottom } = await page.evaluate(
      ({ s, id }) => ({
        scrollerBottom: document.querySelector(s)!.getBoundingClientRect().bottom,
        rowBottom: document.querySelector(`${s} [data-message-id="${id}"]`)!.getBoundingClientRect().bottom,
      }),
      { s: scroller, id: lastNew },
    );
    expect(Math.abs(scrollerBottom - rowBottom)).toBeLessThanOrEqual(2);
    expect(await rowText(lastNew)).toBe('live message 49');
    // Said politely to screen readers (the reader was at the bottom), in few lines for the burst.
    const announced = page.locator('[data-testid="new-messages-announcement"]');
    expect(await announced.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => announced.textContent(), { timeout: 60_000 }).toMatch(/live message 49$/);
    await saveScreenshot(page, 'live-updates');

    // Scrolled up, the reader keeps their place and the jump-to-latest button counts what arrived.
    await page.hover(scroller);
    await wheelTicks(page, 6, -400);
    await waitForIdleList(page);
    for (let i = 0; i < 3; i++) fake.postMessage(team, `while away ${i}`);
    await expect.poll(() => page.locator('[data-testid="arrived-count"]').textContent(), { timeout: 60_000 }).toBe('3');
    // Scrolled up, arrivals are counted on the button, not announced.
    expect(await announced.textContent()).not.toContain('while away');
    await page.click('[data-testid="jump-latest"]');
    await page.waitForSelector(`${scroller} [data-message-id="${team.messages.at(-1)!.id}"]`);
    await expect.poll(() => page.locator('[data-testid="arrived-count"]').count()).toBe(0);

    // What changed lists all of it, newest first; choosing a change opens it in context.
    await page.click('[data-testid="open-what-changed"]');
    const panel = page.locator('[data-testid="what-changed"]');
    await expect.poll(() => panel.locator('[data-change-kind="edited"]').count()).toBe(10);
    expect(await panel.locator('[data-change-kind="deleted"]').count()).toBe(5);
    expect(await panel.locator('[data-change-kind="new"]').count()).toBe(53);
    await saveScreenshot(page, 'what-changed');
    await panel.locator('[data-change-kind="deleted"]').first().click();
    await page.waitForSelector(`${scroller} [data-message-id="${deleted.at(-1)}"] [data-testid="deleted-mark"]`);
  });
});
