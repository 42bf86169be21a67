import type { SourceKind, SourceSummary } from '../../../shared/domain.ts';
import type { CacheDatabase } from './CacheDatabase.ts';
import { cachedStatement } from './cachedStatement.ts';

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

export function upsertSource(db: CacheDatabase, source: { id: string; kind: SourceKind; name: string; settings?: Record<string, unknown> }): void {
  cachedStatement(
    db,
    `INSERT INTO sources (id, kind, name, settings, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, settings = excluded.settings`,
  ).run(source.id, source.kind, source.name, JSON.stringify(source.settings ?? {}), Date.now());
}

export function listSourceRecords(db: CacheDatabase): SourceRecord[] {
  return cachedStatement<[], SourceRow>(db, 'SELECT id, kind, name, settings FROM sources ORDER BY created_at, id')
    .all()
    .map((row) => ({ id: row.id, kind: row.kind, name: row.name, settings: JSON.parse(row.settings) as Record<string, unknown> }));
}

/** Removes a source with its chats, senders, messages and coverage (foreign keys cascade), in one transaction. */
export function removeSourceRecord(db: CacheDatabase, sourceId: string): void {
  db.transaction(() => cachedStatement(db, 'DELETE FROM sources WHERE id = ?').run(sourceId)).immediate();
}
