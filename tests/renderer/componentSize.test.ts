import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const rendererFolder = path.resolve(import.meta.dirname, '../../renderer/src');
/** A component past this is split into hooks and small presentational parts (issue 26). */
const MAX_COMPONENT_LINES = 150;

function tsxFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

function oversizedComponents(folder: string, maxLines: number): string[] {
  return tsxFiles(folder)
    .map((file) => ({ file: path.relative(folder, file), lines: fs.readFileSync(file, 'utf8').trimEnd().split('\n').length }))
    .filter(({ lines }) => lines > maxLines)
    .map(({ file, lines }) => `${file}: ${lines} lines`);
}

describe('renderer components', () => {
  it(`stay under ${MAX_COMPONENT_LINES} lines a file (state goes to hooks, markup to small parts)`, () => {
    expect(oversizedComponents(rendererFolder, MAX_COMPONENT_LINES)).toEqual([]);
  });

  it('the check finds a component over the limit', () => {
    // The biggest file is over any limit below its own length.
    const sizes = oversizedComponents(rendererFolder, 0).map((line) => Number(line.split(': ')[1]!.split(' ')[0]));
    const biggest = Math.max(...sizes);
    expect(oversizedComponents(rendererFolder, biggest - 1)).toHaveLength(sizes.filter((size) => size === biggest).length);
  });
});
