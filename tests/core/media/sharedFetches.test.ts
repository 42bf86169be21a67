import { describe, expect, it } from 'vitest';
import { createSharedFetches } from '../../../electron/core/media/createSharedFetches.ts';

/** A fetch that ends only when told, or rejects when its signal is aborted. */
function controllableFetch() {
  const started: Array<{ signal: AbortSignal; finish(value: string): void }> = [];
  const start = (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      started.push({ signal, finish: resolve });
      signal.addEventListener('abort', () => reject(new Error('cancelled with the others')), { once: true });
    });
  return { started, start };
}

describe('shared media fetches', () => {
  it('several waiters share one fetch, which is cancelled only when the last stops waiting', async () => {
    const share = createSharedFetches();
    const fetch = controllableFetch();
    const first = new AbortController();
    const second = new AbortController();
    const a = share('1/2/thumb', first.signal, fetch.start);
    const b = share('1/2/thumb', second.signal, fetch.start);
    expect(fetch.started).toHaveLength(1);
    first.abort(new Error('row 1 gone'));
    await expect(a).rejects.toThrow('row 1 gone');
    expect(fetch.started[0]!.signal.aborted).toBe(false);
    fetch.started[0]!.finish('thumb.jpg');
    await expect(b).resolves.toBe('thumb.jpg');
  });

  it('a request that comes while the cancelled fetch has not settled gets a fetch of its own, not its cancellation', async () => {
    const share = createSharedFetches();
    const fetch = controllableFetch();
    const dropped = new AbortController();
    const a = share('7/avatar', dropped.signal, fetch.start);
    dropped.abort(new Error('row drawn again'));
    // In the same turn: the cancelled fetch's promise has not settled yet.
    const again = share('7/avatar', undefined, fetch.start);
    await expect(a).rejects.toThrow('row drawn again');
    expect(fetch.started).toHaveLength(2);
    expect(fetch.started[1]!.signal.aborted).toBe(false);
    fetch.started[1]!.finish('avatar.jpg');
    await expect(again).resolves.toBe('avatar.jpg');
    // And the next request after it settled starts afresh too.
    const later = share('7/avatar', undefined, fetch.start);
    expect(fetch.started).toHaveLength(3);
    fetch.started[2]!.finish('avatar.jpg');
    await expect(later).resolves.toBe('avatar.jpg');
  });
});
