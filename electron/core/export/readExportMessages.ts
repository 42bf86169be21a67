import type { ChatMessage } from '../../../shared/domain.ts';
import type { ExportRequest } from '../../../shared/exporting.ts';
import type { ReadableDB } from '../cache/CacheDatabase.ts';
import { countMessagesInRange, selectMessagesAfter, selectMessagesByIds } from '../cache/messageQueries.ts';
import { compileSearchQuery } from '../search/compileSearchQuery.ts';
import { createSearchMatcher, type MatchableMessage } from '../search/matchesSearchFilter.ts';
import { getChatRecord } from '../cache/chatQueries.ts';
import { listTopics } from '../cache/topicQueries.ts';

const BATCH = 2000;

/**
 * The messages in an export's scope, oldest first, read by keyset in batches so memory stays flat.
 * `onPosition` hears the last position read (where an incremental export continues next time).
 */
export function* readExportMessages(
  db: ReadableDB,
  request: ExportRequest,
  onPosition?: (position: { date: number; sortKey: number }) => void,
): Generator<ChatMessage> {
  const from = request.from ?? Number.MIN_SAFE_INTEGER;
  // Dates are whole milliseconds: before `to` (exclusive) is at or before `to - 1`.
  const ceiling = { date: request.to === null ? Number.MAX_SAFE_INTEGER : request.to - 1, sortKey: Number.MAX_SAFE_INTEGER };
  const matches = request.filter ? matcherFor(request.filter, getChatRecord(db, request.chatId).name) : null;
  // `in:` names a chat or a forum topic: the matcher reads each message's topic by its title.
  const topicTitles = new Map(request.filter ? listTopics(db, request.chatId).map((topic) => [topic.id, topic.title]) : []);
  const matchable = (message: ChatMessage) =>
    message.topicId && topicTitles.size > 0 ? { ...message, topicTitle: topicTitles.get(message.topicId) ?? null } : message;
  const keep = (message: ChatMessage) =>
    (request.includeService || !message.service) &&
    message.date >= from &&
    message.date <= ceiling.date &&
    (matches === null || matches(matchable(message)));
  if (request.messageIds) {
    yield* selectedInOrder(db, request.chatId, request.messageIds).filter(keep);
    return;
  }
  let after = request.after && request.after.date >= from ? request.after : { date: from - 1, sortKey: Number.MAX_SAFE_INTEGER };
  for (;;) {
    const rows = selectMessagesAfter(db, request.chatId, after, ceiling, BATCH);
    const last = rows.at(-1);
    if (!last) return;
    after = last.position;
    onPosition?.({ date: after.date, sortKey: after.sortKey });
    for (const { message } of rows) if (keep(message)) yield message;
  }
}

export function countExportScope(db: ReadableDB, request: Pick<ExportRequest, 'chatId' | 'from' | 'to' | 'messageIds'>): number {
  if (request.messageIds) return selectedInOrder(db, request.chatId, request.messageIds).length;
  return countMessagesInRange(db, request.chatId, request.from, request.to);
}

/** A selection's messages that this computer holds, oldest first (ids are unique per chat; duplicates ignored). */
function selectedInOrder(db: ReadableDB, chatId: number, ids: readonly string[]): ChatMessage[] {
  const found = selectMessagesByIds(db, chatId, [...new Set(ids)]);
  return found.sort((a, b) => a.date - b.date || compareMessageIds(a.id, b.id));
}

/** Telegram's ids are numbers (sorted as such); other sources' are compared as text. */
function compareMessageIds(a: string, b: string): number {
  return a.length !== b.length && /^\d+$/.test(a) && /^\d+$/.test(b) ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

function matcherFor(filter: NonNullable<ExportRequest['filter']>, chatName: string): (message: MatchableMessage) => boolean {
  return createSearchMatcher({ chatId: null, from: null, to: null, ...filter }, compileSearchQuery(filter.query), chatName);
}
