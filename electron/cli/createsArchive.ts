import { ScrollbackError } from '../../shared/errors.ts';
import { translator } from '../core/i18n/createTranslator.ts';

/** Commands that add to an archive, and so may start one: the demo, imports, and each source's own (logging in). */
const ADDING_COMMANDS: ReadonlySet<string> = new Set(['demo', 'import']);

/** Whether `command` (a source kind's own when `isSourceCommand`) may create the archive file; every other command needs one there already. */
export function createsArchive(command: string, isSourceCommand: boolean): boolean {
  return ADDING_COMMANDS.has(command) || isSourceCommand;
}

/** What a reading command says where there is no archive, instead of creating an empty one. */
export function noArchiveError(databasePath: string): ScrollbackError {
  return new ScrollbackError('NOT_FOUND', translator()('cli.noArchive', { path: databasePath, files: '<file-or-folder>' }));
}
