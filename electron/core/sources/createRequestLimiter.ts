/** Time as the limiter and client see it; tests pass a fake clock whose sleep advances time at once. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(signal.reason);
        },
        { once: true },
      );
    }),
};

/**
 * At most `maxRequests` starts in any `windowMs` (a sliding window over the actual start times), enforced on
 * the client so the account never meets the server's limit. Requests also go one at a time.
 */
export function createRequestLimiter(options: { maxRequests: number; windowMs: number; clock: Clock }) {
  const starts: number[] = [];
  let queue: Promise<void> = Promise.resolve();
  return {
    /**
     * Resolves when a request may start now; the start is recorded. `reserve`: starts to leave free in the
     * window for others (media keep some of the budget for history pages).
     */
    acquire(signal?: AbortSignal, reserve = 0): Promise<void> {
      const turn = queue.then(async () => {
        for (;;) {
          const now = options.clock.now();
          while ((starts[0] ?? Number.POSITIVE_INFINITY) <= now - options.windowMs) starts.shift();
          if (starts.length < options.maxRequests - reserve) {
            starts.push(now);
            return;
          }
          // The start whose leaving the window frees a place (none recorded: a whole window from now).
          const freeingStart = starts[Math.max(0, starts.length - (options.maxRequests - reserve))] ?? now;
          await options.clock.sleep(freeingStart + options.windowMs - now, signal);
        }
      });
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
