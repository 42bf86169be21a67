import { parentPort, workerData } from 'node:worker_threads';
import { ScrollbackError, toErrorData } from '../../../shared/errors.ts';
import {
  CANCEL_FLAG,
  type CoreJob,
  type CoreJobKind,
  type CoreJobKinds,
  type CoreJobOf,
  type CoreWorkerMessage,
} from '../workers/CoreJob.ts';
import { runImportJob } from '../import/runImportJob.ts';
import { runExportJob } from '../export/runExportJob.ts';
import { runArchiveExportJob } from '../export/archive/runArchiveExportJob.ts';
import { cacheErrorOf } from '../cache/cacheErrors.ts';
import { copyReadableArchive } from '../cache/recoverCacheDatabase.ts';
import { translator } from '../i18n/createTranslator.ts';

/**
 * Entry of the worker thread for heavy jobs. It works synchronously (one transaction per file, reads with
 * readSync), so the cancel request comes through shared memory, checked between chunks, not as a message.
 */
// workerData is what runCoreWorker passed (a structured clone): the one place its type is stated.
const { job, cancel } = workerData as { job: CoreJob; cancel: Int32Array };
const isCancelled = (): boolean => Atomics.load(cancel, CANCEL_FLAG) === 1;

/** Each kind's runner, checked against CoreJobKinds: its input, progress and result. */
const runners: { [K in CoreJobKind]: (job: CoreJobOf<K>, post: (message: CoreWorkerMessage<K>) => void) => CoreJobKinds[K]['result'] } = {
  import: (importJob, post) => runImportJob(importJob, { onProgress: (progress) => post({ type: 'progress', progress }), isCancelled }),
  export: (exportJob, post) => runExportJob(exportJob, { onProgress: (progress) => post({ type: 'progress', progress }), isCancelled }),
  exportArchive: (archiveJob, post) =>
    runArchiveExportJob(archiveJob, { onProgress: (progress) => post({ type: 'progress', progress }), isCancelled }),
  recover: (recoverJob, post) => copyReadableArchive(recoverJob.databasePath, (progress) => post({ type: 'progress', progress })),
};

function run<K extends CoreJobKind>(kind: K, input: CoreJobOf<K>): void {
  const port = parentPort;
  if (!port) throw new ScrollbackError('INTERNAL', translator()('error.worker.notAThread'));
  const post = (message: CoreWorkerMessage<K>): void => port.postMessage(message);
  try {
    if (!(kind in runners)) throw new ScrollbackError('INTERNAL', translator()('error.worker.unknownJob', { kind: String(kind) }));
    post({ type: 'done', result: runners[kind](input, post) });
  } catch (error) {
    const explained = cacheErrorOf(input.databasePath, error) ?? error;
    post({
      type: 'failed',
      error: toErrorData(explained),
      detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
}

run(job.kind, job);
