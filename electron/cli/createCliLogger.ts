import path from 'node:path';
import type { Logger } from '../core/base/Logger.ts';
import type { createFileLogger } from '../core/app/createFileLogger.ts';
import { logFolderOf } from '../core/app/logFolderOf.ts';

export interface CliLogger extends Logger {
  /** Where the log is (the `logs` folder beside the database, as the app's beside its data). */
  readonly folder: string;
  /** Waits for what was logged to reach the file's stream. */
  close(): Promise<void>;
}

/**
 * The command line's log: the app's file logger (same folder rule — `logs/` in the folder holding the
 * database — same rotation, same redaction of credentials), created only when something is logged, so a
 * command that logs nothing leaves no file. Warnings and errors also go to stderr, as before.
 */
export function createCliLogger(databasePath: string): CliLogger {
  const dataFolder = path.dirname(path.resolve(databasePath));
  type FileLogger = Awaited<ReturnType<typeof createFileLogger>>;
  let opened: Promise<FileLogger | null> | null = null;
  let pending: Promise<unknown> = Promise.resolve();
  const write = (level: 'info' | 'warn' | 'error') => (message: string, detail?: unknown) => {
    // pino and its file rotation load only here: a command that logs nothing never pays for them.
    opened ??= import('../core/app/createFileLogger.ts')
      .then((module) => module.createFileLogger(dataFolder))
      .catch((error: unknown) => {
        process.stderr.write(
          `[scrollback warn] could not open the log in ${logFolderOf(dataFolder)}: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        return null;
      });
    pending = opened.then((logger) => {
      if (logger) logger[level](message, detail);
      else if (level !== 'info') process.stderr.write(`[scrollback ${level}] ${message}\n`);
    });
  };
  return {
    folder: logFolderOf(dataFolder),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    async close() {
      await pending;
      // Hands the lines to the file; the process does not exit before that write completes.
      (await opened)?.flush();
    },
  };
}
