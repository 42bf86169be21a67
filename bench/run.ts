// `npm run bench [-- --quick] [-- --only <suite>]`: prints a table and merges the figures into bench/results.json
// (a quick run into bench/results-quick.json, so its small-size figures never replace the full run's). Each
// suite's duration goes to stderr, so the quick run's budget (under 5 minutes) can be checked suite by suite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchRun, printTable, resultsFileFor, writeFigures, type Figures } from './benchResults.ts';
import { runHistoryBench } from './suites/historyBench.ts';
import { runFileBench } from './suites/fileBench.ts';
import { runCliBench } from './suites/cliBench.ts';
import { runSchedulerBench } from './suites/schedulerBench.ts';
import { runSearchScaleBench } from './suites/searchScaleBench.ts';
import { runLiveBench } from './suites/liveBench.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' } } });
const quick = values.quick === true;
const resultsFile = resultsFileFor(import.meta.dirname, quick);

/** A suite that drives Chromium, loaded by URL so the Node layer's type-check does not follow it into browser code (it has its own). */
async function runWindowSuite(file: string, exported: string): Promise<Figures> {
  const suite = (await import(new URL(`./suites/${file}`, import.meta.url).href)) as Record<
    string,
    (options: { quick: boolean }) => Promise<Figures>
  >;
  return suite[exported]!({ quick });
}

interface Suite {
  name: string;
  /** The progress line printed before it runs. */
  says?: string;
  run(): Promise<Figures> | Figures;
}

const suites: Suite[] = [
  {
    name: 'history',
    says: `ingest, disk and pages at ${quick ? '100k (quick)' : '100k, 1M and 10M'} messages`,
    run: async () => (await runHistoryBench(folder, { quick })).figures,
  },
  {
    name: 'search',
    says: `one chat and 5,000 chats at ${quick ? '200k (quick)' : '100k, 1M and 10M'} messages, each term beside its bare-SQL floor`,
    run: () => runSearchScaleBench(folder, { quick }),
  },
  {
    name: 'files',
    says: 'WhatsApp parser beside whatsapp-chat-parser, 1,000,000-message import and export',
    run: () => {
      const fixtures = process.env.SCROLLBACK_FIXTURES ?? path.resolve(import.meta.dirname, '../../shared/fixtures');
      return runFileBench(folder, fs.existsSync(fixtures) ? fixtures : null, { quick });
    },
  },
  {
    name: 'scheduler',
    says: "the window while a download runs, fast and at Telegram's pace",
    run: () => runSchedulerBench(folder, { quick }),
  },
  {
    name: 'live',
    says: 'refreshing a 1,000,000-message Telegram chat that changed by 100 messages',
    run: () => runLiveBench(folder, { quick }),
  },
  {
    name: 'hostile',
    run: async () => (await import('./suites/hostileImportBench.ts')).runHostileImportBench(folder, { quick }),
  },
  {
    name: 'second-writer',
    run: async () => (await import('./suites/secondWriterBench.ts')).runSecondWriterBench(folder, { quick }),
  },
  {
    name: 'backup',
    says: "a whole account of 300 dialogs at Telegram's pace, then five kills and restarts",
    run: async () => (await import('./suites/backupBench.ts')).runBackupBench(folder, { quick }),
  },
  {
    name: 'people',
    says: 'the first page of one person across 50 chats of two sources',
    run: async () => (await import('./suites/peopleBench.ts')).runPeopleBench(folder, { quick }),
  },
  {
    name: 'cli',
    says: 'cold start of `scrollback history` beside a bare node + better-sqlite3 page',
    run: () => runCliBench(folder, { quick }),
  },
  {
    name: 'ui',
    says: 'the message list in Chromium on the 1,000,000-message chat',
    run: () => runWindowSuite('uiBench.ts', 'runUiBench'),
  },
  {
    name: 'window-first',
    says: "jumps, Pause and progress in the window while a download runs at Telegram's pace",
    run: () => runWindowSuite('windowFirstBench.ts', 'runWindowFirstBench'),
  },
];

if (values.only !== undefined && !suites.some((suite) => suite.name === values.only)) {
  process.stderr.write(`No bench suite is called "${values.only}"; the suites are: ${suites.map((s) => s.name).join(', ')}.\n`);
  process.exit(2);
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scrollback-bench-'));
const figures: Figures = {};
const began = performance.now();
const loadAtStart = os.loadavg();
const seconds = (since: number) => Math.round((performance.now() - since) / 1000);
try {
  for (const suite of suites) {
    if (values.only !== undefined && values.only !== suite.name) continue;
    if (suite.says) process.stderr.write(`${suite.name}: ${suite.says}…\n`);
    const started = performance.now();
    Object.assign(figures, await suite.run());
    process.stderr.write(`${suite.name}: ${seconds(started)} s\n`);
  }
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
const load = os.loadavg().map((value) => value.toFixed(2));
process.stderr.write(
  `total: ${seconds(began)} s${quick ? ' (quick)' : ''}; load average ${loadAtStart[0]!.toFixed(2)} at the start, ${load.join(' ')} now\n`,
);
printTable(figures);
writeFigures(resultsFile, figures, benchRun(quick, loadAtStart));
process.stdout.write(
  `\n${Object.keys(figures).length} figures written to ${path.relative(process.cwd(), resultsFile)} in ${seconds(began)} s\n`,
);
