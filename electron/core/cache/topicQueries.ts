import type { ForumTopic } from '../../../shared/domain.ts';
import { assertWritable } from './cacheErrors.ts';
import type { ReadableDB, WritableDB } from './CacheDatabase.ts';
import { cachedStatement } from './cachedStatement.ts';

/** A forum topic as a source or an export names it. */
export interface SourceTopic {
  id: string;
  title: string;
  iconEmoji?: string | null;
  iconColor?: number | null;
  createdDate?: number | null;
}

/** Stores a forum's topics (a later listing renames or re-icons them) and marks the chat a forum. */
export function upsertTopics(db: WritableDB, chatId: number, topics: readonly SourceTopic[]): void {
  assertWritable(db);
  if (topics.length === 0) return;
  const upsert = cachedStatement(
    db,
    `INSERT INTO topics (chat_id, topic_id, title, icon_emoji, icon_color, created_date) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (chat_id, topic_id) DO UPDATE SET title = excluded.title,
       icon_emoji = coalesce(excluded.icon_emoji, icon_emoji), icon_color = coalesce(excluded.icon_color, icon_color),
       created_date = coalesce(excluded.created_date, created_date)`,
  );
  for (const topic of topics)
    upsert.run(chatId, topic.id, topic.title, topic.iconEmoji ?? null, topic.iconColor ?? null, topic.createdDate ?? null);
  markForum(db, chatId);
}

export function markForum(db: WritableDB, chatId: number): void {
  assertWritable(db);
  cachedStatement(db, 'UPDATE chats SET forum = 1 WHERE id = ? AND forum = 0').run(chatId);
}

/** A forum's topics, newest-created first, each with its messages on this computer. */
export function listTopics(db: ReadableDB, chatId: number): ForumTopic[] {
  return cachedStatement<[number], { topic_id: string; title: string; icon_emoji: string | null; icon_color: number | null; n: number }>(
    db,
    `SELECT t.topic_id, t.title, t.icon_emoji, t.icon_color,
       (SELECT count(*) FROM messages m WHERE m.chat_id = t.chat_id AND m.topic_id = t.topic_id) AS n
     FROM topics t WHERE t.chat_id = ? ORDER BY coalesce(t.created_date, 0) DESC, t.topic_id DESC`,
  )
    .all(chatId)
    .map((row) => ({
      id: row.topic_id,
      title: row.title,
      iconEmoji: row.icon_emoji,
      iconColor: row.icon_color,
      messagesOnComputer: row.n,
    }));
}

/** The titles of every topic, by chat and topic id (for labelling search results). */
export function topicTitlesOf(db: ReadableDB, keys: ReadonlyArray<{ chatId: number; topicId: string }>): Map<string, string> {
  if (keys.length === 0) return new Map();
  const rows = cachedStatement<[string], { chat_id: number; topic_id: string; title: string }>(
    db,
    `SELECT t.chat_id, t.topic_id, t.title FROM topics t
     JOIN json_each(?) j ON t.chat_id = j.value ->> 0 AND t.topic_id = j.value ->> 1`,
  ).all(JSON.stringify(keys.map((key) => [key.chatId, key.topicId])));
  return new Map(rows.map((row) => [`${row.chat_id}:${row.topic_id}`, row.title]));
}
