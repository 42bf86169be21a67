import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countFigure, finish, missingFloor, tableOf } from '../../bench/benchResults.ts';

const resultsFile = path.resolve(import.meta.dirname, '../../bench/results.json');

describe('the bench', () => {
  it('stores every figure in bench/results.json beside a named floor from the same run, with its ratio', () => {
    const stored = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as { run?: unknown; figures?: Record<string, unknown> };
    expect(stored.run, 'the machine and load the figures were measured under').toBeTypeOf('object');
    const figures = Object.entries(stored.figures ?? {});
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.map(([name, figure]) => missingFloor(name, figure)).filter((problem) => problem !== null)).toEqual([]);
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
