import { translator } from '../i18n/createTranslator.ts';

/** How long a source may take to answer one request (or to connect) before the wait is given up. */
export const SOURCE_DEADLINE_MS = 30_000;

export interface WaitOptions {
  /** Give up after this many milliseconds (real time: a fake clock must not expire it at once). */
  deadlineMs: number;
  /** The user's Cancel: the wait ends at once when it aborts. */
  signal?: AbortSignal;
  /** The error for a missed deadline, in words (what did not answer, within how long, what to check). */
  onTimeout(): Error;
  /** The error for a cancelled wait; the signal's reason by default. */
  onAbort?(reason: unknown): Error;
}

/**
 * Waits for `work`, but never past its deadline and never past the user's Cancel: whichever comes first
 * settles the returned promise at once. The work itself may go on (a network library cannot always be
 * stopped); its late result or failure is dropped, never left unhandled.
 */
export function waitWithDeadline<T>(work: Promise<T>, options: WaitOptions): Promise<T> {
  const { signal } = options;
  if (signal?.aborted) {
    work.catch(() => undefined);
    return Promise.reject(options.onAbort ? options.onAbort(signal.reason) : signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const onAbort = () => {
      if (settle()) reject(options.onAbort ? options.onAbort(signal?.reason) : signal?.reason);
    };
    const timer = setTimeout(() => {
      if (settle()) reject(options.onTimeout());
    }, options.deadlineMs);
    function settle(): boolean {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      return true;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        if (settle()) resolve(value);
      },
      (error: unknown) => {
        if (settle()) reject(error);
      },
    );
  });
}

/** A deadline in the user's words: "30 s", "0.2 s" ("0,2 s" in German). */
export function secondsInWords(ms: number): string {
  return translator()('time.short', { unit: 'second', value: ms >= 10_000 ? Math.round(ms / 1000) : Number((ms / 1000).toFixed(1)) });
}
