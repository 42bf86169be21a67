// Rewrites the benchmark table in README.md from bench/results.json, so the README shows measured figures:
// each beside its floor, the ratio with its spread over rounds, the target and whether it is met. Only the full
// run's figures: a quick run's (bench/results-quick.json) are a local check at smaller sizes. Above it, a compact
// table of the scale curves (bench/scaleTableOf.ts): the same figures at 100k, 1M and 10M messages side by side.
import fs from 'node:fs';
import path from 'node:path';
import { missingFloor, resultsFileFor, tableOf, type BenchRun, type Figures } from '../bench/benchResults.ts';
import { scaleTableOf } from '../bench/scaleTableOf.ts';

const root = path.resolve(import.meta.dirname, '..');
const stored = JSON.parse(fs.readFileSync(resultsFileFor(path.join(root, 'bench'), false), 'utf8')) as {
  run: BenchRun;
  figures: Figures;
};
const unfloored = Object.entries(stored.figures)
  .map(([name, figure]) => missingFloor(name, figure))
  .filter((problem): problem is string => problem !== null);
if (unfloored.length > 0) throw new Error(`bench/results.json has figures without a floor:\n${unfloored.join('\n')}`);
const quick = Object.entries(stored.figures)
  .filter(([, figure]) => figure.measured?.quick === true)
  .map(([name]) => name);
if (quick.length > 0) throw new Error(`bench/results.json has figures of a quick run (run their suites in full):\n${quick.join('\n')}`);
const { run } = stored;
const machine =
  `Measured ${run.at.slice(0, 10)} on ${run.cpus} × ${run.cpuModel}, Node ${run.node}${run.quick ? ', --quick' : ''}; ` +
  `load average ${run.loadAverage.start[0]} at the start, ${run.loadAverage.end[0]} at the end.`;
const readme = path.join(root, 'README.md');
const scale = [
  '<!-- bench-scale -->',
  "How each cost grows with the archive: each cell is ours (its floor, same run) and the ratio, in the row's unit; a ratio",
  'in bold misses its target; — where the bench does not measure that size. The figures are rows of the table below.',
  '',
  ...scaleTableOf(stored.figures),
  '<!-- /bench-scale -->',
].join('\n');
let text = fs.readFileSync(readme, 'utf8');
// The scale table sits just before the big table; its markers are added the first time.
if (!text.includes('<!-- bench-scale -->'))
  text = text.replace('<!-- bench-table -->', '<!-- bench-scale -->\n<!-- /bench-scale -->\n\n<!-- bench-table -->');
fs.writeFileSync(
  readme,
  text
    .replace(/<!-- bench-scale -->[\s\S]*<!-- \/bench-scale -->/, () => scale)
    .replace(
      /<!-- bench-table -->[\s\S]*<!-- \/bench-table -->/,
      // A function, so that a `$` in a figure's words is not read as a replacement pattern.
      () => `<!-- bench-table -->\n${machine}\n\n${tableOf(stored.figures).join('\n')}\n<!-- /bench-table -->`,
    ),
);
