import type { SourceKind } from '../../../shared/domain.ts';
import type { Logger } from '../base/Logger.ts';
import type { SecretStore } from '../base/SecretStore.ts';
import type { BackupService } from '../backup/createBackupService.ts';
import type { ChatService } from '../chats/createChatService.ts';
import type { SourceManager } from '../chats/createSourceManager.ts';
import type { ExportService } from '../export/createExportService.ts';
import type { HistoryEngine } from '../history/createHistoryEngine.ts';
import type { ImportService } from '../import/createImportService.ts';
import type { LiveUpdates } from '../live/createLiveUpdates.ts';
import type { MediaService, ServedMediaFile } from '../media/createMediaService.ts';
import type { PeopleService } from '../people/createPeopleService.ts';
import type { SearchService } from '../search/createSearchService.ts';
import type { SourceProviderOptions } from '../sources/allSourceProviders.ts';
import type { SourceRegistry } from '../sources/createSourceRegistry.ts';
import type { ProviderHandlerContext, SourceProvider } from '../sources/SourceProvider.ts';
import type { KeepUpToDate } from '../sync/createKeepUpToDate.ts';
import type { RefreshOptions, RefreshService } from '../sync/createRefreshService.ts';
import type { SyncService, SyncServiceDeps } from '../sync/createSyncService.ts';
import type { EventHub } from './createEventHub.ts';

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

/**
 * The engine behind every front end: the Electron window, the CLI and the browser harness. Chat-level
 * questions (coverage, topics, the open chat, changes…) are the ChatService's; sources and their chat lists
 * the SourceManager's (both in core/chats/).
 */
export interface ScrollbackCore extends ChatService, SourceManager {
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
  /** Whole-account backups: every chat of an account and its media, resumable, kept current on a schedule. */
  readonly backup: BackupService;
  /** One person across sources: senders proved to be the same, linked, unlinked and renamed by the user. */
  readonly people: PeopleService;
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
