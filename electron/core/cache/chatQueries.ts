import type { ChatKind, ChatSummary, LastMessagePreview, MessageKind, SourceKind } from '../../../shared/domain.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import type { SourceChat } from '../model/SourceChat.ts';
import type { ReadableDB, WritableDB } from './CacheDatabase.ts';
import { cachedStatement } from './cachedStatement.ts';
import { assertWritable, writeIfFree } from './cacheErrors.ts';
import { parseStoredJson, parseStoredJsonOr, storedAvatarSchema, storedPeerSchema } from './storedJson.ts';
import { translator } from '../i18n/createTranslator.ts';

/** A chat with what the engine needs to reach its source. */
export interface ChatRecord {
  id: number;
  sourceId: string;
  sourceKey: string;
  name: string;
  peer: unknown;
}

interface ChatSummaryRow {
  id: number;
  source_id: string;
  source_kind: SourceKind;
  source_name: string;
  name: string;
  kind: ChatKind;
  message_count: number | null;
  cached_count: number;
  last_message_date: number | null;
  newest_cached: number | null;
  oldest_reached: number;
  avatar: string | null;
  keep_media: number;
  keep_current: number;
  refreshed_at: number | null;
  looked_at: number | null;
  added_since_look: number | null;
  edited_since_look: number | null;
  deleted_since_look: number | null;
  last_message: string | null;
  pinned: number;
  archived: number;
  forum: number;
  hidden_from_assistants: number;
}

/**
 * Whether a chat is kept up to date: as the user set it, else on once the chat was downloaded to its
 * first message (a chat only glanced at is not refreshed in the background).
 */
const KEEP_CURRENT_SQL = `coalesce(c.keep_current, EXISTS (SELECT 1 FROM coverage g WHERE g.chat_id = c.id AND g.reaches_oldest = 1))`;

const SUMMARY_SQL = `
  SELECT c.id, c.source_id, s.kind AS source_kind, s.name AS source_name, c.name, c.kind, c.message_count,
    c.cached_count, c.last_message_date, c.avatar, c.keep_media, c.refreshed_at, c.looked_at, c.pinned, c.archived, c.forum,
    c.hidden_from_assistants,
    (SELECT max(m.date) FROM messages m WHERE m.chat_id = c.id) AS newest_cached,
    EXISTS (SELECT 1 FROM coverage g WHERE g.chat_id = c.id AND g.reaches_oldest = 1) AS oldest_reached,
    ${KEEP_CURRENT_SQL} AS keep_current,
    CASE WHEN c.looked_at IS NULL THEN NULL ELSE
      (SELECT count(*) FROM messages m WHERE m.chat_id = c.id AND m.date > c.looked_at) END AS added_since_look,
    CASE WHEN c.looked_at IS NULL THEN NULL ELSE
      (SELECT count(DISTINCT v.message_id) FROM message_versions v WHERE v.chat_id = c.id AND v.replaced_at > c.looked_at) END AS edited_since_look,
    CASE WHEN c.looked_at IS NULL THEN NULL ELSE
      (SELECT count(*) FROM messages m WHERE m.chat_id = c.id AND m.deleted_at > c.looked_at) END AS deleted_since_look,
    (SELECT json_array(substr(m.text, 1, 120), m.kind, m.out, m.service IS NOT NULL, ms.name)
       FROM messages m LEFT JOIN senders ms ON ms.id = m.sender_id
       WHERE m.chat_id = c.id ORDER BY m.date DESC, m.sort_key DESC LIMIT 1) AS last_message
  FROM chats c JOIN sources s ON s.id = c.source_id`;

/** A chat's photo without the source's locator, which the window has no use for. */
function avatarForTheWindow(avatar: { preview?: string | undefined } | null): ChatSummary['avatar'] {
  if (!avatar) return null;
  return avatar.preview ? { preview: avatar.preview } : {};
}

/** When the chat's first message was sent, as the source said; null when not asked or not known. */
export function readChatFirstMessageDate(db: ReadableDB, chatId: number): number | null {
  return (
    cachedStatement<[number], { d: number | null }>(db, 'SELECT first_message_date AS d FROM chats WHERE id = ?').get(chatId)?.d ?? null
  );
}

/** The newest message date known for a chat: as listed by its source, or cached, whichever is later. */
export function readChatNewestKnownDate(db: ReadableDB, chatId: number): number | null {
  return (
    cachedStatement<[number], { d: number | null }>(
      db,
      `SELECT max(coalesce(c.last_message_date, 0), coalesce((SELECT max(m.date) FROM messages m WHERE m.chat_id = c.id), 0)) AS d
       FROM chats c WHERE c.id = ?`,
    ).get(chatId)?.d || null
  );
}

export function storeChatFirstMessageDate(db: WritableDB, chatId: number, date: number): void {
  assertWritable(db);
  cachedStatement(db, 'UPDATE chats SET first_message_date = ? WHERE id = ?').run(date, chatId);
}

/** What the source needs to fetch a chat's photo, as it gave it with the chat (null: none). */
export function readChatAvatarLocator(db: ReadableDB, chatId: number): Record<string, unknown> | null {
  const row = cachedStatement<[number], { avatar: string | null }>(db, 'SELECT avatar FROM chats WHERE id = ?').get(chatId);
  const avatar = parseStoredJsonOr(storedAvatarSchema, row?.avatar ?? null, null) as { locator?: Record<string, unknown> } | null;
  return avatar?.locator ?? null;
}

function toSummary(row: ChatSummaryRow): ChatSummary {
  // 0 is how earlier versions stored "unknown" (an empty chat showed 1 January 1970).
  const listed = row.last_message_date === null || row.last_message_date === 0 ? Number.NEGATIVE_INFINITY : row.last_message_date;
  const lastKnown = Math.max(listed, row.newest_cached ?? Number.NEGATIVE_INFINITY);
  return {
    id: row.id,
    sourceId: row.source_id,
    sourceKind: row.source_kind,
    sourceName: row.source_name,
    name: row.name,
    kind: row.kind,
    messageCount: row.message_count,
    cachedCount: row.cached_count,
    lastMessageDate: Number.isFinite(lastKnown) ? lastKnown : null,
    oldestReached: row.oldest_reached === 1,
    avatar: avatarForTheWindow(parseStoredJsonOr(storedAvatarSchema, row.avatar, null)),
    keepMedia: row.keep_media === 1,
    keepCurrent: row.keep_current === 1,
    refreshedAt: row.refreshed_at,
    changesSinceLook:
      row.looked_at === null
        ? null
        : {
            since: row.looked_at,
            added: row.added_since_look ?? 0,
            edited: row.edited_since_look ?? 0,
            deleted: row.deleted_since_look ?? 0,
          },
    lastMessage: lastMessageOf(row.last_message),
    pinned: row.pinned === 1,
    archived: row.archived === 1,
    forum: row.forum === 1,
    hiddenFromAssistants: row.hidden_from_assistants === 1,
  };
}

/** The preview line's message, from the summary's json_array (written by the query above, so its shape is known). */
function lastMessageOf(stored: string | null): LastMessagePreview | null {
  if (stored === null) return null;
  const [text, kind, out, service, senderName] = JSON.parse(stored) as [string, MessageKind, number, number, string | null];
  return { text, kind, out: out === 1, service: service === 1, senderName };
}

/**
 * Every chat in the sidebar's order (sources as added; in each, pinned chats first, then the rest, then the
 * archived ones), or the first `limit` of them.
 */
export function listChatSummaries(db: ReadableDB, limit?: number): ChatSummary[] {
  return cachedStatement<[number], ChatSummaryRow>(
    db,
    `${SUMMARY_SQL} ORDER BY s.created_at, s.id, c.archived, c.pinned DESC, c.id LIMIT ?`,
  )
    .all(limit ?? -1)
    .map(toSummary);
}

export function getChatSummary(db: ReadableDB, chatId: number): ChatSummary {
  const row = cachedStatement<[number], ChatSummaryRow>(db, `${SUMMARY_SQL} WHERE c.id = ?`).get(chatId);
  if (!row) throw chatNotFound(chatId);
  return toSummary(row);
}

export function getChatRecord(db: ReadableDB, chatId: number): ChatRecord {
  const row = cachedStatement<[number], { id: number; source_id: string; source_key: string; name: string; peer: string | null }>(
    db,
    'SELECT id, source_id, source_key, name, peer FROM chats WHERE id = ?',
  ).get(chatId);
  if (!row) throw chatNotFound(chatId);
  return {
    id: row.id,
    sourceId: row.source_id,
    sourceKey: row.source_key,
    name: row.name,
    peer: row.peer ? parseStoredJson(storedPeerSchema, row.peer, `peer of chat ${row.id}`) : null,
  };
}

/** The local id of a source's chat by the source's key, or null when the chat is not listed here. */
export function findChatIdByKey(db: ReadableDB, sourceId: string, sourceKey: string): number | null {
  return (
    cachedStatement<[string, string], { id: number }>(db, 'SELECT id FROM chats WHERE source_id = ? AND source_key = ?').get(
      sourceId,
      sourceKey,
    )?.id ?? null
  );
}

/** Local ids of a source's chats whose keys start with one of the prefixes (all of them for null). */
export function chatIdsOfSource(db: ReadableDB, sourceId: string, keyPrefixes: readonly string[] | null): number[] {
  return cachedStatement<[string], { id: number; source_key: string }>(db, 'SELECT id, source_key FROM chats WHERE source_id = ?')
    .all(sourceId)
    .filter((row) => keyPrefixes === null || keyPrefixes.some((prefix) => row.source_key.startsWith(prefix)))
    .map((row) => row.id);
}

function chatNotFound(chatId: number): ScrollbackError {
  return new ScrollbackError('CHAT_NOT_FOUND', translator()('error.chat.noSuchId', { id: String(chatId) }));
}

const flag = (value: boolean | undefined): number | null => (value === undefined ? null : value ? 1 : 0);

/** Adds or refreshes the chats a source listed; returns their local ids in the same order. */
export function upsertChats(db: WritableDB, sourceId: string, chats: readonly SourceChat[]): number[] {
  assertWritable(db);
  const upsert = cachedStatement<unknown[], { id: number }>(
    db,
    `INSERT INTO chats (source_id, source_key, name, kind, peer, message_count, last_message_date, avatar, pinned, archived, forum)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, 0), coalesce(?, 0), coalesce(?, 0))
     ON CONFLICT (source_id, source_key) DO UPDATE SET name = excluded.name, kind = excluded.kind,
       avatar = CASE WHEN ? THEN excluded.avatar ELSE avatar END,
       pinned = coalesce(?, pinned), archived = coalesce(?, archived), forum = coalesce(?, forum),
       peer = coalesce(excluded.peer, peer), message_count = coalesce(excluded.message_count, message_count),
       last_message_date = max(coalesce(excluded.last_message_date, last_message_date), coalesce(last_message_date, excluded.last_message_date))
     RETURNING id`,
  );
  return db.transaction(() =>
    chats.map(
      (chat) =>
        upsert.get(
          sourceId,
          chat.key,
          chat.name,
          chat.kind,
          chat.peer === undefined ? null : JSON.stringify(chat.peer),
          chat.messageCount,
          chat.lastMessageDate,
          chat.avatar ? JSON.stringify(chat.avatar) : null,
          flag(chat.pinned),
          flag(chat.archived),
          flag(chat.forum),
          // A source that says nothing of photos (undefined) leaves a stored one alone; the same for places.
          chat.avatar === undefined ? 0 : 1,
          flag(chat.pinned),
          flag(chat.archived),
          flag(chat.forum),
        )!.id,
    ),
  )();
}

export function recordSourceTotals(
  db: WritableDB,
  chatId: number,
  totals: { messageCount?: number | null; newestDate?: number | null },
): void {
  cachedStatement(
    db,
    // Unknown stays unknown (NULL), never 0: an empty chat has no last message, not one in 1970.
    `UPDATE chats SET message_count = coalesce(?, message_count),
       last_message_date = max(coalesce(?, last_message_date), coalesce(last_message_date, ?)) WHERE id = ?`,
  ).run(totals.messageCount ?? null, totals.newestDate ?? null, totals.newestDate ?? null, chatId);
}

/** Messages of a chat whose edit was seen, or found deleted at the source, at or after a moment. */
export function countChatChangesSince(db: ReadableDB, chatId: number, since: number): { edited: number; deleted: number } {
  return cachedStatement<[number, number, number, number], { edited: number; deleted: number }>(
    db,
    `SELECT (SELECT count(DISTINCT message_id) FROM message_versions WHERE chat_id = ? AND replaced_at >= ?) AS edited,
       (SELECT count(*) FROM messages WHERE chat_id = ? AND deleted_at >= ?) AS deleted`,
  ).get(chatId, since, chatId, since)!;
}

/** Keeps the chat up to date in the background (or stops), as the user said. */
export function setChatKeepCurrent(db: WritableDB, chatId: number, keep: boolean): void {
  assertWritable(db);
  cachedStatement(db, 'UPDATE chats SET keep_current = ? WHERE id = ?').run(keep ? 1 : 0, chatId);
}

/** Chats kept up to date (see KEEP_CURRENT_SQL), least recently refreshed first. */
export function listChatsKeptCurrent(db: ReadableDB): number[] {
  return cachedStatement<[], { id: number }>(
    db,
    `SELECT c.id FROM chats c WHERE ${KEEP_CURRENT_SQL} ORDER BY coalesce(c.refreshed_at, 0), c.id`,
  )
    .all()
    .map((row) => row.id);
}

export function recordChatRefreshed(db: WritableDB, chatId: number, at: number): void {
  assertWritable(db);
  cachedStatement(db, 'UPDATE chats SET refreshed_at = ? WHERE id = ?').run(at, chatId);
}

/** The user looked at the chat now: "what changed" counts from here. */
export function recordChatLooked(db: WritableDB, chatId: number, at: number): void {
  writeIfFree(db, () => cachedStatement(db, 'UPDATE chats SET looked_at = ? WHERE id = ?').run(at, chatId));
}

/** The source's total moved by a known amount (a pushed message added, one deleted there); unknown stays unknown. */
export function adjustSourceCount(db: WritableDB, chatId: number, delta: number): void {
  assertWritable(db);
  if (delta !== 0)
    cachedStatement(db, 'UPDATE chats SET message_count = max(0, message_count + ?) WHERE id = ? AND message_count IS NOT NULL').run(
      delta,
      chatId,
    );
}

/** Records what an import learnt of a chat's kind (a WhatsApp export with a group's system lines). */
/** Telegram Desktop writes HTML times in the exporting computer's zone, without saying which in older exports. */
const ZONE_SLACK_MS = 14 * 3_600_000;

/**
 * The imported Telegram chat that is the same chat as `chat` though keyed differently (one export with the
 * chat's id, one without: an HTML export, or a hand-made file): same name, holding a message with the same id
 * at the same time (within the largest time-zone offset). A chat found under a name key that now arrives
 * with its id is re-keyed to the id. Null when there is none.
 */
export function findImportedTelegramChat(
  db: WritableDB,
  sourceId: string,
  chat: { key: string; name: string },
  probe: { id: string; date: number },
): number | null {
  const exact = findChatIdByKey(db, sourceId, chat.key);
  if (exact !== null) return exact;
  const found = cachedStatement<unknown[], { id: number; source_key: string }>(
    db,
    `SELECT c.id, c.source_key FROM chats c JOIN messages m ON m.chat_id = c.id AND m.source_msg_id = ?
     WHERE c.source_id = ? AND c.name = ? AND c.source_key LIKE 'telegram:%' AND abs(m.date - ?) <= ?
     LIMIT 1`,
  ).get(probe.id, sourceId, chat.name, probe.date, ZONE_SLACK_MS);
  if (!found) return null;
  if (!chat.key.includes(':name:') && found.source_key.includes(':name:'))
    cachedStatement(db, 'UPDATE chats SET source_key = ? WHERE id = ?').run(chat.key, found.id);
  return found.id;
}

/**
 * A chat keyed `key` or `key#…` (chats of one name told apart by content) that already holds the message
 * `messageId`: the same chat exported again. Null when none does.
 */
export function findChatHoldingMessage(db: ReadableDB, sourceId: string, key: string, messageId: string): number | null {
  const pattern = `${key.replace(/[\\%_]/g, (char) => `\\${char}`)}#%`;
  return (
    cachedStatement<unknown[], { id: number }>(
      db,
      `SELECT c.id FROM chats c JOIN messages m ON m.chat_id = c.id AND m.source_msg_id = ?
       WHERE c.source_id = ? AND (c.source_key = ? OR c.source_key LIKE ? ESCAPE '\\') LIMIT 1`,
    ).get(messageId, sourceId, key, pattern)?.id ?? null
  );
}

export function setChatKind(db: WritableDB, chatId: number, kind: ChatKind): void {
  assertWritable(db);
  cachedStatement(db, 'UPDATE chats SET kind = ? WHERE id = ?').run(kind, chatId);
}

/** Keeps a chat away from AI assistants (`scrollback mcp`), or lets them read it again. */
export function setChatHiddenFromAssistants(db: WritableDB, chatId: number, hidden: boolean): void {
  assertWritable(db);
  const changed = cachedStatement(db, 'UPDATE chats SET hidden_from_assistants = ? WHERE id = ?').run(hidden ? 1 : 0, chatId).changes;
  if (changed === 0) throw new ScrollbackError('CHAT_NOT_FOUND', translator()('error.chat.notInArchive', { id: String(chatId) }));
}

/** The chats AI assistants must never see. */
export function listChatIdsHiddenFromAssistants(db: ReadableDB): Set<number> {
  const rows = cachedStatement<[], { id: number }>(db, 'SELECT id FROM chats WHERE hidden_from_assistants = 1').all();
  return new Set(rows.map((row) => row.id));
}
