import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { z } from 'zod';
import { createCoreHandlers } from '../../electron/core/app/createCoreHandlers.ts';
import { startLoopbackHarness, type LoopbackHarness } from '../../electron/harness/startLoopbackHarness.ts';
import { median, round, type Cost, type Figure } from '../benchResults.ts';
import { rendererFolder, type BrowserSession } from '../../tests/browser/support/startBrowserSession.ts';
import { waitFrames } from '../../tests/browser/support/frameSampler.ts';

const floorsFolder = path.resolve(import.meta.dirname, '../floors');

/**
 * The window and the floor page, each in its own tab of the same Chromium, both served by one harness on the
 * session's core (the built renderer and bench/floors side by side), so the rows come over the same RPC from
 * the same server. The floor has a browser context of its own: contexts never share a renderer process, so
 * each tab's main-thread time is its own.
 */
export interface UiFloors {
  /** The window (the session's tab, reloaded from this harness). */
  app: Page;
  /** The floor page (bench/floors/floor.html). */
  floor: Page;
  appCdp: CDPSession;
  floorCdp: CDPSession;
  /** The floor page's URL, with `extra` in its fragment beside the token. */
  floorUrl(extra?: Record<string, string>): string;
  /** The window's URL (with the token). */
  appUrl: string;
  close(): Promise<void>;
}

export async function openUiFloors(session: BrowserSession): Promise<UiFloors> {
  const folder = path.join(session.folder, 'served');
  fs.cpSync(rendererFolder, folder, { recursive: true });
  fs.cpSync(floorsFolder, path.join(folder, 'bench-floors'), { recursive: true });
  const logger = {
    info: () => undefined,
    warn: () => undefined,
    error: (message: string) => process.stderr.write(`ui floor: ${message}\n`),
  };
  const harness: LoopbackHarness = await startLoopbackHarness({
    handlers: createCoreHandlers(session.core, {
      version: 'bench',
      openExternalLink: () => undefined,
      chooseFilesToImport: async () => null,
      chooseExportTarget: async () => null,
      showInFolder: () => undefined,
      logger,
    }),
    rendererFolder: folder,
    logger,
    events: session.core.events,
    mediaFor: (pathname, signal) => session.core.mediaFileFor(pathname, signal),
  });
  const token = new URL(harness.url).hash.slice(1);
  const origin = `http://127.0.0.1:${harness.port}`;
  const floorUrl = (extra: Record<string, string> = {}) =>
    `${origin}/bench-floors/floor.html#${token}&${new URLSearchParams(extra).toString()}`;
  const app = session.page;
  await app.goto(harness.url);
  const floorContext: BrowserContext = await session.browser.newContext({ viewport: app.viewportSize() ?? { width: 1280, height: 800 } });
  const floor = await floorContext.newPage();
  await floor.goto(floorUrl());
  await floor.waitForFunction(() => 'floor' in window);
  const appCdp = await app.context().newCDPSession(app);
  const floorCdp = await floorContext.newCDPSession(floor);
  return {
    app,
    floor,
    appCdp,
    floorCdp,
    floorUrl,
    appUrl: harness.url,
    async close() {
      await floorContext.close();
      await harness.close();
    },
  };
}

/** What a trace of the bench needs: every thread's tasks, a document's commit and the pages' marks. */
const TRACE_CATEGORIES = ['toplevel', 'loading', 'blink.user_timing'];

const traceSchema = z.object({
  traceEvents: z.array(
    z.object({
      name: z.string(),
      ph: z.string(),
      pid: z.number(),
      tid: z.number(),
      ts: z.number(),
      dur: z.number().optional(),
      tdur: z.number().optional(),
    }),
  ),
});
type TraceEvent = z.infer<typeof traceSchema>['traceEvents'][number];

function parseTrace(trace: Buffer): TraceEvent[] {
  return traceSchema.parse(JSON.parse(trace.toString('utf8'))).traceEvents;
}

/** A trace's events on the main thread of the page that set `markName` (oldest first), and that mark. */
function threadOfMark(events: readonly TraceEvent[], markName: string): { mark: TraceEvent; onThread: TraceEvent[] } {
  const mark = events.findLast((event) => event.name === markName);
  if (!mark) throw new Error(`the trace has no mark ${markName}`);
  return { mark, onThread: events.filter((event) => event.pid === mark.pid && event.tid === mark.tid).sort((a, b) => a.ts - b.ts) };
}

/**
 * CPU time (ms) of a thread's top-level tasks (a nested run loop's tasks are inside their parent's) from
 * `from` to `to` (trace µs; a task counts when it ends after `from` and starts by `to`): its thread time, what
 * the thread ran, not the wall of its tasks, which a loaded machine stretches by preempting them.
 */
function cpuOfTasks(onThread: readonly TraceEvent[], from: number, to: number): number {
  let total = 0;
  let end = -Infinity;
  for (const task of onThread) {
    if (task.name !== 'ThreadControllerImpl::RunTask' || task.ph !== 'X' || task.dur === undefined) continue;
    if (task.ts < end || task.ts + task.dur < from) continue;
    if (task.ts > to) break;
    total += task.tdur ?? task.dur;
    end = task.ts + task.dur;
  }
  return total / 1000;
}

/** Starts Chromium's trace of the browser `page` runs in (read back by `cpuToMark`). */
export async function startTrace(page: Page): Promise<void> {
  await page.context().browser()!.startTracing(undefined, { categories: TRACE_CATEGORIES });
}

/**
 * Stops the trace and answers the main-thread CPU (ms) of the load it saw, from the task that commits the new
 * document to the task that set the page's `performance.mark(markName)`, both counted: cut at the paint the
 * page marked, not when the bench gets to hear of it, however late that is on a loaded machine.
 */
export async function cpuToMark(page: Page, markName: string): Promise<number> {
  const { mark, onThread } = threadOfMark(parseTrace(await page.context().browser()!.stopTracing()), markName);
  const commit = onThread.findLast((event) => event.name === 'DocumentLoader::CommitNavigation' && event.ts <= mark.ts);
  if (!commit) throw new Error(`the trace has no document commit before ${markName}`);
  return cpuOfTasks(onThread, commit.ts, mark.ts);
}

/**
 * Main-thread CPU (ms) of each of `pages` (all in one browser) while `act` runs, from Chromium's trace (see
 * cpuOfTasks); each page's thread is found by a mark it sets first. Idle waits (the server, the network,
 * frames) do not count.
 */
export async function tracedCpu<T>(pages: readonly Page[], act: () => Promise<T>): Promise<{ result: T; cpuMs: number[] }> {
  await startTrace(pages[0]!);
  let result: T;
  let trace: Buffer;
  try {
    for (const [index, page] of pages.entries())
      await page.evaluate((name) => {
        performance.mark(name);
      }, `bench:thread:${index}`);
    result = await act();
  } finally {
    trace = await pages[0]!.context().browser()!.stopTracing();
  }
  const events = parseTrace(trace);
  return {
    result,
    cpuMs: pages.map((_, index) => cpuOfTasks(threadOfMark(events, `bench:thread:${index}`).onThread, -Infinity, Infinity)),
  };
}

/**
 * One timed act in a tab: its main-thread CPU (the figure, see tracedCpu) and its wall time as `act` reports
 * it (measured in the page, to the painted frame), or the act's own wall clock when it reports none.
 */
export async function pageCost(page: Page, act: () => Promise<number | void>): Promise<Cost> {
  const started = performance.now();
  const { result, cpuMs } = await tracedCpu([page], act);
  const wallMs = typeof result === 'number' ? result : performance.now() - started;
  return { cpuMs: cpuMs[0]!, wallMs };
}

/**
 * Main-thread CPU per painted frame while `ticks` wheel ticks of `deltaY` px go to the element `selector`, one a
 * frame (200 px a 16.7 ms frame is about 12,000 px/s); wall is the frame interval.
 */
export async function wheelCostPerFrame(page: Page, selector: string, ticks: number, deltaY: number): Promise<Cost> {
  const box = (await page.locator(selector).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(() => {
    const w = window as unknown as { benchFrames?: number };
    if (w.benchFrames !== undefined) return;
    w.benchFrames = 0;
    const count = () => {
      w.benchFrames!++;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
  });
  const frames = () => page.evaluate(() => (window as unknown as { benchFrames: number }).benchFrames);
  const frames0 = await frames();
  const started = performance.now();
  const cost = await pageCost(page, async () => {
    for (let i = 0; i < ticks; i++) {
      await page.mouse.wheel(0, deltaY);
      await waitFrames(page, 1);
    }
  });
  const wallMs = performance.now() - started;
  const frameCount = (await frames()) - frames0;
  return { cpuMs: cost.cpuMs / frameCount, wallMs: wallMs / frameCount };
}

/** Several figures from one act (a start paints the chat list, then the first message row), each beside its floor. */
export async function compareInPage<K extends string>(comparison: {
  what: Record<K, string>;
  floor: Record<K, string>;
  ours: () => Promise<Record<K, Cost>>;
  floorWork: () => Promise<Record<K, Cost>>;
  samples: number;
  rounds?: number;
  warmup?: number;
  unit?: string;
  target?: Partial<Record<K, Figure['target']>>;
  note?: string;
}): Promise<Record<K, Figure>> {
  const { samples, rounds = 3, warmup = 1 } = comparison;
  for (let i = 0; i < warmup; i++) {
    await comparison.ours();
    await comparison.floorWork();
  }
  const keys = Object.keys(comparison.what) as K[];
  const perRound: Array<Record<K, { ours: Cost; floor: Cost }>> = [];
  for (let r = 0; r < rounds; r++) {
    const ours: Array<Record<K, Cost>> = [];
    const floor: Array<Record<K, Cost>> = [];
    for (let i = 0; i < samples; i++) ours.push(await comparison.ours());
    for (let i = 0; i < samples; i++) floor.push(await comparison.floorWork());
    const mid = (costs: Cost[]): Cost => ({ cpuMs: median(costs.map((c) => c.cpuMs)), wallMs: median(costs.map((c) => c.wallMs)) });
    perRound.push(
      Object.fromEntries(keys.map((k) => [k, { ours: mid(ours.map((o) => o[k])), floor: mid(floor.map((f) => f[k])) }])) as Record<
        K,
        { ours: Cost; floor: Cost }
      >,
    );
  }
  const figures = {} as Record<K, Figure>;
  for (const k of keys) {
    const rows = perRound.map((r) => r[k]);
    const cpu = { ours: median(rows.map((r) => r.ours.cpuMs)), floor: median(rows.map((r) => r.floor.cpuMs)) };
    const wall = { ours: median(rows.map((r) => r.ours.wallMs)), floor: median(rows.map((r) => r.floor.wallMs)) };
    const ratios = rows.map((r) => r.ours.cpuMs / Math.max(r.floor.cpuMs, 1e-6));
    const target = comparison.target?.[k];
    figures[k] = {
      what: comparison.what[k],
      unit: comparison.unit ?? MAIN_THREAD_MS,
      value: round(cpu.ours),
      floor: { what: comparison.floor[k], value: round(cpu.floor) },
      ratio: round(cpu.ours / Math.max(cpu.floor, 1e-6), 2),
      wall: { value: round(wall.ours), floor: round(wall.floor), ratio: round(wall.ours / Math.max(wall.floor, 1e-6), 2) },
      spread: [round(Math.min(...ratios), 2), round(Math.max(...ratios), 2)],
      rounds,
      ...(target ? { target } : {}),
      ...(comparison.note ? { note: comparison.note } : {}),
    };
  }
  return figures;
}

/**
 * The unit of a page's cost: the CPU time of the tab's main thread (Chromium's trace, the thread time of its
 * tasks). Idle waits (the server, the network, frames) do not count, nor does a task's time preempted on a
 * loaded machine (Chromium's TaskDuration counts that, and read 7.4 ms a scroll frame where the thread ran 3.0
 * at a load average of 10), for the floor measured beside it alike.
 */
export const MAIN_THREAD_MS = 'ms main-thread CPU';
