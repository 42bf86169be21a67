import path from 'node:path';

/** The log folder inside the data folder (its own file: the command line names it without loading the logger). */
export function logFolderOf(dataFolder: string): string {
  return path.join(dataFolder, 'logs');
}
