import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRequestScheduler } from '../../../electron/core/sources/createRequestScheduler.ts';
import { asMediaRequest, inBackground } from '../../../electron/core/sources/requestPriority.ts';
import { systemClock } from '../../../electron/core/sources/createRequestLimiter.ts';

// The scheduler's clock is faked (timers and Date, not setImmediate), so each start is read at its exact
// moment: the order and the pace are the scheduler's, never the machine's speed.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Lets every promise that can settle without time passing settle (a real turn of the event loop). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

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
      starts.push(Date.now());
      log.push(name);
      await sleep(10);
      inFlight--;
      return name;
    };
    const background = inBackground(() => Promise.all([1, 2, 3, 4].map((n) => scheduler.run(request(`sync${n}`)))));
    await vi.advanceTimersByTimeAsync(5);
    const foreground = scheduler.run(request('page'));
    await vi.runAllTimersAsync();
    expect(await foreground).toBe('page');
    await background;
    expect(maxInFlight).toBe(1);
    // The first background request was already on its way; the page goes next, before the other three, the
    // moment that one is done (not a pacing interval later); the background keeps its own pace between starts.
    expect(log).toEqual(['sync1', 'page', 'sync2', 'sync3', 'sync4']);
    expect(starts).toEqual([0, 10, 40, 80, 120]);
  });

  it('a request cancelled while it waits leaves the queue at once, and is never sent', async () => {
    const scheduler = createRequestScheduler({ pacingMs: 200, clock: systemClock });
    const sent: string[] = [];
    await scheduler.run(async () => sent.push('first'));
    const controller = new AbortController();
    const waiting = scheduler.run(async () => sent.push('cancelled'), controller.signal);
    let outcome: unknown = 'still waiting';
    waiting.then(
      () => (outcome = 'sent'),
      (reason: unknown) => (outcome = reason),
    );
    controller.abort('pause');
    // No time passes: the cancelled request is out of the queue without waiting for its turn.
    await settle();
    expect(outcome).toBe('pause');
    await vi.runAllTimersAsync();
    expect(sent).toEqual(['first']);
  });

  it('keeps going after a failed request', async () => {
    const scheduler = createRequestScheduler({ pacingMs: 0, clock: systemClock });
    await expect(scheduler.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await scheduler.run(async () => 'next')).toBe('next');
  });

  it('sends the window’s media after its pages and before downloads, except a download whose pace has come', async () => {
    const scheduler = createRequestScheduler({ pacingMs: 100, clock: systemClock });
    const log: Array<{ name: string; at: number }> = [];
    const request = (name: string) => async () => {
      log.push({ name, at: Date.now() });
      await sleep(5);
    };
    const first = inBackground(() => scheduler.run(request('sync1')));
    await vi.runAllTimersAsync();
    await first;
    // While the download waits for its pace, thumbnails go; a page overtakes them all.
    const sync = inBackground(() => scheduler.run(request('sync2')));
    const thumbs = asMediaRequest(() => Promise.all([1, 2, 3].map((n) => scheduler.run(request(`thumb${n}`)))));
    const page = scheduler.run(request('page'));
    await vi.runAllTimersAsync();
    await Promise.all([sync, thumbs, page]);
    expect(log.map((entry) => entry.name)).toEqual(['sync1', 'page', 'thumb1', 'thumb2', 'thumb3', 'sync2']);
    // The download started at its pace after the first one: the thumbnails filled its wait, not delayed it.
    expect(log.find((entry) => entry.name === 'sync2')!.at).toBe(100);
    // A steady stream of thumbnails cannot hold the download past its pace.
    log.length = 0;
    const stream = asMediaRequest(async () => {
      for (let n = 0; n < 40; n++) await scheduler.run(request(`t${n}`));
    });
    await vi.advanceTimersByTimeAsync(1);
    const download = inBackground(() => scheduler.run(request('sync3')));
    await vi.runAllTimersAsync();
    await Promise.all([download, stream]);
    const names = log.map((entry) => entry.name);
    // Its pace came at 200 (sync2 started at 100); it went then, ahead of the thumbnail due at 200, keeping only
    // a fifth of the pace after the last start (t8 at 190): 210. The thumbnails go on after it.
    expect(log.find((entry) => entry.name === 'sync3')!.at).toBe(210);
    expect(names.slice(names.indexOf('sync3') - 1, names.indexOf('sync3') + 2)).toEqual(['t8', 'sync3', 't9']);
    expect(names).toHaveLength(41);
  });
});
