import { ScrollbackError, toErrorData } from '../../../shared/errors.ts';
import type { JobStatus } from '../../../shared/jobs.ts';
import type { MessageId } from '../../../shared/i18n/locales.ts';
import { translator } from '../i18n/createTranslator.ts';

export interface BackgroundJob<Progress, Result> {
  /** Starts the job; answers at once with the status. BUSY while one is running. */
  start(run: (onProgress: (progress: Progress) => void) => Promise<Result>, cancel: () => void): JobStatus<Progress, Result>;
  status(): JobStatus<Progress, Result>;
  cancel(): JobStatus<Progress, Result>;
}

/** Progress is pushed at most this often; a state change (started, done, failed) at once. */
const PROGRESS_INTERVAL_MS = 100;

/** What BUSY says for each kind of job, a whole sentence in each language. */
const BUSY_MESSAGES = {
  'A recovery': 'error.recovery.busy',
  'An import': 'error.import.busy',
  'An export': 'error.export.busy',
} as const satisfies Record<string, MessageId>;

/**
 * One long job at a time (an import, an export): the handler that starts it answers at once, and every
 * change of its status (progress, the result, the error as data with a code) is pushed through `onChange`
 * and kept until the next start.
 */
export function createBackgroundJob<Progress, Result>(
  what: keyof typeof BUSY_MESSAGES,
  hooks: { onError(error: unknown): void; onChange?(status: JobStatus<Progress, Result>): void },
): BackgroundJob<Progress, Result> {
  let revision = 0;
  let status: JobStatus<Progress, Result> = { state: 'idle', progress: null, result: null, error: null, revision };
  let cancelRunning: (() => void) | null = null;
  let lastProgressAt = 0;
  let pendingProgress: ReturnType<typeof setTimeout> | null = null;
  const set = (next: JobStatus<Progress, Result>) => {
    status = { ...next, revision: ++revision };
    hooks.onChange?.(status);
  };
  return {
    start(run, cancel) {
      if (status.state === 'running') throw new ScrollbackError('BUSY', translator()(BUSY_MESSAGES[what]));
      set({ state: 'running', progress: null, result: null, error: null, revision });
      cancelRunning = cancel;
      run((progress) => {
        if (status.state !== 'running') return;
        status = { ...status, progress, revision: ++revision };
        const wait = lastProgressAt + PROGRESS_INTERVAL_MS - Date.now();
        if (wait <= 0) {
          lastProgressAt = Date.now();
          hooks.onChange?.(status);
        } else {
          pendingProgress ??= setTimeout(() => {
            pendingProgress = null;
            lastProgressAt = Date.now();
            if (status.state === 'running') hooks.onChange?.(status);
          }, wait);
        }
      })
        .then(
          (result) => set({ ...status, state: 'done', result }),
          (error: unknown) => {
            const data = toErrorData(error);
            if (data.code !== 'CANCELLED') hooks.onError(error);
            set({ ...status, state: data.code === 'CANCELLED' ? 'cancelled' : 'failed', error: data });
          },
        )
        .finally(() => {
          cancelRunning = null;
          if (pendingProgress) clearTimeout(pendingProgress);
          pendingProgress = null;
        });
      return status;
    },
    status: () => status,
    cancel() {
      cancelRunning?.();
      return status;
    },
  };
}
