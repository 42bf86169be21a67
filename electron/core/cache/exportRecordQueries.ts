import type { ExportRecord, ExportRequest, ExportResult } from '../../../shared/exporting.ts';
import type { ReadableDB, WritableDB } from './CacheDatabase.ts';
import { cachedStatement } from './cachedStatement.ts';
import { archiveHealthOf, assertWritable } from './cacheErrors.ts';
import { parseStoredJson } from './storedJson.ts';
import { exportRequestSchema } from '../../../shared/ipc/inputSchemas.ts';

interface ExportRow {
  id: number;
  chat_id: number;
  request: string;
  target: string;
  written: number;
  newest_date: number | null;
  newest_sort_key: number | null;
  created_at: number;
}

/** A finished export with the request that made it, for "Export again". */
export interface StoredExport {
  record: ExportRecord;
  request: ExportRequest;
  /** The newest message it wrote, where an export of "only what is new" continues. */
  newest: { date: number; sortKey: number } | null;
}

function toStoredExport(row: ExportRow): StoredExport {
  const request = parseStoredJson(exportRequestSchema, row.request, `exports.request of export ${row.id}`);
  return {
    record: {
      id: row.id,
      chatId: row.chat_id,
      format: request.format,
      target: row.target,
      written: row.written,
      newestDate: row.newest_date,
      createdAt: row.created_at,
    },
    request,
    newest: row.newest_date === null ? null : { date: row.newest_date, sortKey: row.newest_sort_key ?? 0 },
  };
}

export function insertExportRecord(db: WritableDB, request: ExportRequest, result: ExportResult, now = Date.now()): void {
  // A damaged archive still exports what reads; the export is then not listed (nothing is written to it).
  if (archiveHealthOf(db).damaged) return;
  assertWritable(db);
  cachedStatement(
    db,
    'INSERT INTO exports (chat_id, request, target, written, newest_date, newest_sort_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    request.chatId,
    JSON.stringify({ ...request, after: null }),
    result.path,
    result.written,
    result.newest?.date ?? null,
    result.newest?.sortKey ?? null,
    now,
  );
}

/** A chat's finished exports, newest first. */
export function listExportRecords(db: ReadableDB, chatId: number): StoredExport[] {
  return cachedStatement<[number], ExportRow>(db, 'SELECT * FROM exports WHERE chat_id = ? ORDER BY id DESC')
    .all(chatId)
    .map(toStoredExport);
}

export function getExportRecord(db: ReadableDB, exportId: number): StoredExport | null {
  const row = cachedStatement<[number], ExportRow>(db, 'SELECT * FROM exports WHERE id = ?').get(exportId);
  return row ? toStoredExport(row) : null;
}

/** The most recent `limit` distinct export targets, newest first (the folders start-up cleans). */
export function listRecentExportTargets(db: ReadableDB, limit: number): string[] {
  const rows = db.prepare('SELECT target FROM exports GROUP BY target ORDER BY max(id) DESC LIMIT ?').all(limit) as Array<{
    target: string;
  }>;
  return rows.map((row) => row.target);
}
