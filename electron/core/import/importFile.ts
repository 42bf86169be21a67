import type { FileImportResult } from '../../../shared/importing.ts';
import type { WritableDB } from '../cache/CacheDatabase.ts';
import { inWriteTransaction } from '../cache/transactions.ts';
import { upsertSource } from '../cache/sourceQueries.ts';
import { IMPORT_SOURCE_ID } from '../sources/archive/createArchiveSource.ts';
import type { ImportFileOptions, ImportInput } from './ImportFormat.ts';

export type { ImportFileOptions } from './ImportFormat.ts';

/**
 * Imports one export file in one transaction, with its format's reader: a failure anywhere (a broken message
 * on the last line, a cancel, a killed process) leaves the database as it was before this file. Messages
 * already stored (the same file again, or an older export of the same chat) are recognised by their ids and
 * not added twice.
 */
export function importFile(db: WritableDB, input: ImportInput, options: ImportFileOptions = {}): FileImportResult {
  const read = inWriteTransaction(db, () => {
    upsertSource(db, { id: IMPORT_SOURCE_ID, kind: 'import', name: 'Imported' });
    const files = { store: options.mediaStore ?? null, media: input.mediaFiles, origin: `import: ${input.path}` };
    return input.format.read(input, { db, files }, options);
  });
  // A file that matched no message of any chat says why (its format's words, or that it held none).
  const empty = read.chats.every((chat) => chat.inFile === 0);
  return {
    path: input.path,
    chats: read.chats,
    timeZone: read.timeZone,
    ...(read.readAs ? { readAs: read.readAs } : {}),
    ...(empty ? { nothingImported: read.nothingImported ?? 'it holds no messages.' } : {}),
  };
}
