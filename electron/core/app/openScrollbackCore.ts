import { listTopics, upsertTopics } from '../cache/topicQueries.ts';
import type { ChatMessage, ChatSummary, ForumTopic, SourceKind, SourceSummary } from '../../../shared/domain.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import type { ArchiveChange, ChatCoverage, Density, MessageVersion, RefreshSettings, SourceDensity } from '../../../shared/ipc/contract.ts';
import { readAppSetting, writeAppSetting } from '../cache/mediaQueries.ts';
import { chatNamesOf } from '../cache/searchQueries.ts';
import type { StoredRun } from '../cache/storeHistoryRun.ts';
import type { MessagePosition } from '../../../shared/cursor.ts';
import type { WritableDB } from '../cache/CacheDatabase.ts';
import {
  getChatRecord,
  getChatSummary,
  listChatSummaries,
  readChatFirstMessageDate,
  recordChatLooked,
  setChatKeepCurrent,
  storeChatFirstMessageDate,
  upsertChats,
} from '../cache/chatQueries.ts';
import type { HistorySource } from '../sources/HistorySource.ts';
import { listCoverage } from '../cache/coverageQueries.ts';
import { messageDensity } from '../cache/densityQueries.ts';
import {
  countMessagesAfter,
  findMessagePosition,
  selectChangesSince,
  selectMessagesByIds,
  selectMessageVersions,
} from '../cache/messageQueries.ts';
import { openCacheDatabase } from '../cache/openCacheDatabase.ts';
import { listSourceRecords, removeSourceRecord, upsertSource } from '../cache/sourceQueries.ts';
import { doAfterFirstWrite, onLockWaiting } from '../cache/transactions.ts';
import { cacheErrorOf } from '../cache/cacheErrors.ts';
import { createExportService, type ExportService } from '../export/createExportService.ts';
import { createHistoryEngine, type HistoryEngine } from '../history/createHistoryEngine.ts';
import { createImportService, type ImportService } from '../import/createImportService.ts';
import { createSearchService, type SearchService } from '../search/createSearchService.ts';
import { createSourceProviders, type SourceProviderOptions } from '../sources/allSourceProviders.ts';
import { createSourceRegistry, type SourceRegistry } from '../sources/createSourceRegistry.ts';
import { DEMO_SOURCE_ID } from '../sources/demo/createDemoSource.ts';
import type { ProviderHandlerContext, SourceProvider } from '../sources/SourceProvider.ts';
import { createSyncService, type SyncService, type SyncServiceDeps } from '../sync/createSyncService.ts';
import { createLiveUpdates, type LiveUpdates } from '../live/createLiveUpdates.ts';
import { fetchQuotedMessages } from '../history/fetchQuotedMessages.ts';
import { countSourceDensity } from '../history/countSourceDensity.ts';

/** The jump-to-latest button counts newer messages up to this many ("10,000+" beyond). */
const NEWER_COUNT_CAP = 10_000;
import { createRefreshService, type RefreshOptions, type RefreshService } from '../sync/createRefreshService.ts';
import { createKeepUpToDate, type KeepUpToDate } from '../sync/createKeepUpToDate.ts';
import { createEventHub, throttlePerKey, type EventHub } from './createEventHub.ts';
import { mediaFileForPath } from './mediaFileForPath.ts';
import { createMediaService, type MediaService, type ServedMediaFile } from '../media/createMediaService.ts';
import { createMediaStore } from '../media/createMediaStore.ts';
import { mediaFolderBeside } from '../media/mediaFolderBeside.ts';
import type { Logger } from '../base/Logger.ts';
import { createMemorySecretStore, type SecretStore } from '../base/SecretStore.ts';

/** The user's choice of minutes between background refreshes, in app_settings. */
const REFRESH_EVERY_KEY = 'refreshEveryMinutes';

export interface ScrollbackCoreOptions extends SourceProviderOptions {
  databasePath: string;
  logger: Logger;
  /**
   * Where source credentials live: the app's encrypted store, the CLI's environment, memory (tests, the
   * preview). Each provider looks up its own; none is ever written to the database.
   */
  secrets?: SecretStore;
  /**
   * Listen to sources' pushed changes from the start and to every source added later (the window, the
   * preview, `sync --watch`); off for one-shot commands and tests that count requests.
   */
  listen?: boolean;
  /** How much of a chat's recent history a refresh compares with the source again. */
  refresh?: Partial<RefreshOptions>;
  /**
   * Refresh every chat kept up to date on open and then this often (ms); null or absent: only when asked
   * (one-shot commands, tests). The open chat of a source that pushes nothing is polled every `openChatPollMs`.
   */
  keepUpToDateEveryMs?: number | null;
  openChatPollMs?: number;
  /** Timing of background downloads (tests pass a fake clock). */
  sync?: Pick<SyncServiceDeps, 'sleep' | 'now' | 'pacingMs' | 'outageRetryDelaysMs'>;
}

/** The engine behind every front end: the Electron window, the CLI and the browser harness. */
export interface ScrollbackCore {
  readonly databasePath: string;
  readonly history: HistoryEngine;
  readonly search: SearchService;
  readonly sync: SyncService;
  readonly sources: SourceRegistry;
  /** Imports export files on a worker thread (its own connection to the same database). */
  readonly imports: ImportService;
  /** Exports chats to files on a worker thread, downloading what is missing first. */
  readonly exports: ExportService;
  /** What the core pushes to the window (downloads, jobs, changed chats). */
  readonly events: EventHub;
  /** Sources' pushed changes (Telegram updates) stored as they come, while the core is open. */
  readonly live: LiveUpdates;
  /** Brings chats up to date: the newest stretch and a bounded re-check of recent edits and deletions. */
  readonly refresh: RefreshService;
  /** The background schedule of refreshes (chats kept up to date; the open chat of a polled source). */
  readonly keepUpToDate: KeepUpToDate;
  readonly logger: Logger;
  /** One per source kind (sources/allSourceProviders.ts). */
  readonly providers: Readonly<Record<SourceKind, SourceProvider>>;
  /** What providers' handlers and CLI commands may use. */
  readonly providerContext: ProviderHandlerContext;
  listSources(): SourceSummary[];
  /** Every chat in the sidebar's order, or only the first `limit`. */
  listChats(limit?: number): ChatSummary[];
  getChat(chatId: number): ChatSummary;
  /** Adds the built-in demo archive as a source (idempotent) and lists its chats. */
  setUpDemo(): Promise<ChatSummary[]>;
  /** Lists a source's chats again (a Telegram account's dialogs) and stores them. */
  refreshChats(sourceId: string): Promise<ChatSummary[]>;
  /** Ends what the source's provider holds (a session at the source) and forgets it with everything cached from it. */
  removeSource(sourceId: string): Promise<void>;
  /** Messages per interval between consecutive boundaries. */
  getMessageDensity(chatId: number, boundaries: readonly number[]): Density;
  /** Messages per interval at the chat's source, for the intervals not downloaded (see countSourceDensity). */
  getSourceDensity(chatId: number, boundaries: readonly number[], signal?: AbortSignal): Promise<SourceDensity>;
  /** Messages on this computer newer than `date`, up to 10,000 (the jump-to-latest button's count). */
  countNewerMessages(chatId: number, date: number): { count: number; more: boolean };
  getChatCoverage(chatId: number): ChatCoverage;
  /** A forum's topics: the source's list stored first where it has one (Telegram), then what is kept here. */
  listTopics(chatId: number, signal?: AbortSignal): Promise<ForumTopic[]>;
  /** Where a message is in its chat, if cached. */
  findMessagePosition(chatId: number, messageId: string): MessagePosition | null;
  /** Stored messages of a chat by id, in the order given (ids not stored are left out). */
  getMessages(chatId: number, messageIds: readonly string[]): ChatMessage[];
  /** Reply quotes' originals: from the cache, else asked of the source by id (see fetchQuotedMessages). */
  getQuotedMessages(chatId: number, messageIds: readonly string[], signal?: AbortSignal): Promise<ChatMessage[]>;
  /** A message's earlier versions kept on this computer, oldest first. */
  getMessageVersions(chatId: number, messageId: string): MessageVersion[];
  setChatKeepCurrent(chatId: number, keep: boolean): void;
  /** The chat the window shows now (null: none): see the IPC method setOpenChat. Says when the user looked before. */
  setOpenChat(chatId: number | null): { previousLook: number | null };
  /** How often chats kept up to date are refreshed (the user's setting, else the default). */
  refreshSettings(): RefreshSettings;
  /** Changes it; a running schedule takes the new period at once. */
  setRefreshSettings(settings: RefreshSettings): RefreshSettings;
  /** What changed after `since` in a chat (or all chats), newest first. */
  listChanges(chatId: number | null, since: number, limit: number): ArchiveChange[];
  /** Photos, videos, voice and files: served from the media store, fetched from the source when missing. */
  readonly media: MediaService;
  /** The file behind a window's `media/…` address, for the app:// protocol and the harness. */
  mediaFileFor(pathname: string, signal?: AbortSignal): Promise<ServedMediaFile | null>;
  /**
   * What a failure means in words: a full disk, a damaged cache (which also stops every later write), a
   * read-only file; anything else unchanged.
   */
  explainError(error: unknown): unknown;
  /** Stops background downloads, then closes the database. */
  close(): Promise<void>;
}

/** The cache connection of a core, for tests and benchmarks that inspect or seed what it stored. */
export function databaseOf(core: ScrollbackCore): WritableDB {
  const db = databases.get(core);
  if (!db) throw new Error('not a core opened by openScrollbackCore');
  return db;
}
const databases = new WeakMap<ScrollbackCore, WritableDB>();

export function openScrollbackCore(options: ScrollbackCoreOptions): ScrollbackCore {
  const db = openCacheDatabase(options.databasePath);
  const secrets = options.secrets ?? createMemorySecretStore();
  const events = createEventHub((error) => options.logger.warn('an event listener failed', error));
  const providers = createSourceProviders(options);
  const chatChanged = throttlePerKey<number>(1000, (chatId) => events.emit({ kind: 'chatChanged', chatId }));
  // Asked once per chat per run: the source's answer is stored, and a chat it cannot answer for is not asked again.
  const firstDatesAsked = new Set<number>();
  function learnFirstMessageDate(chatId: number): void {
    if (firstDatesAsked.has(chatId)) return;
    firstDatesAsked.add(chatId);
    const chat = getChatRecord(db, chatId);
    let source: HistorySource;
    try {
      source = sources.sourceFor(chat.sourceId);
    } catch {
      return;
    }
    if (!source.firstMessageDate) return;
    source
      .firstMessageDate({ key: chat.sourceKey, peer: chat.peer })
      .then((date) => {
        if (date === null) return;
        storeChatFirstMessageDate(db, chatId, date);
        chatChanged.push(chatId);
      })
      // A lifetime is a nicety: unreachable sources leave the bar showing earlier history as unknown.
      .catch(() => undefined);
  }
  const sourceRecord = (sourceId: string) => listSourceRecords(db).find((record) => record.id === sourceId) ?? null;

  const providerContext: ProviderHandlerContext = {
    db,
    secrets,
    logger: options.logger,
    sourceRecord,
    saveSource(record) {
      if (!(record.kind in providers))
        throw new ScrollbackError('INVALID_INPUT', `“${String(record.kind).slice(0, 40)}” is not a kind of source this version knows.`);
      upsertSource(db, record);
      sources.forget(record.id);
      events.emit({ kind: 'chatsListed' });
      // On a later turn: a login saves the account first and its session right after, in the same turn.
      if (options.listen) setImmediate(() => void live.listen());
    },
    listSourcesOfKind: (kind) => listSourceRecords(db).filter((record) => record.kind === kind),
    emit: (event) => events.emit(event),
    refreshChats: (sourceId) => core.refreshChats(sourceId),
    removeSource: (sourceId) => core.removeSource(sourceId),
  };
  const sources = createSourceRegistry({
    recordOf: sourceRecord,
    create: (record) => {
      const provider = providers[record.kind];
      if (!provider)
        throw new ScrollbackError(
          'SOURCE_UNAVAILABLE',
          `Sources of kind “${record.kind}” are not available in this version of Scrollback.`,
        );
      return provider.createSource(record, providerContext);
    },
  });
  const live = createLiveUpdates({
    db,
    sourceIds: () => listSourceRecords(db).map((record) => record.id),
    sourceFor: (sourceId) => sources.sourceFor(sourceId),
    logger: options.logger,
    onChange: (change) => {
      events.emit({ kind: 'messagesChanged', ...change });
      chatChanged.push(change.chatId);
    },
  });
  /** A page from a source was stored (the window's, a download's, a refresh's): what it proved and changed. */
  function onPageStored(chatId: number, stored: StoredRun): void {
    live.noteStored(chatId, stored);
    chatChanged.push(chatId);
    const changedIds = [...stored.edited, ...stored.deleted, ...stored.restored];
    if (changedIds.length > 0) events.emit({ kind: 'messagesChanged', chatId, added: 0, changedIds });
  }
  const history = createHistoryEngine({
    db,
    sourceFor: (sourceId) => sources.sourceFor(sourceId),
    onSourceError: (error, chat) => options.logger.warn(`source error for chat ${chat.id}`, error),
    onStored: onPageStored,
    provenNewest: (chatId) => live.provenNewest(chatId),
  });
  const refresh = createRefreshService({
    db,
    sourceFor: (sourceId) => sources.sourceFor(sourceId),
    onStored: onPageStored,
    ...(options.refresh ? { options: options.refresh } : {}),
  });
  const keepUpToDate = createKeepUpToDate({
    refresh,
    pushesChanges: (chatId) => live.isListening(getChatRecord(db, chatId).sourceId),
    onResult: (result) => {
      chatChanged.push(result.chatId);
      if (result.added > 0) events.emit({ kind: 'messagesChanged', chatId: result.chatId, added: result.added, changedIds: [] });
    },
    onError: (chatId, error) => options.logger.warn(`a background refresh${chatId === null ? '' : ` of chat ${chatId}`} failed`, error),
  });
  const search = createSearchService({ db, sourceFor: (sourceId) => sources.sourceFor(sourceId) });
  const sync = createSyncService({
    ...options.sync,
    history,
    chatTotals: (chatId) => {
      const chat = getChatSummary(db, chatId);
      return { cached: chat.cachedCount, total: chat.messageCount };
    },
    onChange: (status) => events.emit({ kind: 'syncStatus', status }),
  });
  const imports = createImportService(options.databasePath);
  const mediaStore = createMediaStore(db, mediaFolderBeside(options.databasePath));
  // Not at open: a damaged archive opens read-only, and opening never waits for another process's lock.
  doAfterFirstWrite(db, () => mediaStore.sweep());
  onLockWaiting(db, (waiting) => waiting && options.logger.info(waiting));
  const media = createMediaService({
    db,
    store: mediaStore,
    sourceFor: (sourceId) => sources.sourceFor(sourceId),
    onStatus: (status) => events.emit({ kind: 'mediaDownload', status }),
    onEvicted: (count, bytes) => options.logger.info(`media store: ${count} whole files (${bytes} bytes) evicted past the limit`),
  });

  let openChat: number | null = null;
  const core: ScrollbackCore = {
    databasePath: options.databasePath,
    history,
    search,
    sync,
    sources,
    events,
    live,
    refresh,
    keepUpToDate,
    logger: options.logger,
    providers,
    providerContext,
    // An import holds the write lock until its file commits; meanwhile writes from this thread wait for it
    // asynchronously (cache/transactions.ts).
    imports,
    exports: createExportService({ databasePath: options.databasePath, db, sync }),
    listSources: () => listSourceRecords(db).map(({ id, kind, name }) => ({ id, kind, name })),
    listChats: (limit) => listChatSummaries(db, limit),
    getChat: (chatId) => getChatSummary(db, chatId),
    async setUpDemo() {
      providerContext.saveSource({ id: DEMO_SOURCE_ID, kind: 'demo', name: 'Demo archive', settings: {} });
      upsertChats(db, DEMO_SOURCE_ID, await sources.sourceFor(DEMO_SOURCE_ID).listChats());
      events.emit({ kind: 'chatsListed' });
      return listChatSummaries(db).filter((chat) => chat.sourceId === DEMO_SOURCE_ID);
    },
    async refreshChats(sourceId) {
      if (!sourceRecord(sourceId)) throw new ScrollbackError('SOURCE_NOT_FOUND', `There is no source “${sourceId}”.`);
      upsertChats(db, sourceId, await sources.sourceFor(sourceId).listChats());
      events.emit({ kind: 'chatsListed' });
      return listChatSummaries(db).filter((chat) => chat.sourceId === sourceId);
    },
    async removeSource(sourceId) {
      const record = sourceRecord(sourceId);
      if (!record) throw new ScrollbackError('SOURCE_NOT_FOUND', `There is no source “${sourceId}”.`);
      const chats = listChatSummaries(db).filter((candidate) => candidate.sourceId === sourceId);
      for (const chat of chats) sync.cancel(chat.id);
      await Promise.all(chats.map((chat) => sync.settled(chat.id)));
      const provider = providers[record.kind];
      await provider?.beforeRemove?.(record, providerContext);
      sources.forget(sourceId);
      await provider?.release?.(sourceId);
      removeSourceRecord(db, sourceId);
      mediaStore.sweep();
      events.emit({ kind: 'chatsListed' });
    },
    countNewerMessages(chatId, date) {
      getChatSummary(db, chatId);
      return countMessagesAfter(db, chatId, date, NEWER_COUNT_CAP);
    },
    getMessageDensity(chatId, boundaries) {
      getChatSummary(db, chatId);
      return messageDensity(
        db,
        chatId,
        [...boundaries].sort((a, b) => a - b),
      );
    },
    getSourceDensity(chatId, boundaries, signal) {
      return countSourceDensity(
        { db, sourceFor: (sourceId) => sources.sourceFor(sourceId), now: Date.now },
        chatId,
        [...boundaries].sort((a, b) => a - b),
        signal,
      );
    },
    async listTopics(chatId, signal) {
      const chat = getChatRecord(db, chatId);
      if (getChatSummary(db, chatId).forum) {
        try {
          const source = sources.sourceFor(chat.sourceId);
          const listed =
            source.listTopics && !source.holdsOnlyTheCache ? await source.listTopics({ key: chat.sourceKey, peer: chat.peer }, signal) : [];
          upsertTopics(db, chatId, listed);
        } catch (error) {
          if (signal?.aborted) throw new ScrollbackError('CANCELLED', 'Listing the topics was cancelled.');
          // Offline or refused: the topics kept here are listed.
          options.logger.warn(`could not list the topics of chat ${chatId}`, error);
        }
      }
      return listTopics(db, chatId);
    },
    getChatCoverage(chatId) {
      const chat = getChatSummary(db, chatId);
      const ranges = listCoverage(db, chatId);
      const told = readChatFirstMessageDate(db, chatId);
      const cachedBeginning = ranges.find((range) => range.reachesOldest)?.from.date ?? null;
      if (told === null && cachedBeginning === null) learnFirstMessageDate(chatId);
      return {
        ranges: ranges.map((range) => ({ from: range.from.date, to: range.to.date })),
        oldestReached: chat.oldestReached,
        firstMessageDate: cachedBeginning ?? told,
      };
    },
    findMessagePosition: (chatId, messageId) => findMessagePosition(db, chatId, messageId),
    getMessages(chatId, messageIds) {
      getChatSummary(db, chatId);
      return selectMessagesByIds(db, chatId, messageIds);
    },
    getQuotedMessages(chatId, messageIds, signal) {
      return fetchQuotedMessages(
        { db, sourceFor: (sourceId) => sources.sourceFor(sourceId), logger: options.logger },
        chatId,
        messageIds,
        signal,
      );
    },
    getMessageVersions(chatId, messageId) {
      getChatSummary(db, chatId);
      return selectMessageVersions(db, chatId, messageId);
    },
    setChatKeepCurrent(chatId, keep) {
      getChatSummary(db, chatId);
      setChatKeepCurrent(db, chatId, keep);
      chatChanged.push(chatId);
    },
    setOpenChat(chatId) {
      // Leaving a chat and opening one are both looks: what changed counts from the last of them.
      if (openChat !== null && openChat !== chatId) recordChatLooked(db, openChat, Date.now());
      let previousLook: number | null = null;
      if (chatId !== null) {
        previousLook = getChatSummary(db, chatId).changesSinceLook?.since ?? null;
        recordChatLooked(db, chatId, Date.now());
      }
      openChat = chatId;
      keepUpToDate.follow(chatId, options.openChatPollMs ?? 30_000);
      // No event: the window that said so reads the list again when it leaves the chat (its counts reset).
      return { previousLook };
    },
    refreshSettings() {
      const stored = readAppSetting(db, REFRESH_EVERY_KEY);
      const fallback = Math.round((options.keepUpToDateEveryMs ?? 15 * 60_000) / 60_000);
      return { everyMinutes: typeof stored === 'number' && Number.isInteger(stored) && stored >= 0 ? stored : fallback };
    },
    setRefreshSettings(settings) {
      writeAppSetting(db, REFRESH_EVERY_KEY, settings.everyMinutes);
      if (options.keepUpToDateEveryMs) {
        if (settings.everyMinutes > 0) keepUpToDate.start(settings.everyMinutes * 60_000);
        else keepUpToDate.stopPasses();
      }
      return core.refreshSettings();
    },
    listChanges(chatId, since, limit) {
      if (chatId !== null) getChatSummary(db, chatId);
      const changes = selectChangesSince(db, chatId, since, limit);
      const names = chatNamesOf(
        db,
        changes.map((change) => change.chatId),
      );
      return changes.map((change) => ({ ...change, chatName: names.get(change.chatId) ?? '' }));
    },
    media,
    mediaFileFor: (pathname, signal) => mediaFileForPath(media, pathname, signal),
    explainError: (error) => cacheErrorOf(db, error) ?? error,
    async close() {
      live.stop();
      keepUpToDate.stop();
      imports.cancel();
      core.exports.cancel();
      await sync.stopAll();
      chatChanged.flush();
      for (const record of listSourceRecords(db)) await providers[record.kind]?.release?.(record.id);
      db.close();
    },
  };
  databases.set(core, db);
  if (options.listen) void live.listen();
  if (options.keepUpToDateEveryMs) {
    const { everyMinutes } = core.refreshSettings();
    if (everyMinutes > 0) keepUpToDate.start(everyMinutes * 60_000);
  }
  return core;
}
