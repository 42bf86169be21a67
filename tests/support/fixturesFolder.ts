import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The team's real export fixtures: SCROLLBACK_FIXTURES, or ../shared/fixtures beside the repo. Null when
 * absent, so corpus tests skip with that reason instead of failing on a machine without them.
 */
export function fixturesFolder(): string | null {
  const folder = process.env.SCROLLBACK_FIXTURES ?? path.resolve(import.meta.dirname, '../../../shared/fixtures');
  return existsSync(folder) ? folder : null;
}
