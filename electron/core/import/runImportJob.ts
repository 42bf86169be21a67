import type { FileImportResult, ImportOptions, ImportProgress } from '../../../shared/importing.ts';
import { basename } from 'node:path';
import { openCacheDatabase } from '../cache/openCacheDatabase.ts';
import { onLockWaiting, waitForLockInThisThread } from '../cache/transactions.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import { findImportInputs } from './findImportInputs.ts';
import { importFormats } from './importFormats.ts';
import { importFile } from './importFile.ts';
import { createMediaStore } from '../media/createMediaStore.ts';
import { mediaFolderBeside } from '../media/mediaFolderBeside.ts';

/**
 * Imports files one after another, each in its own transaction, reporting progress by bytes. Files that
 * finished stay imported when a later one fails or is cancelled; the failing file leaves nothing.
 */
export function runImportJob(
  job: { databasePath: string; paths: string[]; options?: ImportOptions },
  options: { onProgress?: (progress: ImportProgress) => void; isCancelled?: () => boolean } = {},
): FileImportResult[] {
  // Each path that yields nothing says why in the results; the others are still imported. Only when no path
  // yields anything is it an error, in those words.
  const unread: FileImportResult[] = [];
  let refused: ScrollbackError | null = null;
  const nothingFrom = (path: string, why: string): void => {
    unread.push({ path, chats: [], timeZone: null, nothingImported: why.startsWith(`${path}: `) ? why.slice(path.length + 2) : why });
  };
  const inputs = job.paths.flatMap((path) => {
    try {
      return findImportInputs(path, importFormats, nothingFrom);
    } catch (error) {
      if (!(error instanceof ScrollbackError) || (error.code !== 'INVALID_FILE' && error.code !== 'INVALID_INPUT')) throw error;
      refused ??= error;
      nothingFrom(path, error.message);
      return [];
    }
  });
  if (inputs.length === 0 && unread.length === 1 && refused) throw refused;
  if (inputs.length === 0)
    throw new ScrollbackError('INVALID_INPUT', unread.map((file) => `${file.path}: ${file.nothingImported}`).join('\n'));
  const totalBytes = inputs.reduce((sum, input) => sum + input.sizeBytes, 0);
  const db = openCacheDatabase(job.databasePath);
  // This worker may wait for another process's write lock in place; it says so, and Cancel still stops it.
  waitForLockInThisThread(db, {
    doing: `importing ${inputs.length === 1 ? basename(inputs[0]!.path) : `${inputs.length} files`}`,
    isCancelled: options.isCancelled,
    deadlineMs: 10 * 60_000,
  });
  let current: ImportProgress | null = null;
  onLockWaiting(db, (waiting) => {
    if (current) options.onProgress?.(waiting ? { ...current, waiting } : current);
  });
  const mediaStore = createMediaStore(db, mediaFolderBeside(job.databasePath));
  try {
    const results: FileImportResult[] = [];
    let doneBytes = 0;
    let lastReport = 0;
    inputs.forEach((input, index) => {
      const report = (bytesRead: number, force = false): void => {
        const now = Date.now();
        if (!force && now - lastReport < 100) return;
        lastReport = now;
        options.onProgress?.(
          (current = {
            fileIndex: index + 1,
            fileCount: inputs.length,
            path: input.path,
            bytesRead: doneBytes + bytesRead,
            totalBytes,
          }),
        );
      };
      report(0, true);
      try {
        results.push(
          importFile(db, input, {
            onProgress: report,
            isCancelled: options.isCancelled,
            mediaStore,
            whatsAppTimeZone: job.options?.whatsAppTimeZone ?? null,
          }),
        );
      } catch (error) {
        // A file of several that turns out unreadable (rolled back whole) says why, and the next is read.
        if (inputs.length + unread.length === 1 || !(error instanceof ScrollbackError) || error.code !== 'INVALID_FILE') throw error;
        const why = error.message.startsWith(`${input.path}`)
          ? error.message.slice(input.path.length).replace(/^[,:] ?/, '')
          : error.message;
        results.push({ path: input.path, chats: [], timeZone: null, nothingImported: why });
      }
      doneBytes += input.sizeBytes;
      report(0, true);
    });
    return [...results, ...unread];
  } finally {
    db.close();
  }
}
