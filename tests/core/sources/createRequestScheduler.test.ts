import { describe, expect, it } from 'vitest';
import { createRequestScheduler } from '../../../electron/core/sources/createRequestScheduler.ts';
import { asMediaRequest, inBackground } from '../../../electron/core/sources/requestPriority.ts';
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

  it('sends the window’s media after its pages and before downloads, except a download whose pace has come', async () => {
    const scheduler = createRequestScheduler({ pacingMs: 100, clock: systemClock });
    const log: string[] = [];
    const request = (name: string) => async () => {
      log.push(name);
      await sleep(5);
    };
    await inBackground(() => scheduler.run(request('sync1')));
    // While the download waits for its pace, thumbnails go; a page overtakes them all.
    const sync = inBackground(() => scheduler.run(request('sync2')));
    const thumbs = asMediaRequest(() => Promise.all([1, 2, 3].map((n) => scheduler.run(request(`thumb${n}`)))));
    const page = scheduler.run(request('page'));
    await Promise.all([sync, thumbs, page]);
    expect(log.slice(0, 5)).toEqual(['sync1', 'page', 'thumb1', 'thumb2', 'thumb3']);
    // A steady stream of thumbnails cannot hold the download past its pace.
    log.length = 0;
    const started = performance.now();
    const stream = asMediaRequest(async () => {
      for (let n = 0; n < 40; n++) await scheduler.run(request(`t${n}`));
    });
    await sleep(1);
    const download = inBackground(() => scheduler.run(request('sync3')));
    await download;
    expect(performance.now() - started).toBeLessThan(250);
    await stream;
    expect(log.indexOf('sync3')).toBeLessThan(log.length - 1);
  });
});
