import type { Page } from '@playwright/test';

/** What a visual medium looked like in the frames it was on screen. */
export interface MediaFrameRecord {
  messageId: string;
  kind: string;
  /** ms since the recording started, at the first frame it was in the viewport. */
  firstSeen: number;
  /** Its stripped preview was decoded and drawable in that first frame. */
  previewInFirstFrame: boolean;
  hasPreview: boolean;
  /** ms since the recording started when its real thumbnail had loaded, or null. */
  thumbAt: number | null;
}

/**
 * Watches every painted frame (requestAnimationFrame) for pictures in the message list's viewport of the
 * chat named (a chat shown before it, still painting, is not counted): when each first appeared, whether its
 * preview was already drawable then, and when its thumbnail arrived.
 */
export async function startMediaFrameRecorder(page: Page, chatName: string): Promise<void> {
  await page.evaluate((name) => {
    const start = performance.now();
    const records = new Map<string, MediaFrameRecord>();
    (window as unknown as { __mediaFrames: Map<string, MediaFrameRecord> }).__mediaFrames = records;
    (window as unknown as { __mediaElapsed: () => number }).__mediaElapsed = () => performance.now() - start;
    const scroller = () => document.querySelector(`[data-testid="message-scroller"][aria-label="Messages in ${CSS.escape(name)}"]`);
    const frame = () => {
      const list = scroller();
      const box = list?.getBoundingClientRect();
      if (list && box) {
        const now = performance.now() - start;
        for (const element of list.querySelectorAll<HTMLElement>('.media-visual')) {
          const rect = element.getBoundingClientRect();
          if (rect.bottom <= box.top || rect.top >= box.bottom) continue;
          const id = element.closest('[data-message-id]')?.getAttribute('data-message-id') ?? '';
          const preview = element.querySelector<HTMLImageElement>('img.preview');
          const full = element.querySelector<HTMLImageElement>('img.full');
          let record = records.get(id);
          if (!record) {
            record = {
              messageId: id,
              kind: element.dataset.mediaKind ?? '',
              firstSeen: now,
              hasPreview: preview !== null,
              previewInFirstFrame: preview !== null && preview.complete && preview.naturalWidth > 0,
              thumbAt: null,
            };
            records.set(id, record);
          }
          if (record.thumbAt === null && full && full.complete && full.naturalWidth > 0) record.thumbAt = now;
        }
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, chatName);
}

/**
 * Waits until every picture seen so far has its thumbnail or has had `ms` since it appeared (those seen
 * late get their full time too), and no new one appeared meanwhile.
 */
export async function waitForThumbnailsOrTimeout(page: Page, ms: number): Promise<void> {
  await page.waitForFunction(
    (limit) => {
      const w = window as unknown as { __mediaFrames: Map<string, MediaFrameRecord>; __mediaElapsed: () => number };
      const now = w.__mediaElapsed();
      const records = [...w.__mediaFrames.values()];
      return records.length > 0 && records.every((record) => record.thumbAt !== null || now - record.firstSeen > limit);
    },
    ms,
    { timeout: 10_000, polling: 50 },
  );
}

export async function readMediaFrames(page: Page): Promise<MediaFrameRecord[]> {
  return page.evaluate(() => [...(window as unknown as { __mediaFrames: Map<string, MediaFrameRecord> }).__mediaFrames.values()]);
}
