import type { Page } from '@playwright/test';
import { percentile, round, type Figures } from '../benchResults.ts';
import { browserSkipReason, startBrowserSession } from '../../tests/browser/support/startBrowserSession.ts';
import { readFrames, startFrameSampler, waitForIdleList, waitFrames } from '../../tests/browser/support/frameSampler.ts';
import { openChat, scroller, wheelTicks } from '../../tests/browser/support/listGeometry.ts';

/** Click a chat and time, in the page, until its first row has been painted. */
async function timeOpen(page: Page, chatId: number, chatName: string): Promise<number> {
  return page.evaluate(
    ({ id, name }) =>
      new Promise<number>((resolve) => {
        const began = performance.now();
        document.querySelector<HTMLElement>(`[data-chat-id="${id}"]`)!.click();
        const painted = () => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - began);
          channel.port2.postMessage(0);
        };
        const check = () => {
          const list = document.querySelector(`[data-testid="message-scroller"][aria-label="Messages in ${CSS.escape(name)}"]`);
          if (list?.querySelector('[data-message-id]')) requestAnimationFrame(painted);
          else requestAnimationFrame(check);
        };
        check();
      }),
    { id: chatId, name: chatName },
  );
}

/** The message list in Chromium on the 1,000,000-message demo chat. */
export async function runUiBench(options: { quick: boolean }): Promise<Figures> {
  const skip = browserSkipReason();
  if (skip) {
    process.stderr.write(`ui: skipped (${skip})\n`);
    return {};
  }
  const figures: Figures = {};
  const session = await startBrowserSession();
  try {
    const { page, core } = session;
    const chats = core.listChats();
    const big = chats.find((chat) => chat.messageCount === 1_000_000)!;
    const other = chats.find((chat) => chat.messageCount === 6_000)!;
    await openChat(page, big.id);
    await openChat(page, other.id);
    const opens: number[] = [];
    for (let i = 0; i < (options.quick ? 5 : 15); i++) {
      opens.push(await timeOpen(page, big.id, big.name));
      await waitForIdleList(page);
      await timeOpen(page, other.id, other.name);
      await waitForIdleList(page);
    }
    figures.ui_open_to_first_row_ms = { value: round(percentile(opens, 50), 1), unit: 'ms', target: '<= 300' };

    // Main-thread time per frame while wheel-scrolling at about 12,000 px/s (200 px every 16.7 ms frame).
    await openChat(page, big.id);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () => ((await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> }).metrics.find((m) => m.name === 'TaskDuration')!.value;
    const frames = options.quick ? 120 : 300;
    await page.evaluate(() => {
      (window as unknown as { __frames: number }).__frames = 0;
      const count = () => {
        (window as unknown as { __frames: number }).__frames++;
        requestAnimationFrame(count);
      };
      requestAnimationFrame(count);
    });
    const before = await taskSeconds();
    const framesBefore = await page.evaluate(() => (window as unknown as { __frames: number }).__frames);
    await wheelTicks(page, frames, -200, 1);
    const after = await taskSeconds();
    const framesAfter = await page.evaluate(() => (window as unknown as { __frames: number }).__frames);
    figures.ui_scroll_task_ms_per_frame = { value: round(((after - before) * 1000) / (framesAfter - framesBefore), 2), unit: 'ms', target: '<= 8' };
  } finally {
    await session.close();
  }

  // Still while older pages arrive (latency makes them land while the reader is not scrolling).
  const slow = await startBrowserSession({ latencyMs: 250 });
  try {
    const { page } = slow;
    await openChat(page, slow.chatIdOf(1_000_000));
    let maxJump = 0;
    for (let round = 0; round < (options.quick ? 3 : 10); round++) {
      while ((await page.getAttribute(scroller, 'aria-busy')) !== 'true') await wheelTicks(page, 1, -300, 1);
      await startFrameSampler(page);
      await waitForIdleList(page);
      await waitFrames(page, 20);
      for (const frame of await readFrames(page)) if (frame.moved !== null) maxJump = Math.max(maxJump, Math.abs(frame.moved));
    }
    figures.ui_prepend_max_jump_px = { value: round(maxJump, 2), unit: 'px', target: '= 0' };
  } finally {
    await slow.close();
  }
  return figures;
}
