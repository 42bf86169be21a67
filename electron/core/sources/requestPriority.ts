import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Whose request this is: what the window is showing now (a page, a jump, a reply target, a search of an
 * uncached span) is `foreground`; thumbnails and files for what the window shows are `media`; downloads, export gap-filling and prefetching are `background`. Carried
 * through every await of the work that started it, so a source's scheduler can put the window first
 * without each call passing it along.
 */
export type RequestPriority = 'foreground' | 'media' | 'background';

const priority = new AsyncLocalStorage<RequestPriority>();

/** Runs `work` (and everything it awaits) as background work. */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return priority.run('background', work);
}

/** Runs `work` as the window's media: after its pages, before background work. */
export function asMediaRequest<T>(work: () => Promise<T>): Promise<T> {
  return priority.run('media', work);
}

export function currentRequestPriority(): RequestPriority {
  return priority.getStore() ?? 'foreground';
}
