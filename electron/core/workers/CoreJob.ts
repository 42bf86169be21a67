import type { ErrorData } from '../../../shared/errors.ts';
import type { ExportProgress, ExportRequest, ExportResult } from '../../../shared/exporting.ts';
import type { FileImportResult, ImportOptions, ImportProgress } from '../../../shared/importing.ts';
import type { RecoveryProgress } from '../../../shared/archiveHealth.ts';
import type { copyReadableArchive } from '../cache/recoverCacheDatabase.ts';
import type { ArchiveExportProgress, ArchiveExportRequest, ArchiveExportResult } from '../../../shared/archiveExport.ts';

/**
 * Heavy jobs that run on a worker thread with their own database connection, off the main event loop: each
 * kind with its input, the progress it reports and its result, so both ends of the thread are typed by one map.
 */
export interface CoreJobKinds {
  import: {
    input: { databasePath: string; paths: string[]; options: ImportOptions };
    progress: ImportProgress;
    result: FileImportResult[];
  };
  export: { input: { databasePath: string; request: ExportRequest; target: string }; progress: ExportProgress; result: ExportResult };
  /** Every chat (or the chosen ones) into one folder in Telegram Desktop's whole-account layout (export/archive/). */
  exportArchive: {
    input: { databasePath: string; request: ArchiveExportRequest; target: string };
    progress: ArchiveExportProgress;
    result: ArchiveExportResult;
  };
  /** Copies what reads of a damaged archive into `<database>.recovering` (cache/recoverCacheDatabase.ts). */
  recover: { input: { databasePath: string }; progress: RecoveryProgress; result: ReturnType<typeof copyReadableArchive> };
}

export type CoreJobKind = keyof CoreJobKinds;
export type CoreJobOf<K extends CoreJobKind> = { kind: K } & CoreJobKinds[K]['input'];
export type CoreJob = { [K in CoreJobKind]: CoreJobOf<K> }[CoreJobKind];

/** What a worker running a job of kind K posts back. */
export type CoreWorkerMessage<K extends CoreJobKind = CoreJobKind> =
  | { type: 'progress'; progress: CoreJobKinds[K]['progress'] }
  | { type: 'done'; result: CoreJobKinds[K]['result'] }
  | { type: 'failed'; error: ErrorData; detail: string };

/** Index in the shared cancel flag array; 1 means "stop at the next chance". */
export const CANCEL_FLAG = 0;
