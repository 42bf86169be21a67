import type { Page } from '@playwright/test';
import { percentile, round, type Figures } from '../benchResults.ts';
import { browserSkipReason, startBrowserSession } from '../../tests/browser/support/startBrowserSession.ts';
import { readFrames, startFrameSampler, waitForIdleList, waitFrames } from '../../tests/browser/support/frameSampler.ts';
import { openChat, scroller, wheelTicks } from '../../tests/browser/support/listGeometry.ts';
import { getChatRecord, upsertChats } from '../../electron/core/cache/chatQueries.ts';
import { upsertSource } from '../../electron/core/cache/sourceQueries.ts';
import { storeBatchAsPage } from './storeBatchesAsPages.ts';
import { createDemoMessage } from '../../electron/core/sources/demo/createDemoMessage.ts';
import { createDemoSource } from '../../electron/core/sources/demo/createDemoSource.ts';
import { demoChats } from '../../electron/core/sources/demo/demoChats.ts';
import type { SourceMessage } from '../../electron/core/model/SourceMessage.ts';
import { databaseOf } from '../../electron/core/app/openScrollbackCore.ts';
import { mainThreadMsPerFrame } from '../../tests/browser/support/mainThreadMsPerFrame.ts';
import { createFakeTelegram, seedFakeChat } from '../../tests/support/fakeTelegram.ts';
import { fakeSessionString } from '../../tests/support/fakeTelegramClient.ts';
import { systemClock } from '../../electron/core/sources/createRequestLimiter.ts';

/**
 * A Telegram update received → its row painted in the open chat at the newest message: the fake pushes a
 * real Api.UpdateNewChannelMessage through GramJS's update dispatch; the core stores it and pushes
 * `messagesChanged`; the window pages on from the cache and paints. Timed with the wall clock on both sides
 * (one machine): from just before the push to the frame after the row entered the DOM.
 */
export async function benchLiveUpdateToRow(options: { quick: boolean }): Promise<Figures> {
  const team = seedFakeChat({ type: 'channel', id: 777, accessHash: 4242 }, 'Live team', 2_000, { start: Date.UTC(2024, 0, 1) / 1000 });
  const fake = createFakeTelegram({ chats: [team], clock: systemClock });
  const session = await startBrowserSession({ telegram: { fake, session: await fakeSessionString() }, telegramAccount: true });
  try {
    const { page, core } = session;
    const chatId = core.listChats().find((chat) => chat.name === 'Live team')!.id;
    await openChat(page, chatId);
    await waitForIdleList(page);
    const samples: number[] = [];
    for (let i = 0; i < (options.quick ? 10 : 40); i++) {
      const nextId = team.messages.at(-1)!.id + 1;
      const painted = page.evaluate(
        ({ s, id }) =>
          new Promise<number>((resolve) => {
            const seen = () => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve(Date.now());
              requestAnimationFrame(() => channel.port2.postMessage(0));
            };
            const observer = new MutationObserver(() => {
              if (document.querySelector(`${s} [data-message-id="${id}"]`)) {
                observer.disconnect();
                seen();
              }
            });
            observer.observe(document.querySelector(s)!, { childList: true, subtree: true });
          }),
        { s: scroller, id: nextId },
      );
      // The observer is in place before the update leaves the fake.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      const sent = Date.now();
      fake.postMessage(team, `live ${i}`);
      samples.push((await painted) - sent);
      await waitForIdleList(page);
    }
    return {
      live_update_to_row_ms: {
        value: round(percentile(samples, 50), 1),
        unit: 'ms',
        target: '<= 100',
        note: `median of ${samples.length}; p90 ${round(percentile(samples, 90), 1)} ms`,
      },
    };
  } finally {
    await session.close();
  }
}

/**
 * The chat list at 5,000 chats beside the demo's 4, same run: the window loaded afresh to its first painted
 * chat row (ms from navigation start, median), the DOM nodes inside the list, and a filter change (typing a
 * letter, or clearing the box) to the next painted frame.
 */
export async function benchChatList(options: { quick: boolean }): Promise<Figures> {
  const runs = options.quick ? 3 : 7;
  // Recorded by the page itself from navigation start: the frame after the first chat row entered the DOM.
  const firstPaint = async (page: Page) => {
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('[data-chat-id]')) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => ((window as unknown as { chatListPaintedAt: number }).chatListPaintedAt = performance.now());
          channel.port2.postMessage(0);
        });
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      await page.reload();
      await page.waitForFunction(() => (window as unknown as { chatListPaintedAt?: number }).chatListPaintedAt !== undefined);
      samples.push(await page.evaluate(() => (window as unknown as { chatListPaintedAt: number }).chatListPaintedAt));
    }
    return percentile(samples, 50);
  };
  const few = await startBrowserSession();
  let fewMs: number;
  try {
    fewMs = await firstPaint(few.page);
  } finally {
    await few.close();
  }
  const many = await startBrowserSession();
  try {
    const db = databaseOf(many.core);
    upsertSource(db, { id: 'import:bench-chats', kind: 'import', name: 'Imported' });
    upsertChats(
      db,
      'import:bench-chats',
      Array.from({ length: 5_000 }, (_, i) => ({
        key: `chat-${i}`,
        name: `${['Team', 'Family', 'Project', 'Club', 'Friends'][i % 5]} ${i}`,
        kind: 'group' as const,
        messageCount: 200 + i,
        lastMessageDate: Date.UTC(2024, 0, 1) + i * 60_000,
      })),
    );
    const manyMs = await firstPaint(many.page);
    const nodes = await many.page.evaluate(() => document.querySelector('[data-testid="chat-scroller"]')!.querySelectorAll('*').length);
    const filterSamples: number[] = [];
    for (let i = 0; i < (options.quick ? 6 : 20); i++) {
      const value = i % 2 === 0 ? `Club ${i}` : '';
      filterSamples.push(
        await many.page.evaluate(
          (text) =>
            new Promise<number>((resolve) => {
              const input = document.querySelector<HTMLInputElement>('[data-testid="chat-filter"]')!;
              const began = performance.now();
              Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
              input.dispatchEvent(new Event('input', { bubbles: true }));
              requestAnimationFrame(() => {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolve(performance.now() - began);
                channel.port2.postMessage(0);
              });
            }),
          value,
        ),
      );
      await waitFrames(many.page, 2);
    }
    return {
      ui_chat_list_4_first_paint_ms: {
        value: round(fewMs, 1),
        unit: 'ms',
        note: 'the demo’s 4 chats: reload to the first painted chat row',
      },
      ui_chat_list_5000_first_paint_ms: { value: round(manyMs, 1), unit: 'ms', target: '<= 1.2 x the 4-chat figure' },
      ui_chat_list_5000_vs_4_ratio: { value: round(manyMs / fewMs, 2), unit: 'x', target: '<= 1.2' },
      ui_chat_list_5000_dom_nodes: { value: nodes, unit: 'nodes', target: '<= 200' },
      ui_chat_list_5000_filter_ms: {
        value: round(percentile(filterSamples, 50), 1),
        unit: 'ms',
        target: '<= 50',
        note: `max ${round(Math.max(...filterSamples), 1)} ms`,
      },
    };
  } finally {
    await many.close();
  }
}

/** Main-thread time per frame (CDP TaskDuration over frames counted in the page) while `act` runs. */

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
    const frames = options.quick ? 120 : 300;
    const perFrame = await mainThreadMsPerFrame(page, () => wheelTicks(page, frames, -200, 1));
    figures.ui_scroll_task_ms_per_frame = { value: round(perFrame, 2), unit: 'ms', target: '<= 8' };
    Object.assign(figures, await memoryAfterPagesBack(page, options.quick ? 30 : 150));
  } finally {
    await session.close();
  }

  Object.assign(figures, await benchSearchScrolling(options));
  Object.assign(figures, await benchLiveUpdateToRow(options));
  Object.assign(figures, await benchChatList(options));

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

/**
 * Memory after scrolling `pages` history pages back through the photo-filled demo: the page's JS heap after
 * a garbage collection (CDP Runtime.getHeapUsage) plus the decoded size of every image still in the
 * document (width × height × 4 bytes, what a decoded RGBA bitmap takes: an upper bound of what the page
 * holds; Chromium's own decoded-image cache is bounded by Chromium).
 */
async function memoryAfterPagesBack(page: Page, pages: number): Promise<Figures> {
  let requested = 0;
  const onRequest = (request: { url(): string }) => {
    if (request.url().includes('/rpc/getHistoryPage')) requested++;
  };
  page.on('request', onRequest);
  const box = (await page.locator(scroller).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let ticks = 0; requested < pages && ticks < pages * 400; ticks++) {
    await page.mouse.wheel(0, -1200);
    await waitFrames(page, 2);
  }
  page.off('request', onRequest);
  await waitForIdleList(page);
  await page.waitForTimeout(1000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  const images = await page.evaluate(() =>
    [...document.images].reduce(
      (sum, image) => ({ bytes: sum.bytes + image.naturalWidth * image.naturalHeight * 4, count: sum.count + 1 }),
      { bytes: 0, count: 0 },
    ),
  );
  const totalMb = (heap.usedSize + images.bytes) / 1e6;
  return {
    ui_memory_after_pages_back_mb: {
      value: round(totalMb, 1),
      unit: 'MB',
      target: '<= 64',
      note: `${requested} pages back; JS heap ${round(heap.usedSize / 1e6, 1)} MB + ${images.count} images decoded ${round(images.bytes / 1e6, 1)} MB`,
    },
  };
}

/** Stores the demo's 1,000,000-message chat in the session's cache, in 50,000-message transactions. */
function cacheBigChat(session: Awaited<ReturnType<typeof startBrowserSession>>, chatId: number): void {
  const spec = demoChats[0]!;
  const timeline = createDemoSource().timelineOf(spec.key);
  const chat = getChatRecord(databaseOf(session.core), chatId);
  let previous: SourceMessage | null = null;
  for (let start = 0; start < spec.count; start += 50_000) {
    const batch: SourceMessage[] = [];
    for (let index = start; index < Math.min(spec.count, start + 50_000); index++) batch.push(createDemoMessage(spec, timeline, index));
    if (storeBatchAsPage(databaseOf(session.core), chat, batch, previous) > 0)
      throw new Error('the bulk ingest marked messages deleted at the source');
    previous = batch[batch.length - 1]!;
  }
}

/** A search matching over 500,000 messages of the cached 1,000,000: time to first results, then scrolling them. */
async function benchSearchScrolling(options: { quick: boolean }): Promise<Figures> {
  const session = await startBrowserSession();
  try {
    const { page } = session;
    const big = session.chatIdOf(1_000_000);
    cacheBigChat(session, big);
    await openChat(page, big);
    await page.keyboard.press('Control+f');
    await page.waitForSelector('[data-testid="search-query"]');
    // Measured in the page: from the input event to the first result painted, less the 200 ms the panel
    // waits after typing before it searches (so each keystroke does not start a search).
    const firstResultsMs =
      (await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const input = document.querySelector<HTMLInputElement>('[data-testid="search-query"]')!;
            const began = performance.now();
            Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, 'e');
            input.dispatchEvent(new Event('input', { bubbles: true }));
            const check = () => {
              if (!document.querySelector('[data-result-index="0"]')) return requestAnimationFrame(check);
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve(performance.now() - began);
              requestAnimationFrame(() => channel.port2.postMessage(0));
            };
            check();
          }),
      )) - 200;
    const box = (await page.locator('[data-testid="search-results"]').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const perFrame = await mainThreadMsPerFrame(page, async () => {
      for (let i = 0; i < (options.quick ? 120 : 300); i++) {
        await page.mouse.wheel(0, 200);
        await waitFrames(page, 1);
      }
    });
    const loaded = await page.locator('[data-result-index]').last().getAttribute('data-result-index');
    if (Number(loaded) < 200) throw new Error(`scrolling the results loaded only ${loaded} of them`);
    return {
      ui_search_500k_first_results_ms: { value: round(firstResultsMs, 1), unit: 'ms', target: 'as fast as any search' },
      ui_search_500k_scroll_task_ms_per_frame: { value: round(perFrame, 2), unit: 'ms', target: '<= 8 (no freezing)' },
    };
  } finally {
    await session.close();
  }
}
