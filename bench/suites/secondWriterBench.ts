import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openScrollbackCore } from '../../electron/core/app/openScrollbackCore.ts';
import { databaseOf } from '../../electron/core/app/databaseOf.ts';
import { getChatRecord } from '../../electron/core/cache/chatQueries.ts';
import { storeHistoryRun } from '../../electron/core/cache/storeHistoryRun.ts';
import { createDemoSource } from '../../electron/core/sources/demo/createDemoSource.ts';
import { createDemoMessage } from '../../electron/core/sources/demo/createDemoMessage.ts';
import { demoChats } from '../../electron/core/sources/demo/demoChats.ts';
import type { SourceMessage } from '../../electron/core/model/SourceMessage.ts';
import { writeTelegramExport } from '../../tests/support/writeTelegramExport.ts';
import { countFigure, finish, percentile, round, type Figures } from '../benchResults.ts';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The window's history pages while another `scrollback` process imports into the same archive (holding the
 * write lock for the whole file): the same pages, served from the cache, timed first with no other process
 * (the baseline) and then only while the other process holds the lock (its note is there), in one run.
 */
export async function runSecondWriterBench(folder: string, options: { quick: boolean }): Promise<Figures> {
  const databasePath = path.join(folder, 'second-writer.db');
  const core = openScrollbackCore({ databasePath, logger: silent });
  await core.setUpDemo();
  const db = databaseOf(core);
  const spec = demoChats[0]!;
  const chatId = core.listChats().find((chat) => chat.name === spec.name)!.id;
  const chat = getChatRecord(db, chatId);
  const timeline = createDemoSource().timelineOf(spec.key);
  const cached = options.quick ? 50_000 : 300_000;
  let first: SourceMessage | null = null;
  for (let start = spec.count - cached; start < spec.count; start += 50_000) {
    const batch: SourceMessage[] = [];
    for (let index = start; index < start + 50_000; index++) batch.push(createDemoMessage(spec, timeline, index));
    first ??= batch[0]!;
    storeHistoryRun(db, chat, {
      messages: batch,
      coverage: { from: first, to: batch.at(-1)!, reachesOldest: false },
      totalCount: spec.count,
    });
  }
  // The same pages in both phases: 50 messages around dates spread over the cached stretch.
  const pages = options.quick ? 120 : 600;
  const oldest = createDemoMessage(spec, timeline, spec.count - cached + 200).date;
  const newest = createDemoMessage(spec, timeline, spec.count - 200).date;
  const dates = Array.from({ length: pages }, (_, index) => oldest + ((index * 7919) % pages) * ((newest - oldest) / pages));
  const timePage = async (date: number) => {
    const began = performance.now();
    await core.history.getHistoryPage({ chatId, anchor: { kind: 'aroundDate', date }, limit: 50 });
    return performance.now() - began;
  };
  for (const date of dates.slice(0, 20)) await timePage(date); // warm the statements

  // The second process: `scrollback import` of a large export (one transaction: it holds the write lock until
  // the file is in), started again whenever it ends while pages are still being timed.
  const exportFile = path.join(folder, 'second-writer-export.json');
  writeTelegramExport(exportFile, options.quick ? 50_000 : 300_000, { chatId: 5151, name: 'Second writer' });
  const notes = `${databasePath}.writers`;
  const holdsLock = () => fs.existsSync(notes) && fs.readdirSync(notes).length > 0;
  let imports = 0;
  let running: Promise<number | null> | null = null;
  const startImport = () => {
    imports++;
    const child = spawn(
      process.execPath,
      [
        '--disable-warning=ExperimentalWarning',
        path.resolve(import.meta.dirname, '../../electron/cli/main.ts'),
        '--db',
        databasePath,
        'import',
        exportFile,
      ],
      { stdio: 'ignore' },
    );
    running = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    void running.then(() => (running = null));
  };
  // Rounds alternate the two phases over the same slice of pages, so load from elsewhere on a shared machine
  // falls on both alike: no other process, then only while the other process holds the lock.
  const rounds = options.quick ? 2 : 4;
  const baseline: number[] = [];
  const withWriter: number[] = [];
  const perRound: Array<{ baseline: number[]; withWriter: number[] }> = [];
  for (let round = 0; round < rounds; round++) {
    const slice = dates.slice((round * pages) / rounds, ((round + 1) * pages) / rounds);
    if (running) await running;
    const baseStart = baseline.length;
    const withStart = withWriter.length;
    for (const date of slice) baseline.push(await timePage(date));
    let index = 0;
    while (index < slice.length) {
      if (!running) startImport();
      if (!holdsLock()) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      const ms = await timePage(slice[index]!);
      // Counted only if the other process still held the lock when the page was answered.
      if (holdsLock()) {
        withWriter.push(ms);
        index++;
      }
    }
    perRound.push({ baseline: baseline.slice(baseStart), withWriter: withWriter.slice(withStart) });
  }
  if (running) await running;
  await core.close();
  const spreadOf = (p: number): [number, number] => {
    const ratios = perRound.map((one) => percentile(one.withWriter, p) / percentile(one.baseline, p));
    return [round(Math.min(...ratios), 2), round(Math.max(...ratios), 2)];
  };
  const what = (p: number) =>
    `the ${p}th percentile of a 50-message history page (${pages} pages around dates spread over ${cached.toLocaleString('en-US')} cached) while another scrollback process imports into the same archive, holding the write lock (${imports} import${imports === 1 ? '' : 's'}), wall`;
  const floor = (p: number) => ({
    what: `the same pages' ${p}th percentile with no other process, interleaved rounds of the same run`,
    value: round(percentile(baseline, p), 3),
  });
  return {
    history_page_p99_with_second_writer: finish(
      countFigure({
        what: what(99),
        unit: 'ms',
        value: round(percentile(withWriter, 99), 3),
        floor: floor(99),
        spread: spreadOf(99),
        rounds,
        target: { max: 2, text: 'and at most 100 ms' },
      }),
    ),
    history_page_p50_with_second_writer: finish(
      countFigure({
        what: what(50),
        unit: 'ms',
        value: round(percentile(withWriter, 50), 3),
        floor: floor(50),
        spread: spreadOf(50),
        rounds,
        target: { max: 2 },
      }),
    ),
  };
}
