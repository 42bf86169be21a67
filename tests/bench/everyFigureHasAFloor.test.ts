import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  benchRun,
  countFigure,
  finish,
  missingFloor,
  resultsFileFor,
  tableOf,
  writeFigures,
  type Figure,
} from '../../bench/benchResults.ts';

const benchFolder = path.resolve(import.meta.dirname, '../../bench');

function readStored(file: string): { run?: { quick?: unknown }; figures?: Record<string, unknown> } {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as { run?: { quick?: unknown }; figures?: Record<string, unknown> };
}

/** Whether a stored figure says it came from a quick run (figures stored before `measured` existed say nothing). */
function isQuick(figure: unknown): boolean {
  return (figure as Partial<Figure>).measured?.quick === true;
}

describe('the bench', () => {
  // The full run's file is committed and always checked; a quick run's is local and checked when present.
  for (const quick of [false, true]) {
    const file = resultsFileFor(benchFolder, quick);
    const absent = quick && !fs.existsSync(file);
    it.skipIf(absent)(
      `stores every figure in bench/${path.basename(file)} beside a named floor from the same run, with its ratio${
        absent ? ' — skipped: no quick run here (`npm run bench -- --quick` writes that file, which is not committed)' : ''
      }`,
      () => {
        const stored = readStored(file);
        expect(stored.run, 'the machine and load the figures were measured under').toBeTypeOf('object');
        const figures = Object.entries(stored.figures ?? {});
        expect(figures.length).toBeGreaterThan(0);
        expect(figures.map(([name, figure]) => missingFloor(name, figure)).filter((problem) => problem !== null)).toEqual([]);
        // A quick run's small-size figure under a full figure's name would pass for it in the README's table.
        const misplaced = figures.filter(([, figure]) => isQuick(figure) !== quick).map(([name]) => name);
        expect(misplaced, quick ? 'full figures in the quick file' : 'quick figures in the full file').toEqual([]);
      },
    );
  }

  it("writes a quick run's figures beside the full run's, never over them", () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scrollback-bench-results-'));
    try {
      const page = (value: number) => ({
        what: 'a page',
        unit: 'ms CPU',
        value,
        floor: { what: 'the bare query', value: 1 },
        ratio: value,
      });
      const fullFile = resultsFileFor(folder, false);
      const quickFile = resultsFileFor(folder, true);
      writeFigures(fullFile, { page: page(2) }, benchRun(false, os.loadavg()));
      const full = fs.readFileSync(fullFile, 'utf8');

      expect(() => writeFigures(fullFile, { page: page(9) }, benchRun(true, os.loadavg()))).toThrow(/results-quick\.json/);
      writeFigures(quickFile, { page: page(3) }, benchRun(true, os.loadavg()));
      writeFigures(quickFile, { other: page(4) }, benchRun(true, os.loadavg()));

      expect(fs.readFileSync(fullFile, 'utf8')).toBe(full);
      const quick = readStored(quickFile);
      expect(quick.run?.quick).toBe(true);
      expect(Object.keys(quick.figures ?? {}).sort()).toEqual(['other', 'page']);
      expect((quick.figures?.page as Figure).value).toBe(3);
      expect(isQuick(quick.figures?.page)).toBe(true);
      expect(fs.readdirSync(folder).sort(), 'no lock or half-written file left behind').toEqual(['results-quick.json', 'results.json']);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('names what a figure lacks: a floor, its name, its value, the ratio', () => {
    const whole = { what: 'a page', unit: 'ms CPU', value: 2, floor: { what: 'the bare query', value: 1 }, ratio: 2 };
    expect(missingFloor('page', whole)).toBeNull();
    expect(missingFloor('page', { ...whole, floor: undefined })).toBe('page: has no floor');
    expect(missingFloor('page', { ...whole, floor: { what: '', value: 1 } })).toBe('page: its floor is not named');
    expect(missingFloor('page', { ...whole, floor: { what: 'bare', value: Number.NaN } })).toBe('page: its floor has no value');
    expect(missingFloor('page', { ...whole, ratio: undefined })).toBe('page: has no ratio to its floor');
    expect(missingFloor('page', { value: 1, unit: 'ms' })).toBe('page: says nothing of what it measures');
  });

  it('turns a rate into a cost ratio, and judges the target on the ratio unless told the value', () => {
    const ingest = countFigure({
      what: 'ingest',
      unit: 'msg/s',
      value: 80_000,
      floor: { what: 'raw insert', value: 100_000 },
      higherIsBetter: true,
      target: { max: 1.3 },
    });
    expect(ingest.ratio).toBe(1.25);
    expect(finish(ingest).pass).toBe(true);
    expect(finish({ ...ingest, target: { max: 1.2 } }).pass).toBe(false);
    const bytes = countFigure({
      what: 'disk',
      unit: 'B/msg',
      value: 260,
      floor: { what: 'raw', value: 200 },
      target: { max: 250, on: 'value' },
    });
    expect(finish(bytes).pass).toBe(false);
    expect(tableOf({ bytes })[2]).toContain('**miss**');
  });
});
