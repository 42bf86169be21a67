import type { Page } from '@playwright/test';

/**
 * Measures what a person sees: after every painted frame (rAF, then a MessageChannel task, so frames that
 * are never painted are not sampled), the screen position of the message row nearest the viewport centre,
 * tracked by id from frame to frame. Runs in the page; read back with `readFrames`.
 */
export interface FrameSample {
  /** Movement of the tracked row since the previous frame, px (positive: down). Null when it left. */
  moved: number | null;
  rows: number;
  /** Rows at least partly inside the viewport. */
  visible: number;
  nodes: number;
  scrollTop: number;
}

export async function startFrameSampler(page: Page): Promise<void> {
  await page.evaluate(() => {
    const scroller = document.querySelector<HTMLElement>('[data-testid="message-scroller"]')!;
    const state = {
      frames: [] as Array<{ moved: number | null; rows: number; visible: number; nodes: number; scrollTop: number }>,
      running: true,
      tracked: null as null | { id: string; top: number },
    };
    (window as unknown as { __sampler: typeof state }).__sampler = state;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const box = scroller.getBoundingClientRect();
      let moved: number | null = null;
      if (state.tracked) {
        const element = scroller.querySelector(`[data-message-id="${CSS.escape(state.tracked.id)}"]`);
        if (element) moved = element.getBoundingClientRect().top - state.tracked.top;
      }
      const centre = box.top + box.height / 2;
      let best: { id: string; top: number; distance: number } | null = null;
      for (const element of scroller.querySelectorAll<HTMLElement>('[data-message-id]')) {
        const rect = element.getBoundingClientRect();
        const distance = Math.abs(rect.top + rect.height / 2 - centre);
        if (!best || distance < best.distance) best = { id: element.dataset.messageId!, top: rect.top, distance };
      }
      state.tracked = best ? { id: best.id, top: best.top } : null;
      let visible = 0;
      for (const row of scroller.querySelectorAll('[data-index]')) {
        const rect = row.getBoundingClientRect();
        if (rect.bottom > box.top && rect.top < box.bottom) visible++;
      }
      state.frames.push({
        moved,
        rows: scroller.querySelectorAll('[data-index]').length,
        visible,
        nodes: scroller.querySelectorAll('*').length,
        scrollTop: scroller.scrollTop,
      });
      if (state.running) requestAnimationFrame(() => channel.port2.postMessage(0));
    };
    requestAnimationFrame(() => channel.port2.postMessage(0));
  });
}

export async function readFrames(page: Page, stop = true): Promise<FrameSample[]> {
  return page.evaluate((stopNow) => {
    const state = (window as unknown as { __sampler: { frames: FrameSample[]; running: boolean } }).__sampler;
    if (stopNow) state.running = false;
    const frames = state.frames;
    state.frames = [];
    return frames;
  }, stop);
}

/** Resolves after `count` painted frames. */
export async function waitFrames(page: Page, count: number): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    count,
  );
}

/** Waits until no page request is in flight and the list has settled for a few frames. */
export async function waitForIdleList(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="message-scroller"]')?.getAttribute('aria-busy') === 'false');
  await waitFrames(page, 4);
}
