import type { Page } from '@playwright/test';

/**
 * Holds the page's requestAnimationFrame callbacks until `releaseAnimationFrames`, so a test can put key presses
 * before a frame that, on a busy machine, may come after them: a race made certain rather than left to load.
 */
export async function holdAnimationFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __heldFrames?: { held: FrameRequestCallback[]; real: typeof requestAnimationFrame } };
    const held: FrameRequestCallback[] = [];
    w.__heldFrames = { held, real: window.requestAnimationFrame.bind(window) };
    window.requestAnimationFrame = (callback) => held.push(callback);
  });
}

/** Runs the held callbacks in the next real frame, restores requestAnimationFrame, and says how many ran. */
export async function releaseAnimationFrames(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const w = window as unknown as { __heldFrames: { held: FrameRequestCallback[]; real: typeof requestAnimationFrame } };
        const { held, real } = w.__heldFrames;
        window.requestAnimationFrame = real;
        real((time) => {
          const due = held.splice(0);
          for (const callback of due) callback(time);
          // One more frame, for anything the callbacks scheduled.
          real(() => resolve(due.length));
        });
      }),
  );
}
