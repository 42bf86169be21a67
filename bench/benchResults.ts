import fs from 'node:fs';
import path from 'node:path';

export interface Figure {
  value: number;
  unit: string;
  /** What the figure is compared against, printed in the table. */
  target?: string;
  /** How it was measured, when the name alone does not say it. */
  note?: string;
}

export type Figures = Record<string, Figure>;

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Merges into bench/results.json, so suites can run separately without erasing each other's figures. */
export function writeFigures(file: string, figures: Figures): void {
  let existing: Record<string, unknown>;
  try {
    existing = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    existing = {};
  }
  const merged: Record<string, { value: number; unit: string; note?: string }> = {
    ...(existing as Record<string, { value: number; unit: string }>),
  };
  for (const [name, figure] of Object.entries(figures))
    merged[name] = { value: figure.value, unit: figure.unit, ...(figure.note ? { note: figure.note } : {}) };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
}

export function printTable(figures: Figures): void {
  const rows = Object.entries(figures).map(([name, f]) => [name, String(f.value), f.unit, f.target ?? '']);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i]!.length), ['figure', 'value', 'unit', 'target'][i]!.length));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 1 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(' | ')} |`;
  process.stdout.write(`${line(['figure', 'value', 'unit', 'target'])}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
  for (const [name, figure] of Object.entries(figures)) if (figure.note) process.stdout.write(`${name}: ${figure.note}\n`);
}
