// `npm run bench [-- --quick]`: prints a table and merges the figures into bench/results.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchRun, printTable, writeFigures, type Figures } from './benchResults.ts';
import { runHistoryBench } from './suites/historyBench.ts';
import { runFileBench } from './suites/fileBench.ts';
import { runCliBench } from './suites/cliBench.ts';
import { runSchedulerBench } from './suites/schedulerBench.ts';
import { runSearchScaleBench } from './suites/searchScaleBench.ts';
import { runLiveBench } from './suites/liveBench.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' } } });
const quick = values.quick === true;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scrollback-bench-'));
const resultsFile = path.join(import.meta.dirname, 'results.json');
const figures: Figures = {};
const began = performance.now();
const loadAtStart = os.loadavg();
try {
  process.stderr.write(`history: ingest, disk and pages at ${quick ? '100k (quick)' : '100k, 1M and 10M'} messages…\n`);
  if (!values.only || values.only === 'history') Object.assign(figures, (await runHistoryBench(folder, { quick })).figures);
  if (!values.only || values.only === 'search') {
    process.stderr.write(
      `search: one chat and 5,000 chats at ${quick ? '200k (quick)' : '1M and 10M'} messages, each term beside its bare-SQL floor…\n`,
    );
    Object.assign(figures, await runSearchScaleBench(folder, { quick }));
  }
  if (!values.only || values.only === 'files') {
    process.stderr.write('files: WhatsApp parser beside whatsapp-chat-parser, 1,000,000-message import and export…\n');
    const fixtures = process.env.SCROLLBACK_FIXTURES ?? path.resolve(import.meta.dirname, '../../shared/fixtures');
    Object.assign(figures, await runFileBench(folder, fs.existsSync(fixtures) ? fixtures : null, { quick }));
  }
  if (!values.only || values.only === 'scheduler') {
    process.stderr.write("scheduler: the window while a download runs, fast and at Telegram's pace…\n");
    Object.assign(figures, await runSchedulerBench(folder, { quick }));
  }
  if (!values.only || values.only === 'live') {
    process.stderr.write('live: refreshing a 1,000,000-message Telegram chat that changed by 100 messages…\n');
    Object.assign(figures, await runLiveBench(folder, { quick }));
  }
  if (!values.only || values.only === 'hostile')
    Object.assign(figures, (await import('./suites/hostileImportBench.ts')).runHostileImportBench(folder, { quick }));
  if (!values.only || values.only === 'second-writer')
    Object.assign(figures, await (await import('./suites/secondWriterBench.ts')).runSecondWriterBench(folder, { quick }));
  if (!values.only || values.only === 'backup') {
    process.stderr.write("backup: a whole account of 300 dialogs at Telegram's pace, then five kills and restarts…\n");
    Object.assign(figures, await (await import('./suites/backupBench.ts')).runBackupBench(folder, { quick }));
  }
  if (!values.only || values.only === 'people') {
    process.stderr.write('people: the first page of one person across 50 chats of two sources…\n');
    Object.assign(figures, await (await import('./suites/peopleBench.ts')).runPeopleBench(folder, { quick }));
  }
  if (!values.only || values.only === 'cli') {
    process.stderr.write('cli: cold start of `scrollback history` beside a bare node + better-sqlite3 page…\n');
    Object.assign(figures, await runCliBench(folder, { quick }));
  }
  if (!values.only || values.only === 'ui') {
    process.stderr.write('ui: the message list in Chromium on the 1,000,000-message chat…\n');
    // Loaded by URL so the Node layer's type-check does not follow it into browser code (it has its own).
    const { runUiBench } = (await import(new URL('./suites/uiBench.ts', import.meta.url).href)) as {
      runUiBench(options: { quick: boolean }): Promise<Figures>;
    };
    Object.assign(figures, await runUiBench({ quick }));
  }
  if (!values.only || values.only === 'window-first') {
    process.stderr.write("window-first: jumps, Pause and progress in the window while a download runs at Telegram's pace…\n");
    const { runWindowFirstBench } = (await import(new URL('./suites/windowFirstBench.ts', import.meta.url).href)) as {
      runWindowFirstBench(options: { quick: boolean }): Promise<Figures>;
    };
    Object.assign(figures, await runWindowFirstBench({ quick }));
  }
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}
printTable(figures);
writeFigures(resultsFile, figures, benchRun(quick, loadAtStart));
process.stdout.write(
  `\n${Object.keys(figures).length} figures written to ${path.relative(process.cwd(), resultsFile)} in ${Math.round((performance.now() - began) / 1000)} s\n`,
);
