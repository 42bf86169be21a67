import { ScrollbackError } from '../../../shared/errors.ts';
import type { FileImportResult, ImportProgress } from '../../../shared/importing.ts';
import { runCoreWorker, type CoreWorkerRun } from '../workers/runCoreWorker.ts';

export interface ImportService {
  /** Imports the files (or folders) on a worker thread; one import at a time. */
  importFiles(paths: readonly string[], onProgress?: (progress: ImportProgress) => void): Promise<FileImportResult[]>;
  /** Stops the running import: the file being read is rolled back, earlier files stay. */
  cancel(): boolean;
}

export function createImportService(databasePath: string): ImportService {
  let active: CoreWorkerRun<FileImportResult[]> | null = null;
  return {
    async importFiles(paths, onProgress) {
      if (active) throw new ScrollbackError('BUSY', 'An import is already running; wait for it or cancel it first.');
      if (paths.length === 0) throw new ScrollbackError('INVALID_INPUT', 'Choose at least one file or folder to import.');
      const run = runCoreWorker({ kind: 'import', databasePath, paths: [...paths] }, (progress) => onProgress?.(progress));
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
