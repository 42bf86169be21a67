import type { ChatSummary, SourceSummary } from '../../../shared/domain.ts';
import type { CacheDatabase } from '../cache/CacheDatabase.ts';
import { getChatRecord, getChatSummary, listChatSummaries, upsertChats } from '../cache/chatQueries.ts';
import { openCacheDatabase } from '../cache/openCacheDatabase.ts';
import { listSourceRecords, removeSourceRecord, upsertSource, type SourceRecord } from '../cache/sourceQueries.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import { createRyzeApiClient, RYZE_DEFAULT_BASE_URL } from '../sources/ryze/createRyzeApiClient.ts';
import { createRyzeSource } from '../sources/ryze/createRyzeSource.ts';
import { parseWhatsAppChat } from '../sources/ryze/parseWhatsAppChat.ts';
import { createHistoryEngine, type HistoryEngine } from '../history/createHistoryEngine.ts';
import { createSearchService, type SearchService } from '../search/createSearchService.ts';
import { createSyncService, type SyncService } from '../sync/createSyncService.ts';
import { createSourceRegistry, type SourceRegistry } from '../sources/createSourceRegistry.ts';
import { createDemoSource, DEMO_SOURCE_ID, type DemoSourceOptions } from '../sources/demo/createDemoSource.ts';
import type { Logger } from './Logger.ts';
import { createArchiveSource } from '../sources/archive/createArchiveSource.ts';
import type { TelegramClient } from 'telegram';
import { createLazySource } from '../sources/createLazySource.ts';
import type { Clock } from '../sources/createRequestLimiter.ts';
import type { SyncServiceDeps } from '../sync/createSyncService.ts';
import { createImportService, type ImportService } from '../import/createImportService.ts';
import { createExportService, type ExportService } from '../export/createExportService.ts';

export interface ScrollbackCoreOptions {
  databasePath: string;
  demo?: DemoSourceOptions;
  logger: Logger;
  /**
   * Where source credentials come from: the app's encrypted store, or the CLI's environment. They are never
   * written to the database; a source without its credential answers AUTH_REQUIRED.
   */
  secrets?: { ryzeToken(source: SourceRecord): string | null };
  /**
   * Telegram accounts: the GramJS client of an account (logged in, from its session), or null when there is
   * no session (the account answers AUTH_REQUIRED). Tests pass clients whose `invoke` is a fake Telegram.
   */
  telegram?: {
    clientFor(source: SourceRecord): TelegramClient | null | Promise<TelegramClient | null>;
    /** Connect clients before use (the real network); false for tests' fake clients. */
    connects?: boolean;
    clock?: Clock;
    pacingMs?: number;
  };
  /** Timing of background downloads (tests pass a fake clock). */
  sync?: Pick<SyncServiceDeps, 'sleep' | 'now' | 'pacingMs' | 'outageRetryDelaysMs'>;
}

/** The engine behind every front end: the Electron window, the CLI and the browser harness. */
export interface ScrollbackCore {
  readonly databasePath: string;
  readonly db: CacheDatabase;
  readonly history: HistoryEngine;
  readonly search: SearchService;
  readonly sync: SyncService;
  readonly sources: SourceRegistry;
  /** Imports export files on a worker thread (its own connection to the same database). */
  readonly imports: ImportService;
  /** Exports chats to files on a worker thread, downloading what is missing first. */
  readonly exports: ExportService;
  listSources(): SourceSummary[];
  listChats(): ChatSummary[];
  getChat(chatId: number): ChatSummary;
  /** Adds the built-in demo archive as a source (idempotent) and lists its chats. */
  setUpDemo(): Promise<ChatSummary[]>;
  /** Adds (or updates) a RyzeAPI connection; the token is not stored here. Returns the source id. */
  addRyzeSource(settings: { instance: string; baseUrl: string }): string;
  /** Adds a WhatsApp chat (number or JID) to a RyzeAPI connection. */
  addRyzeChat(sourceId: string, numberOrJid: string): ChatSummary;
  /** Adds (or updates) a logged-in Telegram account; its session lives in the secret store, not here. */
  addTelegramAccount(account: { userId: string; name: string; apiId: number; takeout?: boolean }): string;
  /** Lists a source's chats again (a Telegram account's dialogs) and stores them. */
  refreshChats(sourceId: string): Promise<ChatSummary[]>;
  /** Forgets a source and everything cached from it (log out); a Telegram client is destroyed. */
  removeSource(sourceId: string): Promise<void>;
  /** The live GramJS client of a Telegram account, if one was built (to log out on Telegram). */
  telegramClientOf(sourceId: string): TelegramClient | null;
  /** Stops background downloads, then closes the database. */
  close(): Promise<void>;
}

export function openScrollbackCore(options: ScrollbackCoreOptions): ScrollbackCore {
  const db = openCacheDatabase(options.databasePath);
  /** GramJS clients in use, destroyed on log out and quit (disconnect() alone leaves its update loop running). */
  const liveTelegramClients = new Map<string, TelegramClient>();
  const destroyClient = async (sourceId: string) => {
    const client = liveTelegramClients.get(sourceId);
    liveTelegramClients.delete(sourceId);
    if (client && options.telegram?.connects !== false) await client.destroy().catch(() => undefined);
  };
  const sources = createSourceRegistry(db, {
    demo: () => createDemoSource(options.demo),
    import: (record) => createArchiveSource(db, record.id),
    telegram: (record) =>
      createLazySource(record.id, 'telegram', async () => {
        const client = (await options.telegram?.clientFor(record)) ?? null;
        if (!client) throw new ScrollbackError('AUTH_REQUIRED', `${record.name} is not logged in on this computer: log in again (or set SCROLLBACK_TELEGRAM_SESSION for the command line).`);
        liveTelegramClients.set(record.id, client);
        const { createTelegramSource } = await import('../sources/telegram/createTelegramSource.ts');
        return createTelegramSource(client, {
          connect: options.telegram?.connects === false ? undefined : () => client.connect().then(() => undefined),
          takeout: record.settings.takeout === true,
          id: record.id,
          clock: options.telegram?.clock,
          pacingMs: options.telegram?.pacingMs ?? 1000,
          floodWaitUntil: typeof record.settings.floodWaitUntil === 'number' ? record.settings.floodWaitUntil : null,
          // Persisted, so a restart during a long flood wait still sends nothing before it ends.
          onFloodWait: (until) => {
            const current = listSourceRecords(db).find((candidate) => candidate.id === record.id);
            if (current) upsertSource(db, { ...current, settings: { ...current.settings, floodWaitUntil: until } });
          },
        });
      }),
    ryze: (record) => {
      const instance = String(record.settings.instance ?? '');
      const token = options.secrets?.ryzeToken(record) ?? null;
      if (!token) {
        throw new ScrollbackError('AUTH_REQUIRED', `No RyzeAPI token for instance “${instance}”: set SCROLLBACK_RYZE_TOKEN (command line) or enter it in the app.`);
      }
      const client = createRyzeApiClient({ baseUrl: String(record.settings.baseUrl ?? RYZE_DEFAULT_BASE_URL), instance, token });
      return createRyzeSource({
        id: record.id,
        client,
        listChats: () =>
          listChatSummaries(db)
            .filter((chat) => chat.sourceId === record.id)
            .map((chat) => ({ key: getChatRecord(db, chat.id).sourceKey, name: chat.name, kind: chat.kind, messageCount: null, lastMessageDate: chat.lastMessageDate })),
      });
    },
  });
  const history = createHistoryEngine({
    db,
    sourceFor: (sourceId) => sources.sourceFor(sourceId),
    onSourceError: (error, chat) => options.logger.warn(`source error for chat ${chat.id}`, error),
  });
  const search = createSearchService({ db, sourceFor: (sourceId) => sources.sourceFor(sourceId) });
  const sync = createSyncService({
    ...options.sync,
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
    imports: importsThatKeepTheWindowResponsive(db, createImportService(options.databasePath)),
    exports: createExportService({ databasePath: options.databasePath, db, sync }),
    listSources: () => listSourceRecords(db).map(({ id, kind, name }) => ({ id, kind, name })),
    listChats: () => listChatSummaries(db),
    getChat: (chatId) => getChatSummary(db, chatId),
    async setUpDemo() {
      upsertSource(db, { id: DEMO_SOURCE_ID, kind: 'demo', name: 'Demo archive' });
      const chats = await sources.sourceFor(DEMO_SOURCE_ID).listChats();
      upsertChats(db, DEMO_SOURCE_ID, chats);
      return listChatSummaries(db).filter((chat) => chat.sourceId === DEMO_SOURCE_ID);
    },
    addRyzeSource({ instance, baseUrl }) {
      if (!/^[\w.-]{1,100}$/.test(instance)) throw new ScrollbackError('INVALID_INPUT', `“${instance.slice(0, 40)}” is not an instance name (letters, digits, . _ -).`);
      if (!/^https?:\/\/[^\s/]+/.test(baseUrl)) throw new ScrollbackError('INVALID_INPUT', `“${baseUrl.slice(0, 60)}” is not an http(s) base URL.`);
      const id = `ryze:${instance}`;
      upsertSource(db, { id, kind: 'ryze', name: `WhatsApp (${instance})`, settings: { instance, baseUrl } });
      sources.forget(id);
      return id;
    },
    addRyzeChat(sourceId, numberOrJid) {
      const chat = parseWhatsAppChat(numberOrJid);
      const [chatId] = upsertChats(db, sourceId, [{ key: chat.jid, name: chat.name, kind: chat.kind, messageCount: null, lastMessageDate: null }]);
      return getChatSummary(db, chatId!);
    },
    addTelegramAccount({ userId, name, apiId, takeout }) {
      if (!/^\d{1,20}$/.test(userId)) throw new ScrollbackError('INVALID_INPUT', `“${userId.slice(0, 30)}” is not a Telegram user id.`);
      const id = `telegram:${userId}`;
      // Settings already there (a flood wait still running) are kept.
      const existing = listSourceRecords(db).find((record) => record.id === id)?.settings ?? {};
      upsertSource(db, { id, kind: 'telegram', name: `Telegram (${name})`, settings: { ...existing, userId, apiId, ...(takeout === undefined ? {} : { takeout }) } });
      sources.forget(id);
      return id;
    },
    async refreshChats(sourceId) {
      const listed = await sources.sourceFor(sourceId).listChats();
      upsertChats(db, sourceId, listed);
      return listChatSummaries(db).filter((chat) => chat.sourceId === sourceId);
    },
    async removeSource(sourceId) {
      for (const chat of listChatSummaries(db).filter((candidate) => candidate.sourceId === sourceId)) sync.cancel(chat.id);
      await Promise.all(listChatSummaries(db).filter((candidate) => candidate.sourceId === sourceId).map((chat) => sync.settled(chat.id)));
      sources.forget(sourceId);
      await destroyClient(sourceId);
      removeSourceRecord(db, sourceId);
    },
    telegramClientOf: (sourceId) => liveTelegramClients.get(sourceId) ?? null,
    async close() {
      this.imports.cancel();
      this.exports.cancel();
      await sync.stopAll();
      await Promise.all([...liveTelegramClients.keys()].map(destroyClient));
      db.close();
    },
  };
}

/**
 * An import holds the database's write lock until its file commits. Meanwhile a write from this thread
 * (a page fetched from a source) would wait in SQLite's busy handler, blocking the event loop for up to
 * the busy timeout; so while an import runs the wait is cut short, and such a write fails fast (the page is
 * served from the cache, marked offline) instead of freezing the window.
 */
function importsThatKeepTheWindowResponsive(db: CacheDatabase, imports: ImportService): ImportService {
  return {
    async importFiles(paths, onProgress) {
      const normal = db.pragma('busy_timeout', { simple: true }) as number;
      db.pragma('busy_timeout = 100');
      try {
        return await imports.importFiles(paths, onProgress);
      } finally {
        db.pragma(`busy_timeout = ${normal}`);
      }
    },
    cancel: () => imports.cancel(),
    get running() {
      return imports.running;
    },
  };
}
