import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One bench figure: ours beside a floor doing the same work at its least, measured in the same run.
 * The floor is required (the type says so, and tests/bench/everyFigureHasAFloor.test.ts checks results.json),
 * because a figure alone says nothing about whether it is fast: a loaded machine moves it, a floor moves with it.
 */
export interface Figure {
  /** What ours does, in words ("the first page of 'the', one 1M chat inside 10M messages"). */
  what: string;
  /** Of `value` and `floor.value`: 'ms CPU', 'ms', 'msg/s', 'B/msg', 'requests', 'nodes', 'px'… */
  unit: string;
  /** Ours: for timed work, the median over rounds of each round's median CPU time. */
  value: number;
  /** The same work at its floor, same run, same unit. */
  floor: { what: string; value: number };
  /** Cost of ours over the floor's (for a rate, the floor's rate over ours): 1 is the floor, 2 twice its cost. */
  ratio: number;
  /** For timed work: wall-clock medians, which a loaded machine squeezes towards 1 (CPU does not). */
  wall?: { value: number; floor: number; ratio: number };
  /** The lowest and highest per-round ratio. */
  spread?: [number, number];
  /** Interleaved rounds (ours, floor, ours, floor, …) the figure is the median of. */
  rounds?: number;
  /** What is promised, on the ratio unless `on` says value. */
  target?: { max?: number; min?: number; on?: 'ratio' | 'value'; text?: string };
  /** Set by `finish`: whether the target is met (absent when there is no target). */
  pass?: boolean;
  note?: string;
  /** Set by `writeFigures`: the run this figure came from (suites run separately keep their own). */
  measured?: { at: string; quick: boolean; loadAverage: [number, number] };
}

export type Figures = Record<string, Figure>;

/** The machine the figures were measured on, stored beside them. */
export interface BenchRun {
  at: string;
  quick: boolean;
  cpus: number;
  cpuModel: string;
  /** os.loadavg() at the start and at the end of the run. */
  loadAverage: { start: number[]; end: number[] };
  node: string;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** CPU (this process, every thread: workers and GC count) and wall time of one call, ms. */
export interface Cost {
  cpuMs: number;
  wallMs: number;
}

export async function costOf(work: () => unknown): Promise<Cost> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs };
}

export function costOfSync(work: () => unknown): Cost {
  const cpu = process.cpuUsage();
  const started = performance.now();
  work();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs };
}

export interface Comparison {
  what: string;
  floor: string;
  /** One call of ours; may return a cost of its own (a child process's CPU), used instead of this process's. */
  ours: () => unknown;
  floorWork: () => unknown;
  /** Calls of each per round (the round's median is taken). */
  samples?: number;
  rounds?: number;
  /** Calls of each before the first round, not counted (caches, JIT). */
  warmup?: number;
  target?: Figure['target'];
  note?: string;
}

/**
 * Times ours and its floor in interleaved rounds (ours × samples, floor × samples, then again), so load that
 * comes and goes falls on both. The figure is CPU; wall is kept beside it.
 */
export async function compareCosts(comparison: Comparison): Promise<Figure> {
  const { samples = 5, rounds = 3, warmup = 1 } = comparison;
  const timeOne = async (work: () => unknown): Promise<Cost> => {
    let reported: unknown;
    const cost = await costOf(async () => {
      reported = await work();
    });
    return isCost(reported) ? reported : cost;
  };
  for (let i = 0; i < warmup; i++) {
    await comparison.ours();
    await comparison.floorWork();
  }
  const perRound: Array<{ ours: Cost; floor: Cost }> = [];
  for (let r = 0; r < rounds; r++) {
    const ours: Cost[] = [];
    const floor: Cost[] = [];
    for (let i = 0; i < samples; i++) ours.push(await timeOne(comparison.ours));
    for (let i = 0; i < samples; i++) floor.push(await timeOne(comparison.floorWork));
    perRound.push({ ours: medianCost(ours), floor: medianCost(floor) });
  }
  const cpu = { ours: median(perRound.map((r) => r.ours.cpuMs)), floor: median(perRound.map((r) => r.floor.cpuMs)) };
  const wall = { ours: median(perRound.map((r) => r.ours.wallMs)), floor: median(perRound.map((r) => r.floor.wallMs)) };
  const ratios = perRound.map((r) => r.ours.cpuMs / Math.max(r.floor.cpuMs, 1e-6));
  return {
    what: comparison.what,
    unit: 'ms CPU',
    value: round(cpu.ours),
    floor: { what: comparison.floor, value: round(cpu.floor) },
    ratio: round(cpu.ours / Math.max(cpu.floor, 1e-6), 2),
    wall: { value: round(wall.ours), floor: round(wall.floor), ratio: round(wall.ours / Math.max(wall.floor, 1e-6), 2) },
    spread: [round(Math.min(...ratios), 2), round(Math.max(...ratios), 2)],
    rounds,
    ...(comparison.target ? { target: comparison.target } : {}),
    ...(comparison.note ? { note: comparison.note } : {}),
  };
}

function isCost(value: unknown): value is Cost {
  return typeof value === 'object' && value !== null && 'cpuMs' in value && 'wallMs' in value;
}

function medianCost(costs: readonly Cost[]): Cost {
  return { cpuMs: median(costs.map((c) => c.cpuMs)), wallMs: median(costs.map((c) => c.wallMs)) };
}

/**
 * A figure that is not a time: a count, a size, a rate, each beside its floor ("requests" beside the minimum
 * number of requests, bytes a message beside the raw table's). `higherIsBetter` for rates: the ratio is then
 * the floor's over ours, so that above 1 always means further from the floor.
 */
export function countFigure(figure: {
  what: string;
  unit: string;
  value: number;
  floor: { what: string; value: number };
  higherIsBetter?: boolean;
  spread?: [number, number];
  rounds?: number;
  target?: Figure['target'];
  note?: string;
}): Figure {
  const { higherIsBetter, ...rest } = figure;
  const [top, bottom] = higherIsBetter ? [figure.floor.value, figure.value] : [figure.value, figure.floor.value];
  return { ...rest, ratio: bottom === 0 ? (top === 0 ? 1 : Number.POSITIVE_INFINITY) : round(top / bottom, 3) };
}

/** Sets `pass` from the target. */
export function finish(figure: Figure): Figure {
  if (!figure.target) return figure;
  const { max, min, on = 'ratio' } = figure.target;
  const measured = on === 'ratio' ? figure.ratio : figure.value;
  const pass = (max === undefined || measured <= max) && (min === undefined || measured >= min);
  return { ...figure, pass };
}

/** Why a stored figure does not count as measured against a floor, or null when it does. */
export function missingFloor(name: string, stored: unknown): string | null {
  if (typeof stored !== 'object' || stored === null) return `${name}: not an object`;
  const figure = stored as Partial<Figure>;
  if (typeof figure.what !== 'string' || figure.what.length === 0) return `${name}: says nothing of what it measures`;
  if (typeof figure.value !== 'number') return `${name}: has no value`;
  if (typeof figure.floor !== 'object' || figure.floor === null) return `${name}: has no floor`;
  if (typeof figure.floor.what !== 'string' || figure.floor.what.length === 0) return `${name}: its floor is not named`;
  if (typeof figure.floor.value !== 'number' || !Number.isFinite(figure.floor.value)) return `${name}: its floor has no value`;
  if (typeof figure.ratio !== 'number') return `${name}: has no ratio to its floor`;
  return null;
}

/** The full run's figures: the ones the README's table shows. */
export const FULL_RESULTS = 'results.json';
/** A quick run's figures (smaller archives, fewer samples): a local check, never mixed with the full run's. */
export const QUICK_RESULTS = 'results-quick.json';

/** Where a run's figures go: a quick run's small-size figures must not replace the full run's of the same name. */
export function resultsFileFor(benchFolder: string, quick: boolean): string {
  return path.join(benchFolder, quick ? QUICK_RESULTS : FULL_RESULTS);
}

/**
 * Merges into bench/results.json (a quick run: bench/results-quick.json), so suites can run separately without
 * erasing each other's figures. The file is replaced whole (written beside, then renamed), under a lock folder,
 * so two suites run at once do not lose each other's figures.
 */
export function writeFigures(file: string, figures: Figures, run: BenchRun): void {
  if (run.quick && path.basename(file) === FULL_RESULTS)
    throw new Error(
      `A quick run's figures go to ${QUICK_RESULTS}, not ${file}: they would replace the full run's figures of the same name.`,
    );
  const lock = `${file}.lock`;
  for (let tries = 0; ; tries++) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || tries > 600) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    let existing: { run?: BenchRun; figures?: Figures } = {};
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (typeof parsed === 'object' && parsed !== null && 'figures' in parsed) existing = parsed as typeof existing;
    } catch {
      existing = {};
    }
    const measured = {
      at: run.at,
      quick: run.quick,
      loadAverage: [run.loadAverage.start[0]!, run.loadAverage.end[0]!] as [number, number],
    };
    const fresh = Object.fromEntries(Object.entries(figures).map(([name, figure]) => [name, { ...finish(figure), measured }]));
    const merged = { run, figures: { ...(existing.figures ?? {}), ...fresh } };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.new`, `${JSON.stringify(merged, null, 2)}\n`);
    fs.renameSync(`${file}.new`, file);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export function benchRun(quick: boolean, loadAtStart: number[]): BenchRun {
  return {
    at: new Date().toISOString(),
    quick,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    loadAverage: { start: loadAtStart.map((v) => round(v, 2)), end: os.loadavg().map((v) => round(v, 2)) },
    node: process.version,
  };
}

/** The table the bench prints: figure, ours, floor, ratio (spread), target, pass, and the run it came from. */
export function tableOf(figures: Figures): string[] {
  const rows = Object.entries(figures).map(([name, raw]) => {
    const f = finish(raw);
    const spread = f.spread ? ` (${f.spread[0]}–${f.spread[1]})` : '';
    const target = f.target ? targetText(f.target) : '';
    const verdict = f.pass === undefined ? '' : f.pass ? 'pass' : '**miss**';
    const run = f.measured
      ? `${f.measured.at.slice(0, 10)}${f.measured.quick ? ' quick' : ''}, load ${f.measured.loadAverage.join('→')}`
      : '';
    return `| \`${name}\` | ${f.what} | ${f.value} ${f.unit} | ${f.floor.value} ${f.unit}: ${f.floor.what} | ${f.ratio}×${spread} | ${target} | ${verdict} | ${run} |`;
  });
  return [
    '| figure | ours | value | floor | ratio (spread) | target | | run |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ];
}

export function targetText(target: NonNullable<Figure['target']>): string {
  const on = target.on === 'value' ? 'value' : 'ratio';
  const bounds = [target.max !== undefined ? `${on} ≤ ${target.max}` : '', target.min !== undefined ? `${on} ≥ ${target.min}` : '']
    .filter(Boolean)
    .join(', ');
  return [bounds, target.text ?? ''].filter(Boolean).join(' — ');
}

export function printTable(figures: Figures): void {
  process.stdout.write(`${tableOf(figures).join('\n')}\n`);
  for (const [name, figure] of Object.entries(figures)) if (figure.note) process.stdout.write(`${name}: ${figure.note}\n`);
}
