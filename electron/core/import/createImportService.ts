import { ScrollbackError } from '../../../shared/errors.ts';
import type { FileImportResult, ImportOptions, ImportProgress } from '../../../shared/importing.ts';
import { checkTimeZone } from './whatsapp/wallClockInZone.ts';
import { runCoreWorker, type CoreWorkerRun } from '../workers/runCoreWorker.ts';
import { translator } from '../i18n/createTranslator.ts';

export interface ImportService {
  /** Imports the files (or folders) on a worker thread; one import at a time. */
  importFiles(
    paths: readonly string[],
    onProgress?: (progress: ImportProgress) => void,
    options?: ImportOptions,
  ): Promise<FileImportResult[]>;
  /** Stops the running import: the file being read is rolled back, earlier files stay. */
  cancel(): boolean;
}

export function createImportService(databasePath: string): ImportService {
  let active: CoreWorkerRun<FileImportResult[]> | null = null;
  return {
    async importFiles(paths, onProgress, options = {}) {
      if (active) throw new ScrollbackError('BUSY', translator()('error.import.busy'));
      if (paths.length === 0) throw new ScrollbackError('INVALID_INPUT', translator()('error.import.nothingChosen'));
      const zone = options.whatsAppTimeZone ? checkTimeZone(options.whatsAppTimeZone) : null;
      const run = runCoreWorker({ kind: 'import', databasePath, paths: [...paths], options: { whatsAppTimeZone: zone } }, (progress) =>
        onProgress?.(progress),
      );
      active = run;
      try {
        return await run.result;
      } finally {
        active = null;
      }
    },
    cancel() {
      if (!active) return false;
      active.cancel();
      return true;
    },
  };
}
