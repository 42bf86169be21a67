import type { AppEvent } from '../../shared/ipc/events.ts';

/**
 * Which of the core's long jobs (an import, an export) are running, read from the status events they push;
 * `whenStopped` resolves once none is (at once when none was).
 */
export function trackRunningJobs(events: { subscribe(listener: (event: AppEvent) => void): () => void }): {
  whenStopped(): Promise<void>;
} {
  const running = new Set<'import' | 'export'>();
  const waiting: Array<() => void> = [];
  events.subscribe((event) => {
    if (event.kind !== 'importStatus' && event.kind !== 'exportStatus') return;
    const job = event.kind === 'importStatus' ? 'import' : 'export';
    if (event.status.state === 'running') running.add(job);
    else running.delete(job);
    if (running.size === 0) for (const resolve of waiting.splice(0)) resolve();
  });
  return {
    whenStopped: () => (running.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
  };
}
