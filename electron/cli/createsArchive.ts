import { ScrollbackError } from '../../shared/errors.ts';

/** Commands that add to an archive, and so may start one: the demo, imports, and each source's own (logging in). */
const ADDING_COMMANDS: ReadonlySet<string> = new Set(['demo', 'import']);

/** Whether `command` may create the archive file; every other command needs one there already. */
export function createsArchive(command: string, sourceCommands: ReadonlyArray<{ name: string }>): boolean {
  return ADDING_COMMANDS.has(command) || sourceCommands.some((sourceCommand) => sourceCommand.name === command);
}

/** What a reading command says where there is no archive, instead of creating an empty one. */
export function noArchiveError(databasePath: string): ScrollbackError {
  return new ScrollbackError(
    'NOT_FOUND',
    `no archive at ${databasePath}: run \`scrollback demo\` or \`scrollback import <file-or-folder>\` to start one (or pass --db PATH).`,
  );
}
