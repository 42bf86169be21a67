/**
 * One fetch per file however many rows ask at once; it is cancelled only when all of them stop waiting. A
 * request that comes after the last waiter left starts a fetch of its own: the cancelled one (its promise not
 * yet settled) must not answer it with the others' cancellation, which left a chat's picture failed for good
 * when a row was drawn again while its first request was being dropped.
 */
export function createSharedFetches() {
  const running = new Map<string, { promise: Promise<unknown>; controller: AbortController; waiters: number }>();
  return function share<T>(key: string, signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<T>): Promise<T> {
    let entry = running.get(key);
    if (!entry || entry.controller.signal.aborted) {
      const controller = new AbortController();
      const created: { promise: Promise<unknown>; controller: AbortController; waiters: number } = {
        promise: Promise.resolve(),
        controller,
        waiters: 0,
      };
      created.promise = start(controller.signal).finally(() => {
        if (running.get(key) === created) running.delete(key);
      });
      entry = created;
      running.set(key, entry);
    }
    const shared = entry;
    shared.waiters++;
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        signal?.removeEventListener('abort', onAbort);
        shared.waiters--;
      };
      const onAbort = () => {
        leave();
        if (shared.waiters === 0) shared.controller.abort(signal?.reason);
        reject(signal?.reason);
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      (shared.promise as Promise<T>).then(
        (value) => {
          leave();
          resolve(value);
        },
        (error: unknown) => {
          leave();
          reject(error);
        },
      );
    });
  };
}
