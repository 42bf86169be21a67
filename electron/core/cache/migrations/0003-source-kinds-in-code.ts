import type { Migration } from './Migration.ts';
import { rebuildTable } from './rebuildTable.ts';

/**
 * `sources.kind` loses its CHECK list: which kinds exist is the provider registry's knowledge
 * (sources/allSourceProviders.ts), so a new source kind needs no table rebuild. This one rebuild is done the
 * safe way because `sources` is the parent of ON DELETE CASCADE keys: dropped with foreign keys on, it would
 * take every chat and message with it.
 */
export const migration0003SourceKindsInCode: Migration = {
  version: 3,
  name: 'source kinds in code',
  rebuildsTables: true,
  up(db) {
    rebuildTable(db, 'sources', {
      createSql: `
        CREATE TABLE sources (
          id TEXT PRIMARY KEY,
          kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
          name TEXT NOT NULL,
          -- Non-secret settings as JSON. Secrets (sessions, tokens) are never stored here in plain text.
          settings TEXT NOT NULL DEFAULT '{}',
          created_at INTEGER NOT NULL
        ) STRICT`,
      columns: ['id', 'kind', 'name', 'settings', 'created_at'],
    });
  },
};
