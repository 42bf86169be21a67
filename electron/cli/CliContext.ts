import type { ChatSummary } from '../../shared/domain.ts';
import type { ScrollbackCore } from '../core/app/openScrollbackCore.ts';
import type { ChatReader } from './openArchiveReader.ts';

export interface CliContext {
  /** Opens the cache on first use, so `--help` and argument errors never touch the database. */
  core(): ScrollbackCore;
  /** The cache file this invocation uses (--db, SCROLLBACK_DB or the default). */
  databasePath: string;
  json: boolean;
  out(line: string): void;
  err(line: string): void;
}

/** The context of a command that only reads one chat's pages (`history`). */
export interface ReadingCliContext extends CliContext {
  /**
   * The chat named on the command line, and what reads it: an imported chat from the archive alone, without
   * starting the core (most of a read's cost); any other chat through the core, whose sources it may ask.
   */
  readChat(argument: string | undefined): Promise<{ chat: ChatSummary; reader: ChatReader }>;
}
