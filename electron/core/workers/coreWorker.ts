import { parentPort, workerData } from 'node:worker_threads';
import { ScrollbackError, toErrorData } from '../../../shared/errors.ts';
import { CANCEL_FLAG, type CoreJob, type CoreWorkerMessage } from './CoreJob.ts';
import { runImportJob } from '../import/runImportJob.ts';
import { runExportJob } from '../export/runExportJob.ts';

/**
 * Entry of the worker thread for heavy jobs. It works synchronously (one transaction per file, reads with
 * readSync), so the cancel request comes through shared memory, checked between chunks, not as a message.
 */
const { job, cancel } = workerData as { job: CoreJob; cancel: Int32Array };
const post = (message: CoreWorkerMessage): void => parentPort!.postMessage(message);
const isCancelled = (): boolean => Atomics.load(cancel, CANCEL_FLAG) === 1;

try {
  let result: unknown;
  if (job.kind === 'import') result = runImportJob(job, { onProgress: (progress) => post({ type: 'progress', progress }), isCancelled });
  else if (job.kind === 'export')
    result = runExportJob(job, { onProgress: (progress) => post({ type: 'progress', progress }), isCancelled });
  else throw new ScrollbackError('INTERNAL', `Unknown job ${(job as { kind: string }).kind}.`);
  post({ type: 'done', result });
} catch (error) {
  post({ type: 'failed', error: toErrorData(error), detail: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
