import { hasMediaFiles, type ChatMessage, type FileMedia, type Media } from '../../../shared/domain.ts';
import { assertWritable } from './cacheErrors.ts';
import { messageKindOf } from '../../../shared/domain.ts';
import { comparePositions, type MessagePosition } from '../../../shared/cursor.ts';
import type { SourceMedia, SourceMessage } from '../model/SourceMessage.ts';
import type { ReadableDB, WritableDB } from './CacheDatabase.ts';
import { cachedStatement } from './cachedStatement.ts';
import { INDEXED_BODY_OF_PARAMETER, indexedBodyOf, searchRowIdOf, SEARCH_ROWID_SPAN } from './searchIndexRowid.ts';
import { capMessageText } from './capMessageText.ts';
import {
  parseStoredJsonOr,
  storedEntitiesSchema,
  storedForwardSchema,
  storedDetailsSchema,
  storedMediaSchema,
  storedReactionsSchema,
  storedServiceSchema,
} from './storedJson.ts';

interface MessageRow {
  source_msg_id: string;
  chat_id: number;
  date: number;
  sort_key: number;
  sender_key: string | null;
  sender_name: string | null;
  out: number;
  text: string;
  entities: string | null;
  media: string | null;
  has_full: number;
  reply_to: string | null;
  forward: string | null;
  edit_date: number | null;
  service: string | null;
  grouped_id: string | null;
  views: number | null;
  reactions: string | null;
  deleted_at: number | null;
  earlier_versions: number;
  topic_id: string | null;
  details: string | null;
}

export interface StoredMessage {
  message: ChatMessage;
  position: MessagePosition;
}

const SELECT_COLUMNS = `
  m.source_msg_id, m.chat_id, m.date, m.sort_key, s.source_key AS sender_key, s.name AS sender_name, m.out,
  m.text, m.entities, m.media, m.reply_to, m.forward, m.edit_date, m.service, m.grouped_id, m.views, m.reactions,
  m.deleted_at, m.earlier_versions, m.topic_id, m.details, CASE WHEN m.media IS NULL THEN 0 ELSE EXISTS (
    SELECT 1 FROM message_media mm WHERE mm.chat_id = m.chat_id AND mm.message_id = m.source_msg_id AND mm.variant = 'full'
  ) END AS has_full
  FROM messages m LEFT JOIN senders s ON s.id = m.sender_id`;

/** Shown in place of a stored attachment record that cannot be read (the message itself still shows). */
const UNREADABLE_MEDIA: Media = { kind: 'other', label: 'Attachment (its stored record could not be read)' };

/**
 * A stored attachment as the window sees it: without the source's locator (what it needs to fetch the file
 * again, of no use to the window), and saying whether the whole file is on this computer.
 */
function forTheWindow(media: Media | null, hasFull: number): Media | null {
  if (!media || !hasMediaFiles(media)) return media;
  const { locator: _locator, ...shown } = media as FileMedia & { locator?: unknown };
  const onComputer = hasFull === 1 || (shown.localFile !== undefined && shown.localFile !== '');
  return onComputer ? { ...shown, onComputer } : shown;
}

/** The details column as message fields (a signature, a via bot); nothing when empty or unreadable. */
function detailsOf(details: string | null): Pick<ChatMessage, 'signature' | 'viaBot' | 'dateApproximate'> {
  if (details === null) return {};
  const parsed = parseStoredJsonOr(storedDetailsSchema, details, {});
  return {
    ...(parsed.signature ? { signature: parsed.signature } : {}),
    ...(parsed.viaBot ? { viaBot: parsed.viaBot } : {}),
    ...(parsed.dateApproximate ? { dateApproximate: true } : {}),
  };
}

/** What the details column keeps of a message; null when it has none. */
function detailsJson(message: SourceMessage): string | null {
  if (!message.signature && !message.viaBot && !message.dateApproximate) return null;
  return JSON.stringify({
    ...(message.signature ? { signature: message.signature } : {}),
    ...(message.viaBot ? { viaBot: message.viaBot } : {}),
    ...(message.dateApproximate ? { dateApproximate: true } : {}),
  });
}

/**
 * A message's values for the messages table, in the INSERT's column order (chat_id … details): one place, so
 * the store path and the bench's raw-insert floor write the same row.
 */
export function messageRowValues(chatId: number, message: SourceMessage, senderId: number | null): unknown[] {
  const { text, entities } = capMessageText(message);
  return [
    chatId,
    message.id,
    message.date,
    message.sortKey,
    senderId,
    messageKindOf(message),
    message.out ? 1 : 0,
    text,
    entities.length > 0 ? JSON.stringify(entities) : null,
    message.media ? JSON.stringify(message.media) : null,
    message.replyToId,
    message.forward ? JSON.stringify(message.forward) : null,
    message.editDate,
    message.service ? JSON.stringify(message.service) : null,
    message.groupedId,
    message.views,
    message.reactions.length > 0 ? JSON.stringify(message.reactions) : null,
    message.deletedAt ?? null,
    message.topicId ?? null,
    detailsJson(message),
  ];
}

function toStoredMessage(row: MessageRow): StoredMessage {
  return {
    message: {
      id: row.source_msg_id,
      chatId: row.chat_id,
      date: row.date,
      senderId: row.sender_key,
      senderName: row.sender_name,
      out: row.out === 1,
      text: row.text,
      entities: row.entities === null || row.entities === '[]' ? [] : parseStoredJsonOr(storedEntitiesSchema, row.entities, []),
      media: forTheWindow(
        parseStoredJsonOr<Media | null>(storedMediaSchema, row.media, row.media === null ? null : UNREADABLE_MEDIA),
        row.has_full,
      ),
      replyToId: row.reply_to,
      forward: parseStoredJsonOr(storedForwardSchema, row.forward, null),
      editDate: row.edit_date,
      service: parseStoredJsonOr(storedServiceSchema, row.service, null),
      groupedId: row.grouped_id,
      views: row.views,
      reactions: parseStoredJsonOr(storedReactionsSchema, row.reactions, []),
      deletedAt: row.deleted_at,
      earlierVersions: row.earlier_versions,
      ...(row.topic_id === null ? {} : { topicId: row.topic_id }),
      ...detailsOf(row.details),
    },
    position: { date: row.date, sortKey: row.sort_key, id: row.source_msg_id },
  };
}

type Bound = Pick<MessagePosition, 'date' | 'sortKey'>;

/** Messages strictly older than `before` and not older than `floor`, newest first. */
export function selectMessagesBefore(db: ReadableDB, chatId: number, before: Bound, floor: Bound, limit: number): StoredMessage[] {
  const rows = cachedStatement<unknown[], MessageRow>(
    db,
    `SELECT ${SELECT_COLUMNS}
     WHERE m.chat_id = ? AND (m.date, m.sort_key) < (?, ?) AND (m.date, m.sort_key) >= (?, ?)
     ORDER BY m.date DESC, m.sort_key DESC LIMIT ?`,
  ).all(chatId, before.date, before.sortKey, floor.date, floor.sortKey, limit);
  return rows.map(toStoredMessage);
}

/** Messages strictly newer than `after` and not newer than `ceiling`, oldest first. */
export function selectMessagesAfter(db: ReadableDB, chatId: number, after: Bound, ceiling: Bound, limit: number): StoredMessage[] {
  const rows = cachedStatement<unknown[], MessageRow>(
    db,
    `SELECT ${SELECT_COLUMNS}
     WHERE m.chat_id = ? AND (m.date, m.sort_key) > (?, ?) AND (m.date, m.sort_key) <= (?, ?)
     ORDER BY m.date ASC, m.sort_key ASC LIMIT ?`,
  ).all(chatId, after.date, after.sortKey, ceiling.date, ceiling.sortKey, limit);
  return rows.map(toStoredMessage);
}

/** Full messages for local row ids, in the order given. */
export function readMessagesByRowId(db: ReadableDB, rowIds: readonly number[]): ChatMessage[] {
  if (rowIds.length === 0) return [];
  const rows = cachedStatement<[string], MessageRow & { id: number }>(
    db,
    `SELECT m.id, ${SELECT_COLUMNS} WHERE m.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(rowIds));
  const byId = new Map(rows.map((row) => [row.id, toStoredMessage(row).message]));
  return rowIds.map((id) => byId.get(id)!);
}

export function findMessagePosition(db: ReadableDB, chatId: number, sourceMessageId: string): MessagePosition | null {
  const row = cachedStatement<unknown[], { date: number; sort_key: number }>(
    db,
    'SELECT date, sort_key FROM messages WHERE chat_id = ? AND source_msg_id = ?',
  ).get(chatId, sourceMessageId);
  return row ? { date: row.date, sortKey: row.sort_key, id: sourceMessageId } : null;
}

/** The stored message at exactly this position, if any. */
export function findMessageAt(db: ReadableDB, chatId: number, point: Bound): MessagePosition | null {
  const row = cachedStatement<unknown[], { source_msg_id: string }>(
    db,
    'SELECT source_msg_id FROM messages WHERE chat_id = ? AND date = ? AND sort_key = ?',
  ).get(chatId, point.date, point.sortKey);
  return row ? { date: point.date, sortKey: point.sortKey, id: row.source_msg_id } : null;
}

interface ExistingRow {
  id: number;
  text: string;
  entities: string | null;
  media: string | null;
  edit_date: number | null;
  views: number | null;
  reactions: string | null;
  deleted_at: number | null;
  details: string | null;
}

/** What storing a run changed besides adding messages: edits seen (an earlier version kept) and deletions. */
export interface MessageChanges {
  /** Source ids of messages whose text, formatting or attachment changed (their earlier version is kept). */
  edited: string[];
  /** Source ids newly marked deleted at the source. */
  deleted: string[];
  /** Source ids the source delivered again after they had been marked deleted (the mark is lifted). */
  restored: string[];
}

export function noMessageChanges(): MessageChanges {
  return { edited: [], deleted: [], restored: [] };
}

/**
 * Stores messages of one chat (call inside a transaction). New messages are inserted and indexed for
 * search in batches; a message already stored is compared with what the source sent now: a changed text,
 * formatting or attachment keeps the stored version as an earlier one before the row takes the new one.
 * Returns how many messages were new; `changes` (when given) collects what else changed.
 */
export function insertMessages(
  db: WritableDB,
  chatId: number,
  resolveSenderId: (message: SourceMessage) => number | null,
  messages: readonly SourceMessage[],
  seen: { at: number; changes: MessageChanges } = { at: Date.now(), changes: noMessageChanges() },
): number {
  if (messages.length === 0) return 0;
  const maxIdBefore = cachedStatement<[], { id: number | null }>(db, 'SELECT max(id) AS id FROM messages').get()!.id ?? 0;
  const insert = cachedStatement(
    db,
    `INSERT INTO messages (chat_id, source_msg_id, date, sort_key, sender_id, kind, out, text, entities, media,
       reply_to, forward, edit_date, service, grouped_id, views, reactions, deleted_at, topic_id, details)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (chat_id, source_msg_id) DO NOTHING`,
  );
  let inserted = 0;
  const existing: SourceMessage[] = [];
  // New rows get ids above every stored one: the chat's ids keep following its positions while each new
  // message comes after the chat's last one and after the one inserted before it.
  let last = idsFollowPositions(db, chatId) ? lastPositionOf(db, chatId) : null;
  for (const message of inPositionOrder(messages)) {
    const result = insert.run(...messageRowValues(chatId, message, resolveSenderId(message)));
    if (result.changes === 1) {
      inserted++;
      if (last !== null) {
        const after = comparePositions(message, last) > 0;
        last = after ? message : null;
        if (!after) stopIdsFollowingPositions(db, chatId);
      }
    } else existing.push(message);
  }
  if (inserted > 0) {
    // New rows are exactly those above the old max id (INTEGER PRIMARY KEY assigns max + 1). One
    // INSERT…SELECT indexes them all: three times faster than a statement per row or a VALUES list.
    cachedStatement(
      db,
      `INSERT INTO message_search (rowid, body)
       SELECT ${searchRowIdOf('messages')}, ${indexedBodyOf('text')} FROM messages WHERE id > ? AND text <> ''`,
    ).run(maxIdBefore);
  }
  if (inserted > 0) cachedStatement(db, 'UPDATE chats SET cached_count = cached_count + ? WHERE id = ?').run(inserted, chatId);
  for (const message of existing) reconcileStored(db, chatId, message, seen);
  return inserted;
}

/** Whether every message of the chat has an id in the order of its position (see migration 13). */
export function idsFollowPositions(db: ReadableDB, chatId: number): boolean {
  return (
    cachedStatement<[number], { yes: number }>(db, 'SELECT ids_follow_positions AS yes FROM chats WHERE id = ?').get(chatId)?.yes === 1
  );
}

/** The messages oldest first (a source's page may come newest first), so new ids follow their positions. */
function inPositionOrder(messages: readonly SourceMessage[]): readonly SourceMessage[] {
  for (let i = 1; i < messages.length; i++)
    if (comparePositions(messages[i - 1]!, messages[i]!) > 0) return [...messages].sort(comparePositions);
  return messages;
}

function stopIdsFollowingPositions(db: WritableDB, chatId: number): void {
  cachedStatement(db, 'UPDATE chats SET ids_follow_positions = 0 WHERE id = ?').run(chatId);
}

function lastPositionOf(db: ReadableDB, chatId: number): Pick<MessagePosition, 'date' | 'sortKey'> {
  const row = cachedStatement<[number], { date: number; sort_key: number }>(
    db,
    'SELECT date, sort_key FROM messages WHERE chat_id = ? ORDER BY date DESC, sort_key DESC LIMIT 1',
  ).get(chatId);
  return row ? { date: row.date, sortKey: row.sort_key } : { date: Number.NEGATIVE_INFINITY, sortKey: Number.NEGATIVE_INFINITY };
}

/** Removes a message's entry from the full-text index; a contentless index needs the text it indexed. */
function unindexForSearch(db: WritableDB, chatId: number, rowId: number, text: string): void {
  if (text === '') return;
  cachedStatement(
    db,
    `INSERT INTO message_search (message_search, rowid, body) VALUES ('delete', ? * ${SEARCH_ROWID_SPAN} + ?, ${INDEXED_BODY_OF_PARAMETER})`,
  ).run(chatId, rowId, text);
}

function indexForSearch(db: WritableDB, chatId: number, rowId: number, text: string): void {
  if (text === '') return;
  cachedStatement(db, `INSERT INTO message_search (rowid, body) VALUES (? * ${SEARCH_ROWID_SPAN} + ?, ${INDEXED_BODY_OF_PARAMETER})`).run(
    chatId,
    rowId,
    text,
  );
}

/**
 * An attachment as compared for edits: without the source's locator, which changes by itself (Telegram's
 * file references expire and come back renewed) while the file stays the same.
 */
/**
 * What makes two copies of an attachment the same one: its kind and what it shows (size in pixels, length,
 * file name, a poll's question, a place), not what a copy may lack or renew (the source's locator, previews,
 * byte sizes, types, waveforms, which file is on this computer) — an export without its files imported back,
 * or a renewed file reference, is not an edit.
 */
const DESCRIPTIVE_MEDIA_FIELDS = ['locator', 'preview', 'thumb', 'size', 'mimeType', 'waveform', 'onComputer', 'localFile'];
function attachmentIdentity(media: string | null): string | null {
  if (media === null) return null;
  try {
    const shown = JSON.parse(media) as Record<string, unknown>;
    for (const field of DESCRIPTIVE_MEDIA_FIELDS) delete shown[field];
    return JSON.stringify(shown);
  } catch {
    return media;
  }
}

/** Formatting as stored (JSON whose keys each source writes in its own order), in one order to compare. */
function canonicalEntities(entities: string | null): string | null {
  if (entities === null) return null;
  try {
    const list = JSON.parse(entities) as Record<string, unknown>[];
    return JSON.stringify(
      list.map((entity) => Object.fromEntries(Object.entries(entity).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))),
    );
  } catch {
    return entities;
  }
}

/** The same attachment from a newer copy: what it says wins, what it lacks (a preview, a size) is kept. */
function mergedMedia(stored: string | null, incoming: string | null): string | null {
  if (stored === null || incoming === null) return incoming;
  try {
    return JSON.stringify({ ...(JSON.parse(stored) as object), ...(JSON.parse(incoming) as object) });
  } catch {
    return incoming;
  }
}

/**
 * A message the cache already holds, delivered again: an edit keeps the stored version before the row
 * takes the new one (never for a newer copy that only renews a file reference, counts views or reactions,
 * which update in place); a message marked deleted that the source delivers again is not deleted after all.
 */
function reconcileStored(db: WritableDB, chatId: number, message: SourceMessage, seen: { at: number; changes: MessageChanges }): void {
  const row = cachedStatement<unknown[], ExistingRow>(
    db,
    'SELECT id, text, entities, media, edit_date, views, reactions, deleted_at, details FROM messages WHERE chat_id = ? AND source_msg_id = ?',
  ).get(chatId, message.id);
  if (!row) return;
  // A time the source did not give (an HTML page's service line, dated by its neighbours) takes the exact one
  // another copy brings (the JSON export of the same chat).
  if (!message.dateApproximate && row.details?.includes('"dateApproximate":true')) {
    cachedStatement(db, 'UPDATE messages SET date = ?, details = ? WHERE id = ?').run(message.date, detailsJson(message), row.id);
    // A message that moves may now sit between others without its id doing so.
    stopIdsFollowingPositions(db, chatId);
  }
  // A copy that knows the message's topic (a live fetch of what an export stored) says it.
  if (message.topicId)
    cachedStatement(db, 'UPDATE messages SET topic_id = ? WHERE id = ? AND topic_id IS NULL').run(message.topicId, row.id);
  const { text, entities } = capMessageText(message);
  const entitiesJson = entities.length > 0 ? JSON.stringify(entities) : null;
  const mediaJson = message.media ? JSON.stringify(message.media) : null;
  const reactionsJson = message.reactions.length > 0 ? JSON.stringify(message.reactions) : null;
  // An older copy (an export made before the edit) never replaces a newer version: it carries an earlier
  // edit date, or none and a text already kept as an earlier version. (A source without edit dates,
  // RyzeAPI, sends none at all: its changed text is an edit.)
  const older =
    row.edit_date !== null &&
    (message.editDate !== null
      ? message.editDate < row.edit_date
      : cachedStatement<[number, string], { x: number }>(db, 'SELECT 1 AS x FROM message_versions WHERE message_id = ? AND text = ?').get(
          row.id,
          text,
        ) !== undefined);
  const changed =
    !older &&
    (row.text !== text ||
      (row.entities !== entitiesJson && canonicalEntities(row.entities) !== canonicalEntities(entitiesJson)) ||
      attachmentIdentity(row.media) !== attachmentIdentity(mediaJson));
  if (changed) {
    cachedStatement(
      db,
      `INSERT INTO message_versions (message_id, chat_id, text, entities, media, edit_date, replaced_at)
       SELECT id, chat_id, text, entities, media, edit_date, ? FROM messages WHERE id = ?`,
    ).run(seen.at, row.id);
    cachedStatement(
      db,
      `UPDATE messages SET text = ?, entities = ?, media = ?, edit_date = ?, earlier_versions = earlier_versions + 1 WHERE id = ?`,
    ).run(text, entitiesJson, mediaJson, message.editDate ?? seen.at, row.id);
    if (row.text !== text) {
      unindexForSearch(db, chatId, row.id, row.text);
      indexForSearch(db, chatId, row.id, text);
    }
    seen.changes.edited.push(message.id);
  } else if (!older && (row.media !== mediaJson || row.edit_date !== message.editDate) && message.editDate !== null) {
    cachedStatement(db, 'UPDATE messages SET media = ?, edit_date = ? WHERE id = ?').run(
      mergedMedia(row.media, mediaJson),
      message.editDate,
      row.id,
    );
  }
  if (row.views !== message.views || row.reactions !== reactionsJson) {
    cachedStatement(db, 'UPDATE messages SET views = coalesce(?, views), reactions = ? WHERE id = ?').run(
      message.views,
      reactionsJson,
      row.id,
    );
  }
  const deletedNow = message.deletedAt ?? null;
  if (row.deleted_at !== null && deletedNow === null) {
    cachedStatement(db, 'UPDATE messages SET deleted_at = NULL WHERE id = ?').run(row.id);
    seen.changes.restored.push(message.id);
  } else if (row.deleted_at === null && deletedNow !== null) {
    cachedStatement(db, 'UPDATE messages SET deleted_at = ? WHERE id = ?').run(deletedNow, row.id);
    seen.changes.deleted.push(message.id);
  }
}

/**
 * Marks deleted at the source every stored message of the chat strictly between two positions (null: the
 * chat's end on that side) that a complete run from the source did not hold. Returns their source ids.
 */
export function markMissingAsDeleted(
  db: WritableDB,
  chatId: number,
  range: { after: Bound | null; before: Bound | null },
  present: readonly string[],
  at: number,
): string[] {
  const after = range.after ?? { date: Number.MIN_SAFE_INTEGER, sortKey: Number.MIN_SAFE_INTEGER };
  const before = range.before ?? { date: Number.MAX_SAFE_INTEGER, sortKey: Number.MAX_SAFE_INTEGER };
  return cachedStatement<unknown[], { source_msg_id: string }>(
    db,
    `UPDATE messages SET deleted_at = ?
     WHERE chat_id = ? AND deleted_at IS NULL AND (date, sort_key) > (?, ?) AND (date, sort_key) < (?, ?)
       AND source_msg_id NOT IN (SELECT value FROM json_each(?))
     RETURNING source_msg_id`,
  )
    .all(at, chatId, after.date, after.sortKey, before.date, before.sortKey, JSON.stringify(present))
    .map((row) => row.source_msg_id);
}

/** How many stored messages of a chat lie strictly between two positions (null: unbounded), read from the position index alone. */
export function countMessagesBetween(db: ReadableDB, chatId: number, range: { after: Bound | null; before: Bound | null }): number {
  const after = range.after ?? { date: Number.MIN_SAFE_INTEGER, sortKey: Number.MIN_SAFE_INTEGER };
  const before = range.before ?? { date: Number.MAX_SAFE_INTEGER, sortKey: Number.MAX_SAFE_INTEGER };
  return cachedStatement<unknown[], { n: number }>(
    db,
    'SELECT count(*) AS n FROM messages WHERE chat_id = ? AND (date, sort_key) > (?, ?) AND (date, sort_key) < (?, ?)',
  ).get(chatId, after.date, after.sortKey, before.date, before.sortKey)!.n;
}

/** Marks messages of a chat deleted at the source by their ids (a delete update); returns those newly marked. */
export function markDeletedByIds(db: WritableDB, chatId: number, ids: readonly string[], at: number): string[] {
  assertWritable(db);
  if (ids.length === 0) return [];
  return cachedStatement<unknown[], { source_msg_id: string }>(
    db,
    `UPDATE messages SET deleted_at = ?
     WHERE chat_id = ? AND deleted_at IS NULL AND source_msg_id IN (SELECT value FROM json_each(?))
     RETURNING source_msg_id`,
  )
    .all(at, chatId, JSON.stringify(ids))
    .map((row) => row.source_msg_id);
}

/** An earlier version of a message, oldest first, as kept when an edit was seen. */
export interface StoredMessageVersion {
  text: string;
  entities: ChatMessage['entities'];
  media: Media | null;
  /** When the version was made at the source (its edit date); null for the original message. */
  editDate: number | null;
  /** When this computer saw it replaced. */
  replacedAt: number;
}

/**
 * One forum topic's messages on this computer, in history order: up to `limit` strictly before (`older`) or
 * after a position, nearest first as read. (The whole chat pages by coverage; a topic is read from the cache.)
 */
export function selectTopicMessages(
  db: ReadableDB,
  chatId: number,
  topicId: string,
  from: Bound,
  direction: 'older' | 'newer',
  limit: number,
): StoredMessage[] {
  const sql =
    direction === 'older'
      ? `SELECT ${SELECT_COLUMNS} WHERE m.chat_id = ? AND m.topic_id = ? AND (m.date, m.sort_key) < (?, ?)
         ORDER BY m.date DESC, m.sort_key DESC LIMIT ?`
      : `SELECT ${SELECT_COLUMNS} WHERE m.chat_id = ? AND m.topic_id = ? AND (m.date, m.sort_key) > (?, ?)
         ORDER BY m.date ASC, m.sort_key ASC LIMIT ?`;
  return cachedStatement<unknown[], MessageRow>(db, sql).all(chatId, topicId, from.date, from.sortKey, limit).map(toStoredMessage);
}

export function selectMessageVersions(db: ReadableDB, chatId: number, sourceMessageId: string): StoredMessageVersion[] {
  return cachedStatement<
    [number, string],
    { text: string; entities: string | null; media: string | null; edit_date: number | null; replaced_at: number }
  >(
    db,
    `SELECT v.text, v.entities, v.media, v.edit_date, v.replaced_at FROM message_versions v
     JOIN messages m ON m.id = v.message_id WHERE m.chat_id = ? AND m.source_msg_id = ? ORDER BY v.id`,
  )
    .all(chatId, sourceMessageId)
    .map((row) => ({
      text: row.text,
      entities: row.entities === null ? [] : parseStoredJsonOr(storedEntitiesSchema, row.entities, []),
      media: forTheWindow(parseStoredJsonOr<Media | null>(storedMediaSchema, row.media, row.media === null ? null : UNREADABLE_MEDIA), 0),
      editDate: row.edit_date,
      replacedAt: row.replaced_at,
    }));
}

/** Full messages by source id, in the order given (ids not stored are left out). */
export function selectMessagesByIds(db: ReadableDB, chatId: number, ids: readonly string[]): ChatMessage[] {
  if (ids.length === 0) return [];
  const rows = cachedStatement<[number, string], MessageRow>(
    db,
    `SELECT ${SELECT_COLUMNS} WHERE m.chat_id = ? AND m.source_msg_id IN (SELECT value FROM json_each(?))`,
  ).all(chatId, JSON.stringify(ids));
  const byId = new Map(rows.map((row) => [row.source_msg_id, toStoredMessage(row).message]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Messages of a chat dated after `date`, counted up to `cap` (the index walk stops there, so the answer
 * costs the same in a ten-million-message chat): the count, and whether there are more.
 */
export function countMessagesAfter(db: ReadableDB, chatId: number, date: number, cap: number): { count: number; more: boolean } {
  const n = cachedStatement<unknown[], { n: number }>(
    db,
    'SELECT count(*) AS n FROM (SELECT 1 FROM messages WHERE chat_id = ? AND date > ? LIMIT ?)',
  ).get(chatId, date, cap + 1)!.n;
  return { count: Math.min(n, cap), more: n > cap };
}

/** Messages of a chat dated in [from, to) (null: unbounded). */
export function countMessagesInRange(db: ReadableDB, chatId: number, from: number | null, to: number | null): number {
  return cachedStatement<unknown[], { n: number }>(
    db,
    'SELECT count(*) AS n FROM messages WHERE chat_id = ? AND date >= ? AND date < ?',
  ).get(chatId, from ?? Number.MIN_SAFE_INTEGER, to ?? Number.MAX_SAFE_INTEGER)!.n;
}

/**
 * The stored attachment record of one message with the source's locator, and the message's place in
 * history, or null (no such message, no media, or unreadable).
 */
export function findMessageMedia(
  db: ReadableDB,
  chatId: number,
  sourceMessageId: string,
): { media: SourceMedia; date: number; sortKey: number } | null {
  const row = cachedStatement<[number, string], { media: string | null; date: number; sort_key: number }>(
    db,
    'SELECT media, date, sort_key FROM messages WHERE chat_id = ? AND source_msg_id = ?',
  ).get(chatId, sourceMessageId);
  const media = parseStoredJsonOr(storedMediaSchema, row?.media ?? null, null) as SourceMedia | null;
  return media && row ? { media, date: row.date, sortKey: row.sort_key } : null;
}

/** Replaces a message's attachment record (a source gave a fresh locator, e.g. a new file reference). */
export function updateMessageMedia(db: WritableDB, chatId: number, sourceMessageId: string, media: SourceMedia): void {
  assertWritable(db);
  cachedStatement(db, 'UPDATE messages SET media = ? WHERE chat_id = ? AND source_msg_id = ?').run(
    JSON.stringify(media),
    chatId,
    sourceMessageId,
  );
}

/**
 * The photos, videos, GIFs and stickers of a chat in history order around one message (for the viewer's
 * arrows): the message itself and up to `limit` before and after it, from what the cache holds.
 */
export function selectVisualMediaAround(
  db: ReadableDB,
  chatId: number,
  messageId: string,
  limit: number,
): { before: ChatMessage[]; current: ChatMessage | null; after: ChatMessage[] } {
  const current = cachedStatement<[number, string], MessageRow>(
    db,
    `SELECT ${SELECT_COLUMNS} WHERE m.chat_id = ? AND m.source_msg_id = ?`,
  ).get(chatId, messageId);
  if (!current) return { before: [], current: null, after: [] };
  const kinds = `m.kind IN ('photo', 'video', 'gif', 'sticker')`;
  const before = cachedStatement<unknown[], MessageRow>(
    db,
    `SELECT ${SELECT_COLUMNS} WHERE m.chat_id = ? AND ${kinds} AND (m.date < ? OR (m.date = ? AND m.sort_key < ?))
     ORDER BY m.date DESC, m.sort_key DESC LIMIT ?`,
  )
    .all(chatId, current.date, current.date, current.sort_key, limit)
    .reverse();
  const after = cachedStatement<unknown[], MessageRow>(
    db,
    `SELECT ${SELECT_COLUMNS} WHERE m.chat_id = ? AND ${kinds} AND (m.date > ? OR (m.date = ? AND m.sort_key > ?))
     ORDER BY m.date, m.sort_key LIMIT ?`,
  ).all(chatId, current.date, current.date, current.sort_key, limit);
  const toMessage = (row: MessageRow) => toStoredMessage(row).message;
  return { before: before.map(toMessage), current: toMessage(current), after: after.map(toMessage) };
}

/** Which kinds each tab of a chat's media gallery lists. */
export const GALLERY_KINDS = {
  visual: ['photo', 'video', 'gif'],
  files: ['file', 'audio'],
  voice: ['voice'],
  links: ['webpage'],
} as const satisfies Record<string, readonly string[]>;

/**
 * A page of a chat's media of one gallery tab, newest first, strictly older than `before` when given; and
 * how many the cache holds in all. Links are link previews and messages with links in their text.
 */
export function selectChatMedia(
  db: ReadableDB,
  chatId: number,
  tab: keyof typeof GALLERY_KINDS,
  before: Pick<MessagePosition, 'date' | 'sortKey'> | null,
  limit: number,
): { messages: StoredMessage[]; total: number | null } {
  const kinds = GALLERY_KINDS[tab].map((kind) => `'${kind}'`).join(', ');
  const where =
    tab === 'links'
      ? `(m.kind IN (${kinds}) OR m.entities LIKE '%"type":"link"%' OR m.entities LIKE '%"type":"textLink"%')`
      : `m.kind IN (${kinds})`;
  const rows = cachedStatement<unknown[], MessageRow>(
    db,
    `SELECT ${SELECT_COLUMNS} WHERE m.chat_id = ? AND ${where} AND (m.date < ? OR (m.date = ? AND m.sort_key < ?))
     ORDER BY m.date DESC, m.sort_key DESC LIMIT ?`,
  ).all(
    chatId,
    before?.date ?? Number.MAX_SAFE_INTEGER,
    before?.date ?? Number.MAX_SAFE_INTEGER,
    before?.sortKey ?? Number.MAX_SAFE_INTEGER,
    limit,
  );
  // Counted with the first page only: a count reads every message of the chat.
  const total =
    before === null
      ? cachedStatement<[number], { n: number }>(db, `SELECT count(*) AS n FROM messages m WHERE m.chat_id = ? AND ${where}`).get(chatId)!.n
      : null;
  return { messages: rows.map(toStoredMessage), total };
}

/** One change of a chat's archive: a message that arrived, was seen edited, or was found deleted at the source. */
export interface StoredChange {
  kind: 'new' | 'edited' | 'deleted';
  /** When: the message's date for new ones, when the edit was seen, when the deletion was found. */
  at: number;
  chatId: number;
  message: ChatMessage;
}

/**
 * What changed after `since` in one chat (or all), newest change first, at most `limit`: each from an index
 * (messages by date, versions by chat and time, the partial index of deleted rows), never a scan of the chat.
 */
export function selectChangesSince(db: ReadableDB, chatId: number | null, since: number, limit: number): StoredChange[] {
  const inChat = chatId === null ? '' : 'AND m.chat_id = ?';
  const chatParams = chatId === null ? [] : [chatId];
  const rows = cachedStatement<unknown[], { kind: StoredChange['kind']; at: number; row_id: number }>(
    db,
    `SELECT kind, at, row_id FROM (
       SELECT 'new' AS kind, m.date AS at, m.id AS row_id FROM messages m WHERE m.date > ? ${inChat}
         ORDER BY m.date DESC LIMIT ?)
     UNION ALL SELECT kind, at, row_id FROM (
       SELECT 'edited' AS kind, max(v.replaced_at) AS at, v.message_id AS row_id FROM message_versions v
         WHERE v.replaced_at > ? ${chatId === null ? '' : 'AND v.chat_id = ?'} GROUP BY v.message_id ORDER BY at DESC LIMIT ?)
     UNION ALL SELECT kind, at, row_id FROM (
       SELECT 'deleted' AS kind, m.deleted_at AS at, m.id AS row_id FROM messages m
         WHERE m.deleted_at > ? ${inChat} ORDER BY m.deleted_at DESC LIMIT ?)
     ORDER BY at DESC LIMIT ?`,
  ).all(since, ...chatParams, limit, since, ...chatParams, limit, since, ...chatParams, limit, limit);
  const messages = readMessagesByRowId(
    db,
    rows.map((row) => row.row_id),
  );
  return rows.map((row, index) => ({ kind: row.kind, at: row.at, chatId: messages[index]!.chatId, message: messages[index]! }));
}
