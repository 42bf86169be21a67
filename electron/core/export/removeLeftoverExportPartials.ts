import path from 'node:path';
import type { ReadableDB } from '../cache/CacheDatabase.ts';
import { listRecentExportTargets } from '../cache/exportRecordQueries.ts';
import { removeLeftoverPartials } from './AtomicFileWriter.ts';

/** The folders of this many most recent export targets are looked into at start. */
const RECENT_TARGETS = 200;

/**
 * At start: the folders that earlier exports wrote into lose the temporary files that exports killed there
 * (a crash, kill -9, a power cut) left behind — only Scrollback's own, of processes no longer running (see
 * removeLeftoverPartials). The next export into any other folder cleans that one. Returns how many files
 * were removed; an archive that cannot be read removes nothing.
 */
export function removeLeftoverExportPartials(db: ReadableDB): number {
  let targets: string[];
  try {
    targets = listRecentExportTargets(db, RECENT_TARGETS);
  } catch {
    return 0;
  }
  const folders = new Set(targets.map((target) => path.dirname(target)));
  let removed = 0;
  for (const folder of folders) removed += removeLeftoverPartials(folder);
  return removed;
}
