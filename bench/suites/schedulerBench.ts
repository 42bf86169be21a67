import path from 'node:path';
import { databaseOf, openScrollbackCore } from '../../electron/core/app/openScrollbackCore.ts';
import { demoPaces } from '../../electron/core/sources/demo/createDemoSource.ts';
import { cacheWholeDemoChat } from '../../tests/support/cacheDemoChat.ts';
import { percentile, round, type Figures } from '../benchResults.ts';

const quietLogger = { info() {}, warn() {}, error() {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The window while a download runs. Fast demo: cached pages of one chat asked for while the 1,000,000-message
 * chat downloads as fast as it can (the core's thread storing page after page). Paced demo (Telegram's
 * pace): pages of uncached dates asked for at random moments during the download; their wait is the time
 * beyond their own request (what they spent behind the download's).
 */
export async function runSchedulerBench(folder: string, options: { quick: boolean }): Promise<Figures> {
  const figures: Figures = {};
  {
    const core = openScrollbackCore({ databasePath: path.join(folder, 'sched-fast.db'), logger: quietLogger, demo: { pace: null } });
    const chats = await core.setUpDemo();
    const design = chats.find((chat) => chat.messageCount === 6000)!;
    const big = chats.find((chat) => chat.messageCount === 1_000_000)!;
    const messages = cacheWholeDemoChat(databaseOf(core), design.id, 'design');
    const first = messages[0]!.date;
    const span = messages[messages.length - 1]!.date - first;
    core.sync.start({ chatId: big.id, from: null, to: null });
    const latencies: number[] = [];
    const until = performance.now() + (options.quick ? 4000 : 12_000);
    for (let i = 0; performance.now() < until; i++) {
      const started = performance.now();
      await core.history.getHistoryPage({
        chatId: design.id,
        anchor: { kind: 'aroundDate', date: first + ((i * 7919) % 1000) * (span / 1000) },
        limit: 60,
      });
      latencies.push(performance.now() - started);
      await sleep(10);
    }
    const synced = core.sync.status(big.id).fetched;
    core.sync.cancel(big.id);
    await core.close();
    figures.history_page_during_sync_p50_ms = {
      value: round(percentile(latencies, 50), 2),
      unit: 'ms',
      target: `cached page, ${latencies.length} pages while ${synced.toLocaleString('en-US')} messages downloaded`,
    };
    figures.history_page_during_sync_p99_ms = { value: round(percentile(latencies, 99), 2), unit: 'ms', target: '<= 50 (fast demo)' };
  }
  {
    const pace = demoPaces.telegram!;
    const core = openScrollbackCore({ databasePath: path.join(folder, 'sched-paced.db'), logger: quietLogger, demo: { pace } });
    const chats = await core.setUpDemo();
    const big = chats.find((chat) => chat.messageCount === 1_000_000)!;
    core.sync.start({ chatId: big.id, from: null, to: null });
    await sleep(1500);
    const waits: number[] = [];
    const samples = options.quick ? 4 : 10;
    for (let i = 0; i < samples; i++) {
      await sleep(200 + ((i * 379) % 800)); // land anywhere in the download's pacing interval
      const started = performance.now();
      const page = await core.history.getHistoryPage({
        chatId: big.id,
        anchor: { kind: 'aroundDate', date: Date.UTC(2017 + (i % 8), (i * 5) % 12, 3 + i) },
        limit: 60,
      });
      if (page.messages.length === 0) throw new Error('a paced jump found no messages');
      waits.push(Math.max(0, performance.now() - started - pace.requestMs));
    }
    core.sync.cancel(big.id);
    await core.close();
    figures.foreground_wait_behind_sync_paced_p50_ms = {
      value: round(percentile(waits, 50), 1),
      unit: 'ms',
      target: `beyond its own ${pace.requestMs} ms request`,
    };
    figures.foreground_wait_behind_sync_paced_max_ms = {
      value: round(Math.max(...waits), 1),
      unit: 'ms',
      target: `<= ${pace.pacingMs} (one request interval)`,
    };
  }
  return figures;
}
