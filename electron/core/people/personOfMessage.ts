import type { ReadableDB } from '../cache/CacheDatabase.ts';
import { cachedStatement } from '../cache/cachedStatement.ts';

/** The person who sent a stored message: what the window's sender name opens. Null: no such message, or no sender. */
export function personOfMessage(db: ReadableDB, chatId: number, messageId: string): number | null {
  return (
    cachedStatement<[number, string], { person_id: number }>(
      db,
      `SELECT ps.person_id FROM messages m JOIN person_senders ps ON ps.sender_id = m.sender_id
       WHERE m.chat_id = ? AND m.source_msg_id = ?`,
    ).get(chatId, messageId)?.person_id ?? null
  );
}
