import type { HistoryAnchor } from '../../shared/history.ts';
import type { ScrollbackCore } from '../../electron/core/app/openScrollbackCore.ts';

/**
 * Asks for history pages of a chat, as the window would while the user scrolls, until `work` settles;
 * returns the time each page took (ms). The anchor moves so pages are not answered from one spot.
 */
export async function probeHistoryWhile(
  core: ScrollbackCore,
  chatId: number,
  work: Promise<unknown>,
  options: { pauseMs?: number; anchor?: (index: number) => HistoryAnchor } = {},
): Promise<number[]> {
  let done = false;
  const finished = work.then(
    () => (done = true),
    () => (done = true),
  );
  const anchor = options.anchor ?? ((index: number): HistoryAnchor => ({ kind: 'aroundDate', date: Date.UTC(2022, index % 12, 1) }));
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    await core.history.getHistoryPage({ chatId, anchor: anchor(latencies.length), limit: 60 });
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? 5));
  }
  await finished;
  return latencies;
}
