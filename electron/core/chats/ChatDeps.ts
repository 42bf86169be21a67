import type { WritableDB } from '../cache/CacheDatabase.ts';
import type { Logger } from '../base/Logger.ts';
import type { HistorySource } from '../sources/HistorySource.ts';

/** What the chat-level services share: the cache, the live source of a chat's source, the log. */
export interface ChatDeps {
  db: WritableDB;
  sourceFor(sourceId: string): HistorySource;
  logger: Logger;
  /** A chat's summary changed (the sidebar reads it again); throttled per chat by the caller. */
  chatChanged(chatId: number): void;
}
