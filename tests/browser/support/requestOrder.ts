import type { DemoRequestEvent } from '../../../electron/core/sources/demo/createDemoSource.ts';

/** Background requests (a download's, a backup's) the demo sent (their turn came), in order. */
export const backgroundSent = (log: DemoRequestEvent[]) => log.filter((event) => event.phase === 'sent' && event.priority === 'background');

/**
 * For each of the window's requests queued from `from` on: the background requests sent between its joining the
 * queue and its own turn (there must be none: the window's request goes before the next background one). A
 * request the window gave up while it waited (a jump superseded it: `dropped`) was never due and is left out;
 * one still waiting at the end of the log counts everything sent since it was queued.
 */
export function backgroundSentAhead(log: DemoRequestEvent[], from: number): Array<{ id: number; overtakenBy: number[] }> {
  const found = [];
  for (let index = from; index < log.length; index++) {
    const queued = log[index]!;
    if (queued.phase !== 'queued' || queued.priority !== 'foreground') continue;
    const settledAt = log.findIndex((event, at) => at > index && event.id === queued.id && event.phase !== 'queued');
    if (log[settledAt]?.phase === 'dropped') continue;
    const between = log.slice(index + 1, settledAt < 0 ? log.length : settledAt);
    found.push({ id: queued.id, overtakenBy: backgroundSent(between).map((event) => event.id) });
  }
  return found;
}
