import path from 'node:path';
import { databaseOf, openScrollbackCore } from '../../electron/core/app/openScrollbackCore.ts';
import { demoPaces } from '../../electron/core/sources/demo/createDemoSource.ts';
import { cacheWholeDemoChat } from '../../tests/support/cacheDemoChat.ts';
import { countFigure, finish, percentile, round, type Figure, type Figures } from '../benchResults.ts';

const quietLogger = { info() {}, warn() {}, error() {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wall-clock percentile `p` of what ran while the download did, beside the same while nothing ran, per round too. */
function latencyFigure(
  what: string,
  floorWhat: string,
  rounds: Array<{ during: number[]; idle: number[] }>,
  p: number,
  target: Figure['target'],
): Figure {
  const during = rounds.flatMap((one) => one.during);
  const idle = rounds.flatMap((one) => one.idle);
  const ratios = rounds.map((one) => percentile(one.during, p) / Math.max(percentile(one.idle, p), 1e-6));
  return finish(
    countFigure({
      what,
      unit: 'ms',
      value: round(percentile(during, p), 3),
      floor: { what: floorWhat, value: round(percentile(idle, p), 3) },
      spread: [round(Math.min(...ratios), 2), round(Math.max(...ratios), 2)],
      rounds: rounds.length,
      target,
    }),
  );
}

/**
 * The window while a download runs, each beside the same work with nothing running, in interleaved rounds of
 * the same run (the download started, then cancelled, then started again where it stopped). Wall time: what
 * is measured is how long the window waits behind the download on the same thread, which CPU would not show.
 * - Fast demo: cached pages of one chat while the 1,000,000-message chat downloads as fast as it can.
 * - Telegram's pace: jumps to uncached dates of the downloading chat (each needs its own request), landing
 *   anywhere in the download's pacing interval, beside jumps to other uncached dates with no download.
 */
export async function runSchedulerBench(folder: string, options: { quick: boolean }): Promise<Figures> {
  const figures: Figures = {};
  const roundCount = 3;
  {
    const core = openScrollbackCore({ databasePath: path.join(folder, 'sched-fast.db'), logger: quietLogger, demo: { pace: null } });
    try {
      const chats = await core.setUpDemo();
      const design = chats.find((chat) => chat.messageCount === 6000)!;
      const big = chats.find((chat) => chat.messageCount === 1_000_000)!;
      const messages = cacheWholeDemoChat(databaseOf(core), design.id, 'design');
      const first = messages[0]!.date;
      const span = messages[messages.length - 1]!.date - first;
      let asked = 0;
      const page = async () => {
        const date = first + ((asked++ * 7919) % 1000) * (span / 1000);
        const started = performance.now();
        await core.history.getHistoryPage({ chatId: design.id, anchor: { kind: 'aroundDate', date }, limit: 60 });
        const ms = performance.now() - started;
        await sleep(10);
        return ms;
      };
      const perPhase = options.quick ? 40 : 150;
      const rounds: Array<{ during: number[]; idle: number[] }> = [];
      for (let r = 0; r < roundCount; r++) {
        const during: number[] = [];
        const idle: number[] = [];
        core.sync.start({ chatId: big.id, from: null, to: null });
        await sleep(200);
        for (let i = 0; i < perPhase; i++) during.push(await page());
        core.sync.cancel(big.id);
        await core.sync.settled(big.id);
        for (let i = 0; i < perPhase; i++) idle.push(await page());
        rounds.push({ during, idle });
      }
      const synced = core.sync.status(big.id).fetched.toLocaleString('en-US');
      const what = (p: number) =>
        `the ${p}th percentile of a cached 60-message page of a 6,000-message chat while the 1,000,000-message chat downloads as fast as it can (${synced} messages stored by the end), fast demo, wall`;
      const floor = (p: number) => `the same pages' ${p}th percentile with no download, interleaved rounds of the same run`;
      figures.history_page_during_sync_p50 = latencyFigure(what(50), floor(50), rounds, 50, { max: 2 });
      figures.history_page_during_sync_p99 = latencyFigure(what(99), floor(99), rounds, 99, { max: 3, text: 'and at most 50 ms' });
    } finally {
      await core.close();
    }
  }
  {
    const pace = demoPaces.telegram!;
    const core = openScrollbackCore({ databasePath: path.join(folder, 'sched-paced.db'), logger: quietLogger, demo: { pace } });
    try {
      const chats = await core.setUpDemo();
      const big = chats.find((chat) => chat.messageCount === 1_000_000)!;
      let jumps = 0;
      // Each jump to a date no earlier one cached (years older than the download reaches).
      // A jump the source answered with a flood wait (one request in 45, as Telegram does) is served from the
      // cache at once, marked offline: not the wait measured here, so it is left out and another date tried.
      const jump = async (): Promise<number> => {
        for (;;) {
          const i = jumps++;
          const started = performance.now();
          const page = await core.history.getHistoryPage({
            chatId: big.id,
            anchor: { kind: 'aroundDate', date: Date.UTC(2017 + (i % 8), (i * 5) % 12, 2 + (i % 25)) },
            limit: 60,
          });
          const ms = performance.now() - started;
          if (!page.offline && page.messages.length > 0) return ms;
          await sleep(pace.floodWaitMs);
        }
      };
      // Quick: one jump a phase (each waits for a paced request), still three interleaved rounds.
      const perPhase = options.quick ? 1 : 4;
      const rounds: Array<{ during: number[]; idle: number[] }> = [];
      for (let r = 0; r < roundCount; r++) {
        const during: number[] = [];
        const idle: number[] = [];
        core.sync.start({ chatId: big.id, from: null, to: null });
        await sleep(1500);
        for (let i = 0; i < perPhase; i++) {
          await sleep(200 + ((jumps * 379) % 800)); // land anywhere in the download's pacing interval
          during.push(await jump());
        }
        core.sync.cancel(big.id);
        await core.sync.settled(big.id);
        for (let i = 0; i < perPhase; i++) {
          await sleep(200 + ((jumps * 379) % 800));
          idle.push(await jump());
        }
        rounds.push({ during, idle });
      }
      figures.foreground_jump_during_sync_paced_p50 = latencyFigure(
        `the median jump to an uncached date of the 1,000,000-message chat while it downloads at Telegram's pace (a request ${pace.requestMs} ms, one every ${pace.pacingMs} ms), wall`,
        "the same jumps (other uncached dates) with no download: the jump's own request, interleaved rounds of the same run",
        rounds,
        50,
        { max: round((pace.requestMs + pace.pacingMs) / pace.requestMs, 2), text: 'at most one pacing interval behind the download' },
      );
    } finally {
      await core.close();
    }
  }
  return figures;
}
