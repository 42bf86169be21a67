import { encodeCursor } from '../../../shared/cursor.ts';
import { decodeHistoryCursor } from './decodeHistoryCursor.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import type { HistoryAnchor, HistoryPage } from '../../../shared/history.ts';
import type { ReadableDB } from '../cache/CacheDatabase.ts';
import { findMessagePosition, selectTopicMessages, type StoredMessage } from '../cache/messageQueries.ts';
import { translator } from '../i18n/createTranslator.ts';

const NEWEST = { date: Number.MAX_SAFE_INTEGER, sortKey: Number.MAX_SAFE_INTEGER };

/**
 * A page of one forum topic, from what this computer holds of it (an import holds all of it; a live chat
 * what was downloaded): the same page shape as the whole chat's, so the window draws a topic the same way.
 */
export function readTopicPage(db: ReadableDB, chatId: number, topicId: string, anchor: HistoryAnchor, limit: number): HistoryPage {
  const older = (from: { date: number; sortKey: number }, count: number) => selectTopicMessages(db, chatId, topicId, from, 'older', count);
  const newer = (from: { date: number; sortKey: number }, count: number) => selectTopicMessages(db, chatId, topicId, from, 'newer', count);
  let before: StoredMessage[] = [];
  let after: StoredMessage[] = [];
  let anchorIndex: number | null = null;
  let reachedOldest: boolean;
  let reachedNewest: boolean;
  switch (anchor.kind) {
    case 'latest':
      before = older(NEWEST, limit + 1);
      reachedNewest = true;
      reachedOldest = before.length <= limit;
      before = before.slice(0, limit);
      break;
    case 'before': {
      before = older(decodeHistoryCursor(anchor.cursor), limit + 1);
      reachedOldest = before.length <= limit;
      before = before.slice(0, limit);
      reachedNewest = false;
      break;
    }
    case 'after': {
      after = newer(decodeHistoryCursor(anchor.cursor), limit + 1);
      reachedNewest = after.length <= limit;
      after = after.slice(0, limit);
      reachedOldest = false;
      break;
    }
    case 'aroundDate':
    case 'aroundMessage': {
      // What is strictly before the target, and the target with what follows it.
      const strictlyBefore =
        anchor.kind === 'aroundDate'
          ? { date: anchor.date, sortKey: Number.MIN_SAFE_INTEGER }
          : (findMessagePosition(db, chatId, anchor.messageId) ?? notFound(anchor.messageId));
      const justBeforeTarget =
        anchor.kind === 'aroundDate'
          ? { date: anchor.date - 1, sortKey: Number.MAX_SAFE_INTEGER }
          : { date: strictlyBefore.date, sortKey: strictlyBefore.sortKey - 1 };
      const half = Math.floor(limit / 2);
      before = older(strictlyBefore, half + 1);
      reachedOldest = before.length <= half;
      before = before.slice(0, half);
      after = newer(justBeforeTarget, limit - before.length + 1);
      reachedNewest = after.length <= limit - before.length;
      after = after.slice(0, limit - before.length);
      anchorIndex = before.length;
      break;
    }
  }
  const rows = [...before.reverse(), ...after];
  const first = rows[0];
  const last = rows.at(-1);
  const previous = first && !reachedOldest ? older(first.position, 1)[0] : undefined;
  return {
    messages: rows.map((row) => row.message),
    olderCursor: first ? encodeCursor(first.position) : null,
    newerCursor: last ? encodeCursor(last.position) : null,
    reachedOldest: reachedOldest || rows.length === 0,
    reachedNewest: reachedNewest || rows.length === 0,
    anchorIndex,
    previous: previous
      ? { date: previous.message.date, senderId: previous.message.senderId, service: previous.message.service !== null }
      : null,
    offline: false,
    offlineReason: null,
  };
}

function notFound(messageId: string): never {
  throw new ScrollbackError('MESSAGE_NOT_FOUND', translator()('error.history.notInTopic', { id: String(messageId) }));
}
