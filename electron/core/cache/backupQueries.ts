import { z } from 'zod';
import { backupSettingsSchema } from '../../../shared/ipc/inputSchemas.ts';
import {
  defaultBackupSettings,
  type BackupKind,
  type BackupSettings,
  type BackupState,
  type BackupSummary,
} from '../../../shared/backup.ts';
import type { ErrorData, ErrorCode } from '../../../shared/errors.ts';
import type { ReadableDB, WritableDB } from './CacheDatabase.ts';
import { assertWritable } from './cacheErrors.ts';
import { cachedStatement } from './cachedStatement.ts';
import { parseStoredJsonOr, storedMediaSchema } from './storedJson.ts';
import type { SourceMedia } from '../model/SourceMessage.ts';

// A backup's rows (migration 0010). JSON columns are parsed with zod on the way out, never cast.

const summarySchema = z.object({
  startedAt: z.number(),
  finishedAt: z.number(),
  chats: z.number().int(),
  failedChats: z.number().int(),
  newMessages: z.number().int(),
  edited: z.number().int(),
  deletedAtSource: z.number().int(),
  mediaFiles: z.number().int(),
  mediaBytes: z.number(),
}) satisfies z.ZodType<BackupSummary>;

const errorSchema = z.object({ code: z.string(), message: z.string(), retryAfterMs: z.number().optional() });

function parseError(text: string | null): ErrorData | null {
  const parsed = parseStoredJsonOr(errorSchema.nullable(), text, null);
  return parsed ? { code: parsed.code as ErrorCode, message: parsed.message } : null;
}

export interface BackupRecord {
  sourceId: string;
  settings: BackupSettings;
  state: BackupState;
  passStartedAt: number | null;
  passListed: boolean;
  /** Where the pass's listing goes on (the source's cursor); null: from the start. */
  listCursor: string | null;
  /** What the pass under way did so far. */
  passCounts: BackupSummary | null;
  nextRunAt: number | null;
  lastSummary: BackupSummary | null;
  error: ErrorData | null;
}

interface BackupRow {
  source_id: string;
  settings: string;
  state: BackupState;
  pass_started_at: number | null;
  pass_listed: number;
  list_cursor: string | null;
  pass_counts: string | null;
  next_run_at: number | null;
  last_summary: string | null;
  error: string | null;
}

function toRecord(row: BackupRow): BackupRecord {
  return {
    sourceId: row.source_id,
    settings: parseStoredJsonOr(backupSettingsSchema, row.settings, defaultBackupSettings),
    state: row.state,
    passStartedAt: row.pass_started_at,
    passListed: row.pass_listed === 1,
    listCursor: row.list_cursor,
    passCounts: parseStoredJsonOr(summarySchema.nullable(), row.pass_counts, null),
    nextRunAt: row.next_run_at,
    lastSummary: parseStoredJsonOr(summarySchema.nullable(), row.last_summary, null),
    error: parseError(row.error),
  };
}

/** The account's backup; null when none was ever set up. */
export function readBackup(db: ReadableDB, sourceId: string): BackupRecord | null {
  const row = cachedStatement<[string], BackupRow>(db, 'SELECT * FROM backups WHERE source_id = ?').get(sourceId);
  return row ? toRecord(row) : null;
}

export function listBackups(db: ReadableDB): BackupRecord[] {
  return cachedStatement<[], BackupRow>(db, 'SELECT * FROM backups ORDER BY source_id').all().map(toRecord);
}

/** Stores the account's settings (a first call sets the backup up, idle). */
export function writeBackupSettings(db: WritableDB, sourceId: string, settings: BackupSettings): void {
  assertWritable(db);
  cachedStatement(
    db,
    `INSERT INTO backups (source_id, settings, state) VALUES (?, ?, 'idle')
     ON CONFLICT (source_id) DO UPDATE SET settings = excluded.settings`,
  ).run(sourceId, JSON.stringify(backupSettingsSchema.parse(settings)));
}

export function writeBackupState(
  db: WritableDB,
  sourceId: string,
  state: BackupState,
  fields: { error?: ErrorData | null; nextRunAt?: number | null } = {},
): void {
  assertWritable(db);
  cachedStatement(
    db,
    `UPDATE backups SET state = ?, error = CASE WHEN ? THEN ? ELSE error END,
       next_run_at = CASE WHEN ? THEN ? ELSE next_run_at END WHERE source_id = ?`,
  ).run(
    state,
    fields.error === undefined ? 0 : 1,
    fields.error ? JSON.stringify(fields.error) : null,
    fields.nextRunAt === undefined ? 0 : 1,
    fields.nextRunAt ?? null,
    sourceId,
  );
}

/** A new pass: named by its start, its chat list still to read. */
export function beginBackupPass(db: WritableDB, sourceId: string, startedAt: number, counts: BackupSummary): void {
  assertWritable(db);
  cachedStatement(
    db,
    `UPDATE backups SET state = 'running', pass_started_at = ?, pass_listed = 0, list_cursor = NULL, pass_counts = ?, error = NULL, next_run_at = NULL
     WHERE source_id = ?`,
  ).run(startedAt, JSON.stringify(counts), sourceId);
}

/**
 * The listing of a pass ended: chats of the source it did not find are marked gone (kept here, with
 * what they hold), found ones not.
 */
export function recordPassListed(db: WritableDB, sourceId: string, pass: number): void {
  assertWritable(db);
  db.transaction(() => {
    cachedStatement(
      db,
      `UPDATE backup_chats SET gone = coalesce(gone, 'left') WHERE source_id = ? AND (listed_pass IS NULL OR listed_pass != ?)`,
    ).run(sourceId, pass);
    cachedStatement(db, 'UPDATE backups SET pass_listed = 1, list_cursor = NULL WHERE source_id = ?').run(sourceId);
  })();
}

export function recordPassCounts(db: WritableDB, sourceId: string, counts: BackupSummary): void {
  assertWritable(db);
  cachedStatement(db, 'UPDATE backups SET pass_counts = ? WHERE source_id = ?').run(JSON.stringify(counts), sourceId);
}

export function finishBackupPass(db: WritableDB, sourceId: string, summary: BackupSummary, nextRunAt: number | null): void {
  assertWritable(db);
  cachedStatement(
    db,
    `UPDATE backups SET state = 'done', last_summary = ?, pass_counts = NULL, next_run_at = ?, error = NULL WHERE source_id = ?`,
  ).run(JSON.stringify(summary), nextRunAt, sourceId);
}

/**
 * Records a page of the chats a pass's listing found (their kind as the backup counts them, `gone` for
 * those one has left that the source still shows) and where the listing goes on, in one transaction: a
 * kill between pages lists from the next one.
 */
export function recordBackupChats(
  db: WritableDB,
  sourceId: string,
  pass: number,
  listed: ReadonlyArray<{
    chatId: number;
    kind: BackupKind;
    gone?: 'left' | 'deleted' | null;
    continuedBy?: number | null;
    sizeHint?: number | null;
  }>,
  nextCursor: string | null,
): void {
  assertWritable(db);
  const upsert = cachedStatement(
    db,
    `INSERT INTO backup_chats (chat_id, source_id, kind, gone, listed_pass, continued_by, size_hint) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (chat_id) DO UPDATE SET kind = excluded.kind, gone = excluded.gone, listed_pass = excluded.listed_pass,
       continued_by = coalesce(excluded.continued_by, continued_by), size_hint = coalesce(excluded.size_hint, size_hint)`,
  );
  db.transaction(() => {
    for (const chat of listed)
      upsert.run(chat.chatId, sourceId, chat.kind, chat.gone ?? null, pass, chat.continuedBy ?? null, chat.sizeHint ?? null);
    cachedStatement(db, 'UPDATE backups SET list_cursor = ? WHERE source_id = ?').run(nextCursor, sourceId);
  })();
}

export interface BackupChatRow {
  chatId: number;
  name: string;
  kind: BackupKind;
  gone: 'left' | 'deleted' | null;
  archived: boolean;
  lastActivity: number | null;
  cachedCount: number;
  sourceCount: number | null;
  /** The chat's oldest message is on this computer. */
  oldestReached: boolean;
  historyAt: number | null;
  historyPass: number | null;
  donePass: number | null;
  backedUpAt: number | null;
  error: ErrorData | null;
  continuedBy: number | null;
  sizeHint: number | null;
}

interface ChatRow {
  chat_id: number;
  name: string;
  kind: BackupKind;
  gone: 'left' | 'deleted' | null;
  archived: number;
  last_message_date: number | null;
  cached_count: number;
  message_count: number | null;
  oldest_reached: number;
  history_at: number | null;
  history_pass: number | null;
  done_pass: number | null;
  backed_up_at: number | null;
  error: string | null;
  continued_by: number | null;
  size_hint: number | null;
}

/** The account's chats in the backup, most recently active first (the order a pass takes them in). */
export function listBackupChatRows(db: ReadableDB, sourceId: string): BackupChatRow[] {
  return cachedStatement<[string], ChatRow>(
    db,
    `SELECT b.chat_id, c.name, b.kind, b.gone, c.archived, c.last_message_date, c.cached_count, c.message_count,
       EXISTS (SELECT 1 FROM coverage v WHERE v.chat_id = b.chat_id AND v.reaches_oldest = 1) AS oldest_reached,
       b.history_at, b.history_pass, b.done_pass, b.backed_up_at, b.error, b.continued_by, b.size_hint
     FROM backup_chats b JOIN chats c ON c.id = b.chat_id
     WHERE b.source_id = ?
     ORDER BY c.last_message_date IS NULL, c.last_message_date DESC, b.chat_id`,
  )
    .all(sourceId)
    .map((row) => ({
      chatId: row.chat_id,
      name: row.name,
      kind: row.kind,
      gone: row.gone,
      archived: row.archived === 1,
      lastActivity: row.last_message_date,
      cachedCount: row.cached_count,
      sourceCount: row.message_count,
      oldestReached: row.oldest_reached === 1,
      historyAt: row.history_at,
      historyPass: row.history_pass,
      donePass: row.done_pass,
      backedUpAt: row.backed_up_at,
      error: parseError(row.error),
      continuedBy: row.continued_by,
      sizeHint: row.size_hint,
    }));
}

/** A chat's history is stored whole (the first time) or brought up to date, in this pass; its media come next. */
export function recordBackupChatHistory(db: WritableDB, chatId: number, pass: number, at: number): void {
  assertWritable(db);
  cachedStatement(db, 'UPDATE backup_chats SET history_pass = ?, history_at = coalesce(history_at, ?) WHERE chat_id = ?').run(
    pass,
    at,
    chatId,
  );
}

/** A chat finished in a pass (history and media), or failed in it (why, in words and a code). */
export function recordBackupChatDone(db: WritableDB, chatId: number, pass: number, at: number, error: ErrorData | null): void {
  assertWritable(db);
  cachedStatement(
    db,
    `UPDATE backup_chats SET done_pass = ?, backed_up_at = CASE WHEN ? THEN ? ELSE backed_up_at END, error = ? WHERE chat_id = ?`,
  ).run(pass, error ? 0 : 1, at, error ? JSON.stringify({ code: error.code, message: error.message }) : null, chatId);
}

/** One medium of a chat whose whole file is not on this computer. */
export interface MissingMedia {
  messageId: string;
  media: SourceMedia;
}

/** Messages of the chat with a medium of these kinds whose whole file is not on this computer, newest first. */
export function listMediaMissing(db: ReadableDB, chatId: number, kinds: readonly string[]): MissingMedia[] {
  if (kinds.length === 0) return [];
  return cachedStatement<unknown[], { source_msg_id: string; media: string | null }>(
    db,
    `SELECT m.source_msg_id, m.media FROM messages m
     WHERE m.chat_id = ? AND m.kind IN (${kinds.map(() => '?').join(', ')}) AND m.media IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM message_media l WHERE l.chat_id = m.chat_id AND l.message_id = m.source_msg_id AND l.variant = 'full')
     ORDER BY m.date DESC, m.sort_key DESC`,
  )
    .all(chatId, ...kinds)
    .flatMap((row) => {
      const media = parseStoredJsonOr(storedMediaSchema.nullable(), row.media, null) as SourceMedia | null;
      return media ? [{ messageId: row.source_msg_id, media }] : [];
    });
}

/** Whole files of the chat on this computer that the backup keeps (pinned), in count and bytes. */
export function measureKeptMedia(db: ReadableDB, chatId: number): { files: number; bytes: number } {
  const row = cachedStatement<[number], { files: number; bytes: number | null }>(
    db,
    `SELECT count(*) AS files, sum(f.size) AS bytes FROM message_media l JOIN media_files f ON f.sha256 = l.sha256
     WHERE l.chat_id = ? AND l.variant = 'full' AND l.message_id != ''`,
  ).get(chatId);
  return { files: row?.files ?? 0, bytes: row?.bytes ?? 0 };
}

/** Messages of a chat on this computer (kept in the chat's row with its messages, so this counts nothing). */
export function readCachedCount(db: ReadableDB, chatId: number): number {
  return cachedStatement<[number], { n: number }>(db, 'SELECT cached_count AS n FROM chats WHERE id = ?').get(chatId)?.n ?? 0;
}
