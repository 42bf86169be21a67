import type { SourceProvider } from '../SourceProvider.ts';
import { createArchiveSource } from './createArchiveSource.ts';

/** Imported export files: everything is in the cache already; added by importing (File → Import…). */
export function createArchiveProvider(): SourceProvider {
  return {
    kind: 'import',
    addLabel: null,
    removeLabel: 'Remove',
    createSource: (record, context) => createArchiveSource(context.db, record.id),
  };
}
