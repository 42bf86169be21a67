import type { Clock } from './createRequestLimiter.ts';
import { currentRequestPriority, type RequestPriority } from './requestPriority.ts';

export interface RequestScheduler {
  /**
   * Runs `request` when its turn comes: one at a time, what the window waits for first, then the window's
   * media (except that a download whose pace has come goes before it), then background work, first come
   * first served within each. Background requests keep `pacingMs` between their starts; the
   * window's wait only for the request in flight (and a fifth of the pace after any start, so a burst of
   * scrolling cannot hammer the source). A request whose signal aborts while it waits leaves the queue at once.
   */
  run<R>(request: () => Promise<R>, signal?: AbortSignal): Promise<R>;
}

interface Waiting {
  priority: RequestPriority;
  order: number;
  /** Sends the request and settles its caller; resolves when the request has finished. */
  send(): Promise<void>;
}

const RANK: Record<RequestPriority, number> = { foreground: 0, media: 1, background: 2 };

function comesBefore(a: Waiting, b: Waiting): boolean {
  if (a.priority !== b.priority) return RANK[a.priority] < RANK[b.priority];
  return a.order < b.order;
}

/** One request scheduler per source (per account): the one place a source's requests wait their turn. */
export function createRequestScheduler(options: { pacingMs: number; clock: Clock }): RequestScheduler {
  const queue: Waiting[] = [];
  let order = 0;
  let pumping = false;
  let lastStart = Number.NEGATIVE_INFINITY;
  let lastBackgroundStart = Number.NEGATIVE_INFINITY;
  /** Wakes the pump from a background pause when a window request arrives. */
  let wake: AbortController | null = null;

  // Media chunks are small requests metered apart from history (Telegram limits downloads per DC, not by
  // the history pace), so they keep only a tenth of the pace between starts.
  const waitFor = (entry: Waiting) =>
    entry.priority === 'foreground'
      ? lastStart + options.pacingMs / 5 - options.clock.now()
      : entry.priority === 'media'
        ? lastStart + options.pacingMs / 10 - options.clock.now()
        : Math.max(lastBackgroundStart + options.pacingMs, lastStart + options.pacingMs / 5) - options.clock.now();

  /**
   * The next request: the window's first; then its media, unless a download's turn (its pace) has come,
   * so thumbnails scrolling past never stall a download's progress beyond its own pace.
   */
  function next(): Waiting {
    const best = queue.reduce((chosen, candidate) => (comesBefore(candidate, chosen) ? candidate : chosen));
    if (best.priority !== 'media') return best;
    const download = queue.find((entry) => entry.priority === 'background');
    return download && options.clock.now() >= lastBackgroundStart + options.pacingMs ? download : best;
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0) {
        const entry = next();
        const wait = waitFor(entry);
        if (wait > 0) {
          // Chosen again after the pause: a window request that arrives meanwhile goes first.
          wake = new AbortController();
          await options.clock.sleep(wait, wake.signal).catch(() => undefined);
          wake = null;
          continue;
        }
        queue.splice(queue.indexOf(entry), 1);
        lastStart = options.clock.now();
        if (entry.priority === 'background') lastBackgroundStart = lastStart;
        await entry.send();
      }
    } finally {
      pumping = false;
    }
  }

  return {
    run<R>(request: () => Promise<R>, signal?: AbortSignal): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const onAbort = () => {
          const index = queue.indexOf(entry);
          if (index < 0) return; // already sent: the request itself hears the signal
          queue.splice(index, 1);
          reject(signal?.reason);
        };
        const entry: Waiting = {
          priority: currentRequestPriority(),
          order: order++,
          send: async () => {
            signal?.removeEventListener('abort', onAbort);
            try {
              resolve(await request());
            } catch (error) {
              reject(error);
            }
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(entry);
        if (entry.priority !== 'background') wake?.abort();
        void pump();
      });
    },
  };
}
