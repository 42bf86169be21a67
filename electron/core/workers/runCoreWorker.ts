import { Worker } from 'node:worker_threads';
import { ScrollbackError } from '../../../shared/errors.ts';
import { CANCEL_FLAG, type CoreJobKind, type CoreJobKinds, type CoreJobOf, type CoreWorkerMessage } from './CoreJob.ts';
import { translator } from '../i18n/createTranslator.ts';

export interface CoreWorkerRun<R> {
  result: Promise<R>;
  /** Asks the job to stop; it rolls back what it had not committed and fails with CANCELLED. */
  cancel(): void;
}

/**
 * Where the worker's code is: app/coreWorker.ts when running from source (Node strips the types), or beside
 * the bundled main script (electron-vite builds `coreWorker.js` as a second entry of out/main). The entry
 * lives in app/ because it runs the import and export jobs, which themselves start workers through this file.
 */
function workerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? '../app/coreWorker.ts' : './coreWorker.js', import.meta.url);
}

export function runCoreWorker<K extends CoreJobKind>(
  job: CoreJobOf<K>,
  onProgress?: (progress: CoreJobKinds[K]['progress']) => void,
): CoreWorkerRun<CoreJobKinds[K]['result']> {
  type R = CoreJobKinds[K]['result'];
  const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(workerUrl(), { workerData: { job, cancel: cancelFlag } });
  const result = new Promise<R>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: CoreWorkerMessage<K>) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'done') {
        settled = true;
        resolve(message.result);
      } else {
        settled = true;
        reject(Object.assign(ScrollbackError.fromData(message.error), { detail: message.detail }));
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(
        new ScrollbackError('INTERNAL', translator()('error.worker.failed', { kind: job.kind, reason: error.message }), { cause: error }),
      );
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new ScrollbackError('INTERNAL', translator()('error.worker.exited', { kind: job.kind, code: String(code) })));
    });
  });
  return {
    result,
    cancel: () => Atomics.store(cancelFlag, CANCEL_FLAG, 1),
  };
}
