import os from 'node:os';
import path from 'node:path';

/** The media store's folder: `media/` beside the cache database (an in-memory cache gets a temporary one). */
export function mediaFolderBeside(databasePath: string): string {
  if (databasePath === ':memory:' || databasePath === '') return path.join(os.tmpdir(), `scrollback-media-${process.pid}`);
  return path.join(path.dirname(databasePath), 'media');
}
