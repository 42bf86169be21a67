import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { createCoreHandlers } from '../../electron/core/app/createCoreHandlers.ts';
import { startLoopbackHarness, type LoopbackHarness } from '../../electron/harness/startLoopbackHarness.ts';
import { median, round, type Cost, type Figure } from '../benchResults.ts';
import { rendererFolder, type BrowserSession } from '../../tests/browser/support/startBrowserSession.ts';

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
  await appCdp.send('Performance.enable');
  await floorCdp.send('Performance.enable');
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

/** The tab's main-thread task time so far (Chromium's TaskDuration), ms. */
export async function mainThreadMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'TaskDuration')!.value * 1000;
}

/**
 * One timed act in a tab: its main-thread task time (the CPU figure: Chromium's TaskDuration over the act)
 * and its wall time as `act` reports it (measured in the page, to the painted frame), or the act's own
 * wall clock when it reports none.
 */
export async function pageCost(cdp: CDPSession, act: () => Promise<number | void>): Promise<Cost> {
  const before = await mainThreadMs(cdp);
  const started = performance.now();
  const reported = await act();
  const wallMs = typeof reported === 'number' ? reported : performance.now() - started;
  return { cpuMs: (await mainThreadMs(cdp)) - before, wallMs };
}

/** Resolves after `count` painted frames in `page`. */
export async function framesIn(page: Page, count: number): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    count,
  );
}

/**
 * Main-thread ms per painted frame while `ticks` wheel ticks of `deltaY` px go to the element `selector`, one a
 * frame (200 px a 16.7 ms frame is about 12,000 px/s); wall is the act's own.
 */
export async function wheelCostPerFrame(page: Page, cdp: CDPSession, selector: string, ticks: number, deltaY: number): Promise<Cost> {
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
  const cost = await pageCost(cdp, async () => {
    for (let i = 0; i < ticks; i++) {
      await page.mouse.wheel(0, deltaY);
      await framesIn(page, 1);
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
 * The unit of a page's cost: Chromium's main-thread task time (TaskDuration), the time the tab's main thread
 * spent running tasks. Idle waits (the server, the network, frames) do not count, but a task preempted on a
 * loaded machine does, as it does for the floor measured beside it.
 */
export const MAIN_THREAD_MS = 'ms main-thread task time';
