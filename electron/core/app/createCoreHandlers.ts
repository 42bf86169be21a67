import { isAbsolute } from 'node:path';
import { createRendererErrorLog } from './createRendererErrorLog.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import type { ExportFormatInfo, ExportProgress, ExportResult } from '../../../shared/exporting.ts';
import type { FileImportResult, ImportProgress } from '../../../shared/importing.ts';
import type { ExportStatus, ImportStatus, IpcHandlers } from '../../../shared/ipc/contract.ts';
import { ipcMethodNames } from '../../../shared/ipc/methods.ts';
import { createBackgroundJob } from './createBackgroundJob.ts';
import { importFormatInfos } from '../import/importFormats.ts';
import type { Logger } from '../base/Logger.ts';
import type { ScrollbackCore } from './openScrollbackCore.ts';
import { createMediaHandlers } from './createMediaHandlers.ts';
import { createRecoveryHandlers } from './createRecoveryHandlers.ts';
import { createBackupHandlers } from './createBackupHandlers.ts';
import { createPeopleHandlers } from './createPeopleHandlers.ts';
import { safeFileName } from '../../../shared/safeFileName.ts';
import type { AppLocale } from '../../../shared/i18n/locales.ts';
import { setLocaleForMessages, translator } from '../i18n/createTranslator.ts';
import { exportFormatInfo, exportFormatOf, exportFormats } from '../export/exportFormats.ts';

/** What a front end (Electron, the browser harness) provides for the handlers that need its platform. */
export interface CorePlatform {
  version: string;
  openExternalLink(url: string): Promise<void> | void;
  /** The native open dialog; null when the user cancels it. */
  chooseFilesToImport(): Promise<string[] | null>;
  /** The native save dialog, suggesting a file name; null when the user cancels it. */
  chooseExportTarget(suggestedName: string, format: ExportFormatInfo): Promise<string | null>;
  /** Progress of the running export (0–1), or null when it ends: for the taskbar. */
  showProgress?(fraction: number | null): void;
  /** A finished export: the system notification, with "Show in folder". */
  exportFinished?(result: ExportResult): void;
  showInFolder(path: string): void;
  /** The installed app's updates; absent in a checkout, the preview and the CLI. */
  updates?: { readyVersion(): string | null; restart(): void };
  /** Opens the archive again after a recovery replaced it (the app restarts); absent: the next start does. */
  reopenArchive?(): void;
  /** The window's language changed (the core already speaks it): main rebuilds its menus in it. */
  languageChanged?(locale: AppLocale): void;
  logger: Logger;
}

/**
 * The IPC handlers: the core's own, and each source provider's (its kind's IPC methods). The front end
 * supplies what needs its platform (native dialogs, the system browser and file manager).
 */
export function createCoreHandlers(core: ScrollbackCore, platform: CorePlatform): IpcHandlers {
  const rendererErrors = createRendererErrorLog(platform.logger);
  const importJob = createBackgroundJob<ImportProgress, FileImportResult[]>('An import', {
    onError: (error) => platform.logger.error('import failed', error),
    onChange: (status: ImportStatus) => core.events.emit({ kind: 'importStatus', status }),
  });
  const exportJob = createBackgroundJob<ExportProgress | { downloading: true }, ExportResult>('An export', {
    onError: (error) => platform.logger.error('export failed', error),
    onChange: (status: ExportStatus) => core.events.emit({ kind: 'exportStatus', status }),
  });

  /** Runs an export as the background job, with the taskbar progress and the notification at the end. */
  function startExport(run: (onProgress: (progress: ExportProgress | { downloading: true }) => void) => Promise<ExportResult>) {
    return exportJob.start(
      async (onProgress) => {
        try {
          const result = await run((progress) => {
            onProgress(progress);
            if ('written' in progress && progress.total > 0) platform.showProgress?.(progress.written / progress.total);
          });
          platform.exportFinished?.(result);
          return result;
        } finally {
          platform.showProgress?.(null);
        }
      },
      () => core.exports.cancel(),
    );
  }

  const coreHandlers = {
    ...createMediaHandlers(core, platform),
    ...createRecoveryHandlers(core, platform),
    ...createBackupHandlers(core),
    ...createPeopleHandlers(core),
    getAppInfo: () => ({ version: platform.version, databasePath: core.databasePath, platform: process.platform }),
    reportRendererError: (report) => rendererErrors.report(report),
    getUpdateState: () => ({ readyVersion: platform.updates?.readyVersion() ?? null }),
    restartToUpdate: () => {
      const updates = platform.updates;
      if (!updates?.readyVersion()) throw new ScrollbackError('NOT_FOUND', 'No update has been downloaded yet.');
      // Never cut a job short: the update also installs at the next quit.
      for (const [job, what] of [
        [importJob, 'An import'],
        [exportJob, 'An export'],
      ] as const)
        if (job.status().state === 'running')
          throw new ScrollbackError(
            'BUSY',
            `${what} is running: restart to update once it has finished (or quit later; the update installs then).`,
          );
      updates.restart();
    },
    listSources: () => core.listSources(),
    listSourceKinds: () => Object.values(core.providers).map(({ kind, addLabel, removeLabel }) => ({ kind, addLabel, removeLabel })),
    listImportFormats: () => importFormatInfos(),
    listChats: (input) => core.listChats(input?.limit),
    getHistoryPage: (request, signal) => core.history.getHistoryPage(request, signal),
    openExternalLink: async ({ url }) => {
      await platform.openExternalLink(url);
    },
    searchMessages: (request, signal) => core.search.search(request, signal),
    countSearchMatches: (filter, signal) => core.search.count(filter, signal),
    getMessageDensity: ({ chatId, boundaries }) => core.getMessageDensity(chatId, boundaries),
    getSourceDensity: ({ chatId, boundaries }, signal) => core.getSourceDensity(chatId, boundaries, signal),
    listTopics: ({ chatId }, signal) => core.listTopics(chatId, signal),
    countNewerMessages: ({ chatId, date }) => core.countNewerMessages(chatId, date),
    getChatCoverage: ({ chatId }) => core.getChatCoverage(chatId),
    suggestSenders: ({ chatId, text }) => core.search.suggestSenders(chatId, text),
    startSync: ({ chatId, from, to }) => {
      core.getChat(chatId);
      return core.sync.start({ chatId, from, to });
    },
    pauseSync: ({ chatId }) => core.sync.pause(chatId),
    resumeSync: ({ chatId }) => core.sync.resume(chatId),
    cancelSync: ({ chatId }) => core.sync.cancel(chatId),
    getSyncStatus: ({ chatId }) => {
      core.getChat(chatId);
      return core.sync.status(chatId);
    },
    importFiles: async ({ paths, whatsAppTimeZone }) => {
      if (importJob.status().state === 'running') return importJob.status();
      const chosen = paths ?? (await platform.chooseFilesToImport());
      if (!chosen || chosen.length === 0) return importJob.status();
      const relative = chosen.find((path) => !isAbsolute(path));
      if (relative) throw new ScrollbackError('INVALID_INPUT', translator()('error.import.relativePath', { path: relative.slice(0, 80) }));
      return importJob.start(
        (onProgress) => core.imports.importFiles(chosen, onProgress, { whatsAppTimeZone: whatsAppTimeZone ?? null }),
        () => core.imports.cancel(),
      );
    },
    getImportStatus: () => importJob.status(),
    cancelImport: () => importJob.cancel(),
    estimateExport: (request) => {
      core.getChat(request.chatId);
      return core.exports.estimate(request);
    },
    exportChat: async (request) => {
      if (exportJob.status().state === 'running') return exportJob.status();
      const chat = core.getChat(request.chatId);
      const format = exportFormatInfo(exportFormatOf(request.format));
      const target = await platform.chooseExportTarget(`${safeFileName(chat.name, 'chat')}.${format.extension}`, format);
      if (!target) return exportJob.status();
      return startExport((onProgress) => core.exports.exportChat(request, target, onProgress));
    },
    listExportFormats: () => exportFormats.map(exportFormatInfo),
    listExports: ({ chatId }) => {
      core.getChat(chatId);
      return core.exports.listExports(chatId);
    },
    exportAgain: ({ exportId, mode }) => {
      if (exportJob.status().state === 'running') return exportJob.status();
      return startExport((onProgress) => core.exports.exportAgain(exportId, mode, onProgress));
    },
    getExportStatus: () => exportJob.status(),
    cancelExport: () => exportJob.cancel(),
    showExportedFile: () => {
      const result = exportJob.status().result;
      if (!result) throw new ScrollbackError('NOT_FOUND', 'No export has finished yet.');
      platform.showInFolder(result.path);
    },
    refreshChats: ({ sourceId }) => core.refreshChats(sourceId),
    getMessages: ({ chatId, messageIds }) => core.getMessages(chatId, messageIds),
    getQuotedMessages: ({ chatId, messageIds }, signal) => core.getQuotedMessages(chatId, messageIds, signal),
    getMessageVersions: ({ chatId, messageId }) => core.getMessageVersions(chatId, messageId),
    setChatKeepCurrent: ({ chatId, keep }) => core.setChatKeepCurrent(chatId, keep),
    refreshChat: ({ chatId }, signal) => {
      core.getChat(chatId);
      return core.refresh.refresh(chatId, signal);
    },
    setOpenChat: ({ chatId }) => core.setOpenChat(chatId),
    listChanges: ({ chatId, since, limit }) => core.listChanges(chatId, since, limit),
    getRefreshSettings: () => core.refreshSettings(),
    setRefreshSettings: ({ everyMinutes }) => core.setRefreshSettings({ everyMinutes }),
    setLanguage: ({ locale }) => {
      setLocaleForMessages(locale);
      platform.languageChanged?.(locale);
    },
    removeSource: ({ sourceId }) => core.removeSource(sourceId),
  } satisfies Partial<IpcHandlers>;
  // Each source kind's own methods (adding a RyzeAPI connection, the Telegram login steps) come from its provider.
  const handlers: Partial<IpcHandlers> = { ...coreHandlers };
  for (const provider of Object.values(core.providers)) Object.assign(handlers, provider.handlers?.(core.providerContext));
  const missing = ipcMethodNames.filter((method) => !handlers[method]);
  if (missing.length > 0) throw new Error(`No handler for ${missing.join(', ')}: add it to the core or to its source's provider.`);
  // A cache failure anywhere (a full disk, a damaged page) crosses as what it is, with its code.
  const explained: Record<string, unknown> = {};
  for (const [method, handler] of Object.entries(handlers) as Array<[string, (input: unknown, signal: AbortSignal) => unknown]>) {
    explained[method] = async (input: unknown, signal: AbortSignal) => {
      try {
        return await handler(input, signal);
      } catch (error) {
        throw core.explainError(error);
      }
    };
  }
  return explained as IpcHandlers;
}
