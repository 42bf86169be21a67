import type { Page } from '@playwright/test';

/** Main-thread task time per painted frame (Chromium's own TaskDuration metric) while `act` runs. */
export async function mainThreadMsPerFrame(page: Page, act: () => Promise<void>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value;
  await page.evaluate(() => {
    const w = window as unknown as { __frames?: number };
    if (w.__frames !== undefined) return;
    w.__frames = 0;
    const count = () => {
      w.__frames!++;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
  });
  const frames = () => page.evaluate(() => (window as unknown as { __frames: number }).__frames);
  const frames0 = await frames();
  const task0 = await taskSeconds();
  await act();
  const task1 = await taskSeconds();
  const frames1 = await frames();
  await cdp.detach();
  return ((task1 - task0) * 1000) / (frames1 - frames0);
}
