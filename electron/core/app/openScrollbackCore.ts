import type { ChatSummary, SourceSummary } from '../../../shared/domain.ts';
import type { CacheDatabase } from '../cache/CacheDatabase.ts';
import { getChatSummary, listChatSummaries, upsertChats } from '../cache/chatQueries.ts';
import { openCacheDatabase } from '../cache/openCacheDatabase.ts';
import { listSourceRecords, upsertSource } from '../cache/sourceQueries.ts';
import { createHistoryEngine, type HistoryEngine } from '../history/createHistoryEngine.ts';
import { createSearchService, type SearchService } from '../search/createSearchService.ts';
import { createSyncService, type SyncService } from '../sync/createSyncService.ts';
import { createSourceRegistry, type SourceRegistry } from '../sources/createSourceRegistry.ts';
import { createDemoSource, DEMO_SOURCE_ID, type DemoSourceOptions } from '../sources/demo/createDemoSource.ts';
import type { Logger } from './Logger.ts';

export interface ScrollbackCoreOptions {
  databasePath: string;
  demo?: DemoSourceOptions;
  logger: Logger;
}

/** The engine behind every front end: the Electron window, the CLI and the browser harness. */
export interface ScrollbackCore {
  readonly databasePath: string;
  readonly db: CacheDatabase;
  readonly history: HistoryEngine;
  readonly search: SearchService;
  readonly sync: SyncService;
  readonly sources: SourceRegistry;
  listSources(): SourceSummary[];
  listChats(): ChatSummary[];
  getChat(chatId: number): ChatSummary;
  /** Adds the built-in demo archive as a source (idempotent) and lists its chats. */
  setUpDemo(): Promise<ChatSummary[]>;
  /** Stops background downloads, then closes the database. */
  close(): Promise<void>;
}

export function openScrollbackCore(options: ScrollbackCoreOptions): ScrollbackCore {
  const db = openCacheDatabase(options.databasePath);
  const sources = createSourceRegistry(db, {
    demo: () => createDemoSource(options.demo),
  });
  const history = createHistoryEngine({
    db,
    sourceFor: (sourceId) => sources.sourceFor(sourceId),
    onSourceError: (error, chat) => options.logger.warn(`source error for chat ${chat.id}`, error),
  });
  const search = createSearchService({ db, sourceFor: (sourceId) => sources.sourceFor(sourceId) });
  const sync = createSyncService({
    history,
    chatTotals: (chatId) => {
      const chat = getChatSummary(db, chatId);
      return { cached: chat.cachedCount, total: chat.messageCount };
    },
  });
  return {
    databasePath: options.databasePath,
    db,
    history,
    search,
    sync,
    sources,
    listSources: () => listSourceRecords(db).map(({ id, kind, name }) => ({ id, kind, name })),
    listChats: () => listChatSummaries(db),
    getChat: (chatId) => getChatSummary(db, chatId),
    async setUpDemo() {
      upsertSource(db, { id: DEMO_SOURCE_ID, kind: 'demo', name: 'Demo archive' });
      const chats = await sources.sourceFor(DEMO_SOURCE_ID).listChats();
      upsertChats(db, DEMO_SOURCE_ID, chats);
      return listChatSummaries(db).filter((chat) => chat.sourceId === DEMO_SOURCE_ID);
    },
    async close() {
      await sync.stopAll();
      db.close();
    },
  };
}
