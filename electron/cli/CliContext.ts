import type { ScrollbackCore } from '../core/app/openScrollbackCore.ts';

export interface CliContext {
  /** Opens the cache on first use, so `--help` and argument errors never touch the database. */
  core(): ScrollbackCore;
  /** The cache file this invocation uses (--db, SCROLLBACK_DB or the default). */
  databasePath: string;
  json: boolean;
  out(line: string): void;
  err(line: string): void;
}
