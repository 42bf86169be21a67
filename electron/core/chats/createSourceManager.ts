import type { ChatSummary, SourceKind, SourceSummary } from '../../../shared/domain.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import type { AppEvent } from '../../../shared/ipc/events.ts';
import type { Logger } from '../base/Logger.ts';
import type { SecretStore } from '../base/SecretStore.ts';
import type { WritableDB } from '../cache/CacheDatabase.ts';
import { listChatSummaries, upsertChats } from '../cache/chatQueries.ts';
import { listSourceRecords, removeSourceRecord, upsertSource } from '../cache/sourceQueries.ts';
import { createSourceRegistry, type SourceRegistry } from '../sources/createSourceRegistry.ts';
import { DEMO_SOURCE_ID } from '../sources/demo/createDemoSource.ts';
import type { ProviderHandlerContext, SourceProvider } from '../sources/SourceProvider.ts';
import { translator } from '../i18n/createTranslator.ts';

/** The sources set up on this computer and the list of each one's chats. */
export interface SourceManager {
  listSources(): SourceSummary[];
  /** Adds the built-in demo archive as a source (idempotent) and lists its chats. */
  setUpDemo(): Promise<ChatSummary[]>;
  /** Lists a source's chats again (a Telegram account's dialogs) and stores them. */
  refreshChats(sourceId: string): Promise<ChatSummary[]>;
  /** Ends what the source's provider holds (a session at the source) and forgets it with everything cached from it. */
  removeSource(sourceId: string): Promise<void>;
}

export interface SourceManagerDeps {
  db: WritableDB;
  secrets: SecretStore;
  logger: Logger;
  providers: Readonly<Record<SourceKind, SourceProvider>>;
  emit(event: AppEvent): void;
  /** A source was added or its settings changed (a login, a flood wait): its live source is rebuilt on next use. */
  onSaved(sourceId: string): void;
  /** Stops the downloads of a source's chats before they are forgotten; settles when none runs. */
  stopDownloads(chatIds: readonly number[]): Promise<void>;
  /** After a source and its chats were deleted (media files nothing refers to any more can go). */
  onRemoved(): void;
}

/** Builds the live sources (through each kind's provider) and keeps the stored records and chat lists. */
export function createSourceManager(deps: SourceManagerDeps): SourceManager & {
  /** The live source of each stored record, built by its kind's provider on first use. */
  readonly sources: SourceRegistry;
  /** What providers' handlers and CLI commands may use. */
  readonly providerContext: ProviderHandlerContext;
} {
  const { db, providers } = deps;
  const sourceRecord = (sourceId: string) => listSourceRecords(db).find((record) => record.id === sourceId) ?? null;
  const chatsListed = () => deps.emit({ kind: 'chatsListed' });

  const providerContext: ProviderHandlerContext = {
    db,
    secrets: deps.secrets,
    logger: deps.logger,
    sourceRecord,
    saveSource(record) {
      if (!(record.kind in providers))
        throw new ScrollbackError('INVALID_INPUT', translator()('error.source.unknownKind', { kind: String(record.kind).slice(0, 40) }));
      upsertSource(db, record);
      registry.forget(record.id);
      chatsListed();
      deps.onSaved(record.id);
    },
    listSourcesOfKind: (kind) => listSourceRecords(db).filter((record) => record.kind === kind),
    emit: (event) => deps.emit(event),
    refreshChats: (sourceId) => manager.refreshChats(sourceId),
    removeSource: (sourceId) => manager.removeSource(sourceId),
  };
  const registry = createSourceRegistry({
    recordOf: sourceRecord,
    create: (record) => {
      const provider = providers[record.kind];
      if (!provider)
        throw new ScrollbackError('SOURCE_UNAVAILABLE', translator()('error.source.kindUnavailable', { kind: String(record.kind) }));
      return provider.createSource(record, providerContext);
    },
  });
  const listChatsOf = async (sourceId: string) => {
    upsertChats(db, sourceId, await registry.sourceFor(sourceId).listChats());
    chatsListed();
    return listChatSummaries(db).filter((chat) => chat.sourceId === sourceId);
  };

  const manager = {
    sources: registry,
    providerContext,
    listSources: () => listSourceRecords(db).map(({ id, kind, name }) => ({ id, kind, name })),
    async setUpDemo() {
      providerContext.saveSource({ id: DEMO_SOURCE_ID, kind: 'demo', name: 'Demo archive', settings: {} });
      return listChatsOf(DEMO_SOURCE_ID);
    },
    async refreshChats(sourceId: string) {
      if (!sourceRecord(sourceId)) throw new ScrollbackError('SOURCE_NOT_FOUND', translator()('error.source.noSuch', { id: sourceId }));
      return listChatsOf(sourceId);
    },
    async removeSource(sourceId: string) {
      const record = sourceRecord(sourceId);
      if (!record) throw new ScrollbackError('SOURCE_NOT_FOUND', translator()('error.source.noSuch', { id: sourceId }));
      await deps.stopDownloads(
        listChatSummaries(db)
          .filter((chat) => chat.sourceId === sourceId)
          .map((chat) => chat.id),
      );
      const provider = providers[record.kind];
      await provider?.beforeRemove?.(record, providerContext);
      registry.forget(sourceId);
      await provider?.release?.(sourceId);
      removeSourceRecord(db, sourceId);
      deps.onRemoved();
      chatsListed();
    },
  };
  return manager;
}
