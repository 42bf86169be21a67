import type { Page } from '@playwright/test';

export interface ShownProgress {
  text: string;
  /** When the page showed it (Date.now in the page, the same clock as the test's). */
  at: number;
}

/** Records every text the download's progress shows, with when it was shown (a MutationObserver in the page). */
export async function recordSyncProgress(page: Page): Promise<() => Promise<ShownProgress[]>> {
  await page.evaluate(() => {
    const seen: Array<{ text: string; at: number }> = [];
    (window as unknown as { seenProgress: typeof seen }).seenProgress = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="sync-progress"]')?.textContent ?? '';
      if (text !== seen[seen.length - 1]?.text) seen.push({ text, at: Date.now() });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { seenProgress: ShownProgress[] }).seenProgress);
}
