import { getChatRecord, getChatSummary } from '../cache/chatQueries.ts';
import { openCacheDatabase } from '../cache/openCacheDatabase.ts';
import { listSourceRecords } from '../cache/sourceQueries.ts';
import type { StoredRun } from '../cache/storeHistoryRun.ts';
import { doAfterFirstWrite, onLockWaiting } from '../cache/transactions.ts';
import { cacheErrorOf } from '../cache/cacheErrors.ts';
import { createMemorySecretStore } from '../base/SecretStore.ts';
import { createBackupService } from '../backup/createBackupService.ts';
import { createChatService } from '../chats/createChatService.ts';
import { createPeopleService } from '../people/createPeopleService.ts';
import { createSourceManager } from '../chats/createSourceManager.ts';
import { createExportService } from '../export/createExportService.ts';
import { removeLeftoverExportPartials } from '../export/removeLeftoverExportPartials.ts';
import { createHistoryEngine } from '../history/createHistoryEngine.ts';
import { createImportService } from '../import/createImportService.ts';
import { createLiveUpdates } from '../live/createLiveUpdates.ts';
import { createMediaService } from '../media/createMediaService.ts';
import { createMediaStore } from '../media/createMediaStore.ts';
import { mediaFolderBeside } from '../media/mediaFolderBeside.ts';
import { createSearchService } from '../search/createSearchService.ts';
import { createSourceProviders } from '../sources/allSourceProviders.ts';
import { createKeepUpToDate } from '../sync/createKeepUpToDate.ts';
import { createRefreshService } from '../sync/createRefreshService.ts';
import { createSyncService } from '../sync/createSyncService.ts';
import { createEventHub, throttlePerKey } from './createEventHub.ts';
import { mediaFileForPath } from './mediaFileForPath.ts';
import { rememberDatabaseOf } from './databaseOf.ts';
import type { ScrollbackCore, ScrollbackCoreOptions } from './ScrollbackCore.ts';

export type { ScrollbackCore, ScrollbackCoreOptions } from './ScrollbackCore.ts';
export { databaseOf } from './databaseOf.ts';

export function openScrollbackCore(options: ScrollbackCoreOptions): ScrollbackCore {
  const db = openCacheDatabase(options.databasePath);
  const events = createEventHub((error) => options.logger.warn('an event listener failed', error));
  const providers = createSourceProviders(options);
  const chatChanged = throttlePerKey<number>(1000, (chatId) => events.emit({ kind: 'chatChanged', chatId }));
  const sourceManager = createSourceManager({
    db,
    secrets: options.secrets ?? createMemorySecretStore(),
    logger: options.logger,
    providers,
    emit: (event) => events.emit(event),
    // On a later turn: a login saves the account first and its session right after, in the same turn.
    onSaved: () => void (options.listen && setImmediate(() => void live.listen())),
    async stopDownloads(chatIds) {
      for (const chatId of chatIds) sync.cancel(chatId);
      await Promise.all(chatIds.map((chatId) => sync.settled(chatId)));
    },
    onRemoved: () => mediaStore.sweep(),
  });
  const sourceFor = (sourceId: string) => sourceManager.sources.sourceFor(sourceId);
  const live = createLiveUpdates({
    db,
    sourceIds: () => listSourceRecords(db).map((record) => record.id),
    sourceFor,
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
    sourceFor,
    onSourceError: (error, chat) => options.logger.warn(`source error for chat ${chat.id}`, error),
    onStored: onPageStored,
    provenNewest: (chatId) => live.provenNewest(chatId),
  });
  const refresh = createRefreshService({ db, sourceFor, onStored: onPageStored, ...(options.refresh ? { options: options.refresh } : {}) });
  const keepUpToDate = createKeepUpToDate({
    refresh,
    pushesChanges: (chatId) => live.isListening(getChatRecord(db, chatId).sourceId),
    onResult: (result) => {
      chatChanged.push(result.chatId);
      if (result.added > 0) events.emit({ kind: 'messagesChanged', chatId: result.chatId, added: result.added, changedIds: [] });
    },
    onError: (chatId, error) => options.logger.warn(`a background refresh${chatId === null ? '' : ` of chat ${chatId}`} failed`, error),
  });
  const search = createSearchService({ db, sourceFor });
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
  // Temporary files of exports killed in earlier runs; on a later turn, so opening never waits for a folder.
  setImmediate(() => removeLeftoverExportPartials(db));
  // Said where the person sees it: the command line's stderr, the app's log.
  onLockWaiting(db, (waiting) => waiting && options.logger.warn(waiting));
  const media = createMediaService({
    db,
    store: mediaStore,
    sourceFor,
    onStatus: (status) => events.emit({ kind: 'mediaDownload', status }),
    onEvicted: (count, bytes) => options.logger.info(`media store: ${count} whole files (${bytes} bytes) evicted past the limit`),
  });
  const backup = createBackupService({
    db,
    sourceFor,
    sync,
    refresh,
    media,
    ...(options.sync?.sleep ? { sleep: options.sync.sleep } : {}),
    ...(options.sync?.now ? { now: options.sync.now } : {}),
    ...(options.sync?.outageRetryDelaysMs ? { outageRetryDelaysMs: options.sync.outageRetryDelaysMs } : {}),
    onChange: (status) => events.emit({ kind: 'backupStatus', status }),
    onChatsListed: () => events.emit({ kind: 'chatsListed' }),
  });
  const { startSchedule, ...chats } = createChatService({
    db,
    sourceFor,
    logger: options.logger,
    chatChanged: (chatId) => chatChanged.push(chatId),
    keepUpToDate,
    keepUpToDateEveryMs: options.keepUpToDateEveryMs ?? null,
    openChatPollMs: options.openChatPollMs ?? 30_000,
  });
  const core: ScrollbackCore = {
    databasePath: options.databasePath,
    history,
    search,
    sync,
    events,
    live,
    refresh,
    keepUpToDate,
    backup,
    people: createPeopleService(db),
    logger: options.logger,
    providers,
    // An import holds the write lock until its file commits; meanwhile writes from this thread wait for it
    // asynchronously (cache/transactions.ts).
    imports,
    exports: createExportService({ databasePath: options.databasePath, db, sync }),
    ...chats,
    ...sourceManager,
    media,
    mediaFileFor: (pathname, signal) => mediaFileForPath(media, pathname, signal),
    explainError: (error) => cacheErrorOf(db, error) ?? error,
    async close() {
      // Closed already: a recovery closes the core before it replaces the file.
      if (!db.open) return;
      live.stop();
      keepUpToDate.stop();
      imports.cancel();
      core.exports.cancel();
      await backup.stop();
      await sync.stopAll();
      chatChanged.flush();
      for (const record of listSourceRecords(db)) await providers[record.kind]?.release?.(record.id);
      db.close();
    },
  };
  rememberDatabaseOf(core, db);
  if (options.listen) void live.listen();
  startSchedule();
  // The app (a core kept open, refreshing on a schedule) goes on with backups a kill interrupted and runs them on theirs.
  if (options.keepUpToDateEveryMs) backup.startSchedules();
  return core;
}
