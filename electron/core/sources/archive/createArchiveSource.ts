import type { WritableDB } from '../../cache/CacheDatabase.ts';
import { getChatRecord, listChatSummaries } from '../../cache/chatQueries.ts';
import type { HistorySource, SourcePage } from '../HistorySource.ts';

export const IMPORT_SOURCE_ID = 'import';

const NOTHING_MORE: SourcePage = { messages: [], reachedOldest: true, reachedNewest: true };

/**
 * The source behind imported chats: the files were the source, and everything they held is in the cache,
 * covered from the first message. The engine serves these chats from the cache alone
 * (`holdsOnlyTheCache`); the page methods answer "nothing more" should anything still ask.
 */
export function createArchiveSource(db: WritableDB, id: string = IMPORT_SOURCE_ID): HistorySource {
  return {
    id,
    kind: 'import',
    holdsOnlyTheCache: true,
    async listChats() {
      return listChatSummaries(db)
        .filter((chat) => chat.sourceId === id)
        .map((chat) => ({
          key: getChatRecord(db, chat.id).sourceKey,
          name: chat.name,
          kind: chat.kind,
          messageCount: chat.cachedCount,
          lastMessageDate: chat.lastMessageDate,
        }));
    },
    getLatest: async () => NOTHING_MORE,
    getOlder: async () => NOTHING_MORE,
    getNewer: async () => NOTHING_MORE,
    getAround: async () => NOTHING_MORE,
  };
}
