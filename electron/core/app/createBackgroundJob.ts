import { toErrorData } from '../../../shared/errors.ts';
import type { JobStatus } from '../../../shared/jobs.ts';

export interface BackgroundJob<Progress, Result> {
  /** Starts the job unless one is running; answers at once with the status. */
  start(run: (onProgress: (progress: Progress) => void) => Promise<Result>, cancel: () => void): JobStatus<Progress, Result>;
  status(): JobStatus<Progress, Result>;
  cancel(): JobStatus<Progress, Result>;
}

/**
 * One long job at a time, whose status the window polls: the handler that starts it answers at once, and
 * progress, the result or the error (as data with a code) are kept until the next start.
 */
export function createBackgroundJob<Progress, Result>(onError: (error: unknown) => void): BackgroundJob<Progress, Result> {
  let status: JobStatus<Progress, Result> = { state: 'idle', progress: null, result: null, error: null };
  let cancelRunning: (() => void) | null = null;
  return {
    start(run, cancel) {
      if (status.state === 'running') return status;
      status = { state: 'running', progress: null, result: null, error: null };
      cancelRunning = cancel;
      run((progress) => {
        if (status.state === 'running') status = { ...status, progress };
      }).then(
        (result) => {
          status = { ...status, state: 'done', result };
        },
        (error: unknown) => {
          const data = toErrorData(error);
          if (data.code !== 'CANCELLED') onError(error);
          status = { ...status, state: data.code === 'CANCELLED' ? 'cancelled' : 'failed', error: data };
        },
      ).finally(() => {
        cancelRunning = null;
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
