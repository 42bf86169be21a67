import type { ErrorData } from './errors.ts';

export type JobState = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

/** A long job in the main process (an import, an export), as the window polls it. */
export interface JobStatus<Progress, Result> {
  state: JobState;
  progress: Progress | null;
  result: Result | null;
  error: ErrorData | null;
  /** Grows with every change: of a pushed status and an answer that crossed it, the larger is the newer. */
  revision: number;
}
