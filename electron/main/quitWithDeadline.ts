import type { Logger } from '../core/base/Logger.ts';

export interface QuitSteps {
  /** Asks running imports and exports to stop; resolves once each has rolled back what it had not committed. */
  stopJobs(): Promise<void>;
  /** Stops downloads and sources and closes the archive. */
  closeCore(): Promise<void>;
  /** Gives up the single-instance lock, so that a relaunch starts at once rather than finding this process. */
  releaseLock(): void;
  /** Lets the quit go on (app.quit), everything closed. */
  quit(): void;
  /** Ends the process now (app.exit), whatever is still open. */
  exit(code: number): void;
  /** Runs `run` after `ms`, returning its cancel: setTimeout in the app, a fake clock in tests. */
  schedule(ms: number, run: () => void): () => void;
  logger: Logger;
}

/**
 * Quitting in order: imports and exports roll back first (their worker writes the archive), then downloads
 * and sources stop and the archive closes, then the app quits. A source that does not answer must not keep an
 * invisible process (and the single-instance lock) alive: past `deadlineMs` the app exits anyway; what was
 * stored is committed, and a download resumes next time. Either way the lock is released first.
 */
export async function quitWithDeadline(steps: QuitSteps, deadlineMs: number): Promise<void> {
  let done = false;
  const cancelDeadline = steps.schedule(deadlineMs, () => {
    if (done) return;
    done = true;
    steps.logger.warn(`closing took longer than ${deadlineMs / 1000} s; quitting without waiting further`);
    steps.releaseLock();
    steps.exit(0);
  });
  try {
    await steps.stopJobs();
    await steps.closeCore();
  } catch (error) {
    steps.logger.error('closing failed; quitting anyway', error);
  }
  cancelDeadline();
  if (done) return;
  done = true;
  steps.releaseLock();
  steps.quit();
}
