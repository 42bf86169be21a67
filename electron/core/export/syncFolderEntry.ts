import { closeSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Flushes the folder entry of a file or folder just renamed into place, so the rename itself survives a power
 * cut. Best effort: a folder cannot be opened for this on Windows.
 */
export function syncFolderEntry(path: string): void {
  try {
    const folder = openSync(dirname(path), 'r');
    fsyncSync(folder);
    closeSync(folder);
  } catch {
    // Best effort.
  }
}
