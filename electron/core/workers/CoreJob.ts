import type { ErrorData } from '../../../shared/errors.ts';
import type { ExportRequest } from '../../../shared/exporting.ts';

/** Heavy jobs that run on a worker thread with their own database connection, off the main event loop. */
export type CoreJob =
  | { kind: 'import'; databasePath: string; paths: string[] }
  | { kind: 'export'; databasePath: string; request: ExportRequest; target: string };

/** What a worker posts back. */
export type CoreWorkerMessage =
  { type: 'progress'; progress: unknown } | { type: 'done'; result: unknown } | { type: 'failed'; error: ErrorData; detail: string };

/** Index in the shared cancel flag array; 1 means "stop at the next chance". */
export const CANCEL_FLAG = 0;
