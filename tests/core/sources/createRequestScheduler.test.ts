import { describe, expect, it } from 'vitest';
import { createRequestScheduler } from '../../../electron/core/sources/createRequestScheduler.ts';
import { inBackground } from '../../../electron/core/sources/requestPriority.ts';
import { systemClock } from '../../../electron/core/sources/createRequestLimiter.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('request scheduler', () => {
  it('sends one request at a time, paced, and puts the window’s request ahead of waiting background ones', async () => {
    const scheduler = createRequestScheduler({ pacingMs: 40, clock: systemClock });
    const log: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const starts: number[] = [];
    const request = (name: string) => async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      starts.push(performance.now());
      log.push(name);
      await sleep(10);
      inFlight--;
      return name;
    };
    const background = inBackground(() => Promise.all([1, 2, 3, 4].map((n) => scheduler.run(request(`sync${n}`)))));
    await sleep(5);
    const foreground = scheduler.run(request('page'));
    expect(await foreground).toBe('page');
    await background;
    expect(maxInFlight).toBe(1);
    // The first background request was already on its way; the page goes next, before the other three,
    // as soon as that one is done (not a whole pacing interval later)…
    expect(log).toEqual(['sync1', 'page', 'sync2', 'sync3', 'sync4']);
    expect(starts[1]! - starts[0]!).toBeLessThan(30);
    // …and the background keeps its own pace between its starts.
    expect(starts[2]! - starts[0]!).toBeGreaterThanOrEqual(39);
    expect(starts[3]! - starts[2]!).toBeGreaterThanOrEqual(39);
    expect(starts[4]! - starts[3]!).toBeGreaterThanOrEqual(39);
  });

  it('a request cancelled while it waits leaves the queue at once, and is never sent', async () => {
    const scheduler = createRequestScheduler({ pacingMs: 200, clock: systemClock });
    const sent: string[] = [];
    await scheduler.run(async () => sent.push('first'));
    const controller = new AbortController();
    const waiting = scheduler.run(async () => sent.push('cancelled'), controller.signal);
    const started = performance.now();
    controller.abort('pause');
    await expect(waiting).rejects.toBe('pause');
    expect(performance.now() - started).toBeLessThan(50);
    await sleep(250);
    expect(sent).toEqual(['first']);
  });

  it('keeps going after a failed request', async () => {
    const scheduler = createRequestScheduler({ pacingMs: 0, clock: systemClock });
    await expect(scheduler.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await scheduler.run(async () => 'next')).toBe('next');
  });
});
