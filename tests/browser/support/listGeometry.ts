import type { Page } from '@playwright/test';
import { waitFrames } from './frameSampler.ts';

export const scroller = '[data-testid="message-scroller"]';

/** Opens a chat from the sidebar and waits for its first rows to be painted. */
export async function openChat(page: Page, chatId: number): Promise<void> {
  await page.click(`[data-chat-id="${chatId}"]`);
  await page.waitForSelector(`${scroller} [data-message-id]`);
  await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('aria-busy') === 'false', scroller);
  await waitFrames(page, 6);
}

/** Screen rectangles of the scroller and of one message row. */
export async function rectsOf(page: Page, messageId: string) {
  return page.evaluate(
    ({ s, id }) => {
      const box = document.querySelector(s)!.getBoundingClientRect();
      // The row: the message with its day separator and spacing, as the list lays it out.
      const row = document.querySelector(`${s} [data-message-id="${CSS.escape(id)}"]`)?.closest('[data-index]');
      const rect = row?.getBoundingClientRect();
      return {
        scroller: { top: box.top, bottom: box.bottom, height: box.height },
        row: rect ? { top: rect.top, bottom: rect.bottom, height: rect.height } : null,
      };
    },
    { s: scroller, id: messageId },
  );
}

/** Wheel ticks over the list, one per `framesPerTick` painted frames. */
export async function wheelTicks(page: Page, ticks: number, deltaY: number, framesPerTick = 2): Promise<void> {
  const box = (await page.locator(scroller).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < ticks; i++) {
    await page.mouse.wheel(0, deltaY);
    await waitFrames(page, framesPerTick);
  }
}

/** Clicks one of the chat header's actions, opening the ⋯ menu first when a narrow pane has folded them into it. */
export async function clickChatAction(page: Page, testId: string): Promise<void> {
  const action = page.locator(`[data-testid="${testId}"]`);
  if (!(await action.isVisible())) await page.click('[data-testid="chat-actions-toggle"]');
  await action.click();
}
