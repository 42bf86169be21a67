import type { FakeTelegram } from './fakeTelegram.ts';

/**
 * For the kill tests: makes the fake Telegram stop the whole process dead at its `haltAt`-th request (null:
 * never). The process prints `halted at request N` and then blocks its thread, so the test's SIGKILL lands
 * mid-work by construction, on every machine, however slow or fast — never after a delay that a busy machine
 * can stretch past the end of the work. Returns how many requests were made, for choosing `haltAt` ranges.
 */
export function haltAtRequest(fake: FakeTelegram, haltAt: number | null): () => number {
  const invoke = fake.invoke.bind(fake);
  let requests = 0;
  fake.invoke = (request) => {
    requests++;
    if (requests === haltAt) {
      process.stderr.write(`halted at request ${requests}\n`);
      // Block this thread for good: no timer, callback or promise runs again before the kill.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    }
    return invoke(request);
  };
  return () => requests;
}

/** The `haltAt` argument of a kill-test process: a request number, or "none". */
export function parseHaltAt(text: string | undefined): number | null {
  return text === undefined || text === 'none' ? null : Number(text);
}
