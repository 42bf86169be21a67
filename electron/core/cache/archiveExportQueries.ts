import type { ReadableDB } from './CacheDatabase.ts';
import { cachedStatement } from './cachedStatement.ts';

/** The message kinds whose whole file a source can send (a link preview's picture is only ever a thumbnail). */
const WHOLE_FILE_KINDS = `('photo', 'video', 'gif', 'sticker', 'voice', 'audio', 'file')`;

const MISSING = `m.chat_id = ? AND m.kind IN ${WHOLE_FILE_KINDS} AND NOT EXISTS (
  SELECT 1 FROM message_media l WHERE l.chat_id = m.chat_id AND l.message_id = m.source_msg_id AND l.variant = 'full')`;

/** A position in a chat's history order; the cursor is exclusive. */
export interface HistoryPosition {
  date: number;
  sortKey: number;
}

/**
 * Messages of a chat with a whole file that is not on this computer, oldest first after `after` (exclusive),
 * paged by key on the history index so a chat of a million messages is walked in bounded steps.
 */
export function listMessagesMissingWholeFile(
  db: ReadableDB,
  chatId: number,
  after: HistoryPosition | null,
  limit: number,
): Array<{ messageId: string; position: HistoryPosition }> {
  const from = after ?? { date: Number.MIN_SAFE_INTEGER, sortKey: Number.MIN_SAFE_INTEGER };
  return cachedStatement<[number, number, number, number], { message_id: string; date: number; sort_key: number }>(
    db,
    `SELECT m.source_msg_id AS message_id, m.date, m.sort_key FROM messages m
     WHERE ${MISSING} AND (m.date, m.sort_key) > (?, ?)
     ORDER BY m.date, m.sort_key LIMIT ?`,
  )
    .all(chatId, from.date, from.sortKey, limit)
    .map((row) => ({ messageId: row.message_id, position: { date: row.date, sortKey: row.sort_key } }));
}

/** How many messages of a chat have a whole file that is not on this computer. */
export function countMessagesMissingWholeFile(db: ReadableDB, chatId: number): number {
  return cachedStatement<[number], { n: number }>(db, `SELECT count(*) AS n FROM messages m WHERE ${MISSING}`).get(chatId)?.n ?? 0;
}
