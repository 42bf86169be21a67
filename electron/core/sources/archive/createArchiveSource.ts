import type { CacheDatabase } from '../../cache/CacheDatabase.ts';
import { getChatRecord, listChatSummaries } from '../../cache/chatQueries.ts';
import { selectMessagesBefore } from '../../cache/messageQueries.ts';
import { cachedStatement } from '../../cache/cachedStatement.ts';
import type { HistorySource, SourcePage } from '../HistorySource.ts';
import { sourceMessage } from '../SourceMessage.ts';

export const IMPORT_SOURCE_ID = 'import';

const NOTHING_MORE: SourcePage = { messages: [], reachedOldest: true, reachedNewest: true };

/**
 * The source behind imported chats: the files were the source, and everything they held is in the cache
 * already, covered from the first message. So the newest page is the cache's newest, and there is never
 * anything older or newer to fetch.
 */
export function createArchiveSource(db: CacheDatabase, id: string = IMPORT_SOURCE_ID): HistorySource {
  return {
    id,
    kind: 'import',
    async listChats() {
      return listChatSummaries(db)
        .filter((chat) => chat.sourceId === id)
        .map((chat) => ({ key: getChatRecord(db, chat.id).sourceKey, name: chat.name, kind: chat.kind, messageCount: chat.cachedCount, lastMessageDate: chat.lastMessageDate }));
    },
    async getLatest(chat, limit) {
      const row = cachedStatement<[string, string], { id: number }>(db, 'SELECT id FROM chats WHERE source_id = ? AND source_key = ?').get(id, chat.key);
      if (!row) return NOTHING_MORE;
      const newest = selectMessagesBefore(db, row.id, { date: Number.MAX_SAFE_INTEGER, sortKey: 0 }, { date: Number.MIN_SAFE_INTEGER, sortKey: Number.MIN_SAFE_INTEGER }, Math.min(limit, 1));
      return {
        messages: newest.map(({ message, position }) =>
          sourceMessage({ ...message, sortKey: position.sortKey, sender: message.senderId ? { key: message.senderId, name: message.senderName ?? '' } : null }),
        ),
        reachedOldest: false,
        reachedNewest: true,
      };
    },
    async getOlder() {
      return NOTHING_MORE;
    },
    async getNewer() {
      return NOTHING_MORE;
    },
    async getAround() {
      return NOTHING_MORE;
    },
  };
}
