import type { MediaVariant } from '../../../shared/domain.ts';
import { assertWritable, writeIfFree } from './cacheErrors.ts';
import type { ReadableDB, WritableDB } from './CacheDatabase.ts';
import { cachedStatement } from './cachedStatement.ts';
import { inWriteTransaction } from './transactions.ts';

/** A file of the media store as recorded: content hash, bytes, type. */
export interface StoredMediaFile {
  sha256: string;
  size: number;
  mimeType: string;
}

/** The message id that names a chat's own photo in `message_media`. */
export const CHAT_AVATAR = '';

/** The stored file behind one message's thumbnail or whole file, or null when it is not on this computer. */
export function findStoredMedia(db: ReadableDB, chatId: number, messageId: string, variant: MediaVariant): StoredMediaFile | null {
  return (
    cachedStatement<[number, string, string], StoredMediaFile>(
      db,
      `SELECT f.sha256, f.size, f.mime_type AS mimeType FROM message_media l JOIN media_files f ON f.sha256 = l.sha256
       WHERE l.chat_id = ? AND l.message_id = ? AND l.variant = ?`,
    ).get(chatId, messageId, variant) ?? null
  );
}

/** Marks a stored file as just viewed: eviction takes the least recently viewed first. */
export function touchStoredMedia(db: WritableDB, chatId: number, messageId: string, variant: MediaVariant, now: number): void {
  writeIfFree(db, () =>
    cachedStatement(db, 'UPDATE message_media SET last_viewed_at = ? WHERE chat_id = ? AND message_id = ? AND variant = ?').run(
      now,
      chatId,
      messageId,
      variant,
    ),
  );
}

/** Records a file already written to the store, and links it to a message (replacing an earlier link). */
export function recordStoredMedia(
  db: WritableDB,
  link: { chatId: number; messageId: string; variant: MediaVariant; origin: string; now: number },
  file: StoredMediaFile,
): void {
  inWriteTransaction(db, () => {
    cachedStatement(db, 'INSERT INTO media_files (sha256, size, mime_type, stored_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(
      file.sha256,
      file.size,
      file.mimeType,
      link.now,
    );
    cachedStatement(
      db,
      `INSERT INTO message_media (chat_id, message_id, variant, sha256, origin, last_viewed_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (chat_id, message_id, variant) DO UPDATE SET sha256 = excluded.sha256, origin = excluded.origin,
         last_viewed_at = excluded.last_viewed_at`,
    ).run(link.chatId, link.messageId, link.variant, file.sha256, link.origin, link.now);
  });
}

/** Keeps (or stops keeping) one message's whole file past the store's limit. */
export function setStoredMediaPinned(db: WritableDB, chatId: number, messageId: string, pinned: boolean): boolean {
  assertWritable(db);
  return (
    cachedStatement(db, `UPDATE message_media SET pinned = ? WHERE chat_id = ? AND message_id = ? AND variant = 'full'`).run(
      pinned ? 1 : 0,
      chatId,
      messageId,
    ).changes > 0
  );
}

export function isStoredMediaPinned(db: ReadableDB, chatId: number, messageId: string): boolean {
  return (
    cachedStatement<[number, string], { pinned: number }>(
      db,
      `SELECT pinned FROM message_media WHERE chat_id = ? AND message_id = ? AND variant = 'full'`,
    ).get(chatId, messageId)?.pinned === 1
  );
}

/** Marks a chat whose whole files are never evicted. */
export function setChatKeepsMedia(db: WritableDB, chatId: number, keep: boolean): boolean {
  assertWritable(db);
  return cachedStatement(db, 'UPDATE chats SET keep_media = ? WHERE id = ?').run(keep ? 1 : 0, chatId).changes > 0;
}

export function chatKeepsMedia(db: ReadableDB, chatId: number): boolean {
  return cachedStatement<[number], { keep: number }>(db, 'SELECT keep_media AS keep FROM chats WHERE id = ?').get(chatId)?.keep === 1;
}

/** What the store holds on this computer, in bytes: whole files (what the limit counts) and thumbnails. */
export function measureMediaStore(db: ReadableDB): { fullBytes: number; thumbBytes: number; files: number } {
  const row = cachedStatement<[], { fullBytes: number | null; thumbBytes: number | null; files: number }>(
    db,
    `SELECT
       sum(CASE WHEN EXISTS (SELECT 1 FROM message_media t WHERE t.sha256 = f.sha256 AND t.variant = 'thumb') THEN 0 ELSE f.size END)
         AS fullBytes,
       sum(CASE WHEN EXISTS (SELECT 1 FROM message_media t WHERE t.sha256 = f.sha256 AND t.variant = 'thumb') THEN f.size ELSE 0 END)
         AS thumbBytes,
       count(*) AS files
     FROM media_files f`,
  ).get()!;
  return { fullBytes: row.fullBytes ?? 0, thumbBytes: row.thumbBytes ?? 0, files: row.files };
}

/**
 * Whole-file links that may go, least recently viewed first: not pinned, not in a "keep media" chat, and
 * whose file no thumbnail shares (a thumbnail is always kept). At most `limit`.
 */
export function listEvictableMedia(
  db: ReadableDB,
  limit: number,
): Array<{ chatId: number; messageId: string; sha256: string; size: number }> {
  return cachedStatement<[number], { chatId: number; messageId: string; sha256: string; size: number }>(
    db,
    `SELECT l.chat_id AS chatId, l.message_id AS messageId, l.sha256, f.size
     FROM message_media l JOIN media_files f ON f.sha256 = l.sha256 JOIN chats c ON c.id = l.chat_id
     WHERE l.variant = 'full' AND l.pinned = 0 AND c.keep_media = 0
       AND NOT EXISTS (SELECT 1 FROM message_media t WHERE t.sha256 = l.sha256 AND t.variant = 'thumb')
     ORDER BY l.last_viewed_at, l.chat_id, l.message_id
     LIMIT ?`,
  ).all(limit);
}

/** Drops one link; its file goes with the next `removeUnlinkedMediaFiles` if nothing else links it. */
export function unlinkStoredMedia(db: WritableDB, chatId: number, messageId: string, variant: MediaVariant): void {
  assertWritable(db);
  cachedStatement(db, 'DELETE FROM message_media WHERE chat_id = ? AND message_id = ? AND variant = ?').run(chatId, messageId, variant);
}

/** Forgets one recorded file when no message links to it any more; true when it was forgotten (delete its bytes). */
export function removeMediaFileIfUnlinked(db: WritableDB, sha256: string): boolean {
  assertWritable(db);
  return (
    cachedStatement(
      db,
      'DELETE FROM media_files WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM message_media l WHERE l.sha256 = media_files.sha256)',
    ).run(sha256).changes > 0
  );
}

/**
 * Forgets every recorded file no message links to any more (after eviction, or a chat or source removed),
 * and returns their hashes so their bytes can be deleted from disk.
 */
export function removeUnlinkedMediaFiles(db: WritableDB): string[] {
  return inWriteTransaction(db, () => {
    const orphans = cachedStatement<[], { sha256: string }>(
      db,
      'SELECT sha256 FROM media_files f WHERE NOT EXISTS (SELECT 1 FROM message_media l WHERE l.sha256 = f.sha256)',
    )
      .all()
      .map((row) => row.sha256);
    const remove = cachedStatement(db, 'DELETE FROM media_files WHERE sha256 = ?');
    for (const sha256 of orphans) remove.run(sha256);
    return orphans;
  });
}

/** Every file the store records (for a consistency sweep of the folder). */
export function listStoredMediaHashes(db: ReadableDB): Set<string> {
  return new Set(
    cachedStatement<[], { sha256: string }>(db, 'SELECT sha256 FROM media_files')
      .all()
      .map((row) => row.sha256),
  );
}

/** A value of the app's own settings (JSON), or undefined when never set. */
export function readAppSetting(db: ReadableDB, key: string): unknown {
  const row = cachedStatement<[string], { value: string }>(db, 'SELECT value FROM app_settings WHERE key = ?').get(key);
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return undefined;
  }
}

export function writeAppSetting(db: WritableDB, key: string, value: unknown): void {
  assertWritable(db);
  cachedStatement(db, 'INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}

/** Bytes of the files on this computer for a chat's messages dated in [from, to) (null: unbounded). */
export function measureChatMedia(
  db: ReadableDB,
  chatId: number,
  from: number | null,
  to: number | null,
  variants: readonly MediaVariant[],
): number {
  if (variants.length === 0) return 0;
  const row = cachedStatement<unknown[], { bytes: number | null }>(
    db,
    `SELECT sum(f.size) AS bytes FROM messages m
     JOIN message_media l ON l.chat_id = m.chat_id AND l.message_id = m.source_msg_id
     JOIN media_files f ON f.sha256 = l.sha256
     WHERE m.chat_id = ? AND m.date >= ? AND m.date < ? AND l.variant IN (${variants.map(() => '?').join(', ')})`,
  ).get(chatId, from ?? Number.MIN_SAFE_INTEGER, to ?? Number.MAX_SAFE_INTEGER, ...variants);
  return row?.bytes ?? 0;
}
