import type { SourceKind, SourceSummary } from '../../../shared/domain.ts';
import type { ReadableDB, WritableDB } from './CacheDatabase.ts';
import { cachedStatement } from './cachedStatement.ts';
import { assertWritable } from './cacheErrors.ts';
import { parseStoredJson, storedSettingsSchema } from './storedJson.ts';

export interface SourceRecord extends SourceSummary {
  /** Non-secret settings as stored. */
  settings: Record<string, unknown>;
}

interface SourceRow {
  id: string;
  kind: SourceKind;
  name: string;
  settings: string;
}

export function upsertSource(
  db: WritableDB,
  source: { id: string; kind: SourceKind; name: string; settings?: Record<string, unknown> },
): void {
  assertWritable(db);
  cachedStatement(
    db,
    `INSERT INTO sources (id, kind, name, settings, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, settings = excluded.settings`,
  ).run(source.id, source.kind, source.name, JSON.stringify(source.settings ?? {}), Date.now());
}

export function listSourceRecords(db: ReadableDB): SourceRecord[] {
  return cachedStatement<[], SourceRow>(db, 'SELECT id, kind, name, settings FROM sources ORDER BY created_at, id')
    .all()
    .map((row) => ({
      id: row.id,
      kind: row.kind,
      name: row.name,
      settings: parseStoredJson(storedSettingsSchema, row.settings, `settings of source ${row.id}`),
    }));
}

/** Removes a source with its chats, senders, messages and coverage (foreign keys cascade), in one transaction. */
export function removeSourceRecord(db: WritableDB, sourceId: string): void {
  assertWritable(db);
  db.transaction(() => cachedStatement(db, 'DELETE FROM sources WHERE id = ?').run(sourceId)).immediate();
}
