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
 * Waits until every picture of `kind` seen so far has its thumbnail, and no new one appeared in the last few
 * frames (how long they took is the bench's figure; a loaded machine only takes longer).
 */
export async function waitForAllThumbnails(page: Page, kind: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      const w = window as unknown as { __mediaFrames: Map<string, MediaFrameRecord>; __mediaSettled?: { count: number; polls: number } };
      const records = [...w.__mediaFrames.values()].filter((record) => record.kind === wanted);
      const settled = (w.__mediaSettled ??= { count: -1, polls: 0 });
      if (records.length === 0 || records.some((record) => record.thumbAt === null)) return false;
      settled.polls = settled.count === records.length ? settled.polls + 1 : 0;
      settled.count = records.length;
      return settled.polls >= 5;
    },
    kind,
    { timeout: 60_000, polling: 'raf' },
  );
}

export async function readMediaFrames(page: Page): Promise<MediaFrameRecord[]> {
  return page.evaluate(() => [...(window as unknown as { __mediaFrames: Map<string, MediaFrameRecord> }).__mediaFrames.values()]);
}
