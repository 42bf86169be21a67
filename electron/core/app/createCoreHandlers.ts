import type { IpcHandlers } from '../../../shared/ipc/contract.ts';
import type { ScrollbackCore } from './openScrollbackCore.ts';
import type { Logger } from './Logger.ts';
import { endTelegramSession, type TelegramLogin, type TelegramSessionVault } from '../sources/telegram/index.ts';
import type { TelegramLoginState } from '../../../shared/telegramLogin.ts';
import { ryzeTokenKey, type SecretStore } from './SecretStore.ts';
import { RYZE_DEFAULT_BASE_URL } from '../sources/ryze/createRyzeApiClient.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import { messageDensity } from '../cache/densityQueries.ts';
import { listCoverage } from '../cache/coverageQueries.ts';
import { isAbsolute } from 'node:path';
import { createBackgroundJob } from './createBackgroundJob.ts';
import type { FileImportResult, ImportProgress } from '../../../shared/importing.ts';
import type { ExportFormat, ExportProgress, ExportResult } from '../../../shared/exporting.ts';

/** A chat name as a file name: no path separators or characters file systems refuse. */
function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim().slice(0, 120) || 'chat';
}

/** What a front end (Electron, the browser harness) provides for the handlers that need its platform. */
export interface CorePlatform {
  version: string;
  openExternalLink(url: string): Promise<void> | void;
  secrets: SecretStore;
  /** The native open dialog; null when the user cancels it. */
  chooseFilesToImport(): Promise<string[] | null>;
  /** The native save dialog, suggesting a file name; null when the user cancels it. */
  chooseExportTarget(suggestedName: string, format: ExportFormat): Promise<string | null>;
  /** Progress of the running export (0–1), or null when it ends: for the taskbar. */
  showProgress?(fraction: number | null): void;
  /** A finished export: the system notification, with "Show in folder". */
  exportFinished?(result: ExportResult): void;
  showInFolder(path: string): void;
  logger: Logger;
  /** Telegram accounts: where sessions are kept, and how clients are made (fakes in tests). */
  telegram?: { vault: TelegramSessionVault; login: TelegramLogin };
}

/**
 * The IPC handlers the core can answer by itself. The front end supplies what needs its platform
 * (native dialogs, the system browser and file manager, secrets, Telegram clients).
 */
export function createCoreHandlers(core: ScrollbackCore, platform: CorePlatform): IpcHandlers {
  const importJob = createBackgroundJob<ImportProgress, FileImportResult[]>((error) => platform.logger.error('import failed', error));
  const exportJob = createBackgroundJob<ExportProgress | { downloading: true }, ExportResult>((error) => platform.logger.error('export failed', error));
  let allowWeak = false;
  let useTakeoutForDownloads = false;
  let sessionStored: boolean | null = null;
  let account: TelegramLoginState['account'] = null;
  function telegram() {
    if (!platform.telegram) throw new ScrollbackError('SOURCE_UNAVAILABLE', 'Telegram is not available in this build.');
    return platform.telegram;
  }
  /** After a successful step: the account is added, its session stored, its chats listed. */
  async function settle(state: TelegramLoginState): Promise<TelegramLoginState> {
    if (state.step !== 'done') return state;
    const result = telegram().login.takeResult();
    if (result) {
      const sourceId = core.addTelegramAccount({ userId: result.userId, name: result.name, apiId: result.apiId, takeout: useTakeoutForDownloads });
      sessionStored = telegram().vault.set(sourceId, { session: result.session, apiHash: result.apiHash }, { allowWeak });
      account = { sourceId, name: result.name };
      try {
        await core.refreshChats(sourceId);
      } catch (error) {
        platform.logger.warn('could not list the chats of the new Telegram account', error);
      }
    }
    return { ...state, account, sessionStored };
  }

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

  return {
    getAppInfo: () => ({ version: platform.version, databasePath: core.databasePath, platform: process.platform }),
    listSources: () => core.listSources(),
    listChats: () => core.listChats(),
    getHistoryPage: (request) => core.history.getHistoryPage(request),
    openExternalLink: async ({ url }) => {
      await platform.openExternalLink(url);
    },
    searchMessages: (request) => core.search.search(request),
    countSearchMatches: (filter) => core.search.count(filter),
    getMessageDensity: ({ chatId, boundaries }) => {
      core.getChat(chatId);
      return messageDensity(core.db, chatId, [...boundaries].sort((a, b) => a - b));
    },
    getChatCoverage: ({ chatId }) => {
      const chat = core.getChat(chatId);
      return { ranges: listCoverage(core.db, chatId).map((range) => ({ from: range.from.date, to: range.to.date })), oldestReached: chat.oldestReached };
    },
    startSync: ({ chatId, from, to }) => {
      core.getChat(chatId);
      return core.sync.start({ chatId, from, to });
    },
    pauseSync: ({ chatId }) => core.sync.pause(chatId),
    resumeSync: ({ chatId }) => core.sync.resume(chatId),
    cancelSync: ({ chatId }) => core.sync.cancel(chatId),
    addRyzeConnection: ({ instance, baseUrl, token, allowWeakEncryption }) => {
      const sourceId = core.addRyzeSource({ instance, baseUrl: baseUrl || RYZE_DEFAULT_BASE_URL });
      platform.secrets.set(ryzeTokenKey(sourceId), token, { allowWeak: allowWeakEncryption });
      core.sources.forget(sourceId);
      return core.listSources().find((source) => source.id === sourceId)!;
    },
    addRyzeChat: ({ sourceId, numberOrJid }) => {
      if (!core.listSources().some((source) => source.id === sourceId && source.kind === 'ryze')) {
        throw new ScrollbackError('SOURCE_NOT_FOUND', `There is no RyzeAPI connection “${sourceId}”.`);
      }
      return core.addRyzeChat(sourceId, numberOrJid);
    },
    importFiles: async ({ paths }) => {
      if (importJob.status().state === 'running') return importJob.status();
      const chosen = paths ?? (await platform.chooseFilesToImport());
      if (!chosen || chosen.length === 0) return importJob.status();
      const relative = chosen.find((path) => !isAbsolute(path));
      if (relative) throw new ScrollbackError('INVALID_INPUT', `“${relative.slice(0, 80)}” is not an absolute path.`);
      return importJob.start((onProgress) => core.imports.importFiles(chosen, onProgress), () => core.imports.cancel());
    },
    getImportStatus: () => importJob.status(),
    estimateExport: (request) => {
      core.getChat(request.chatId);
      return core.exports.estimate(request);
    },
    exportChat: async (request) => {
      if (exportJob.status().state === 'running') return exportJob.status();
      const chat = core.getChat(request.chatId);
      const target = await platform.chooseExportTarget(`${safeFileName(chat.name)}.${request.format}`, request.format);
      if (!target) return exportJob.status();
      return startExport((onProgress) => core.exports.exportChat(request, target, onProgress));
    },
    listExports: ({ chatId }) => {
      core.getChat(chatId);
      return core.exports.listExports(chatId);
    },
    exportAgain: ({ exportId, mode }) => {
      if (exportJob.status().state === 'running') return exportJob.status();
      return startExport((onProgress) => core.exports.exportAgain(exportId, mode, onProgress));
    },
    getExportStatus: () => exportJob.status(),
    telegramLoginWithPhone: async ({ apiId, apiHash, phone, allowWeakEncryption, useTakeout }) => {
      allowWeak = allowWeakEncryption;
      useTakeoutForDownloads = useTakeout;
      return settle(await telegram().login.startWithPhone({ apiId, apiHash, phone }));
    },
    telegramLoginWithQr: async ({ apiId, apiHash, allowWeakEncryption, useTakeout }) => {
      allowWeak = allowWeakEncryption;
      useTakeoutForDownloads = useTakeout;
      return settle(await telegram().login.startWithQr({ apiId, apiHash }));
    },
    telegramResendCode: async () => settle(await telegram().login.resendCode()),
    telegramSubmitCode: async ({ code }) => settle(await telegram().login.submitCode(code)),
    telegramSubmitPassword: async ({ password }) => settle(await telegram().login.submitPassword(password)),
    telegramLoginStatus: async () => {
      const login = telegram().login;
      if (login.state().step === 'qr') return settle(await login.pollQr());
      return login.state().step === 'done' ? { ...login.state(), account, sessionStored } : login.state();
    },
    telegramCancelLogin: async () => {
      await telegram().login.cancel();
      return telegram().login.state();
    },
    telegramLogout: async ({ sourceId }) => {
      const source = core.listSources().find((candidate) => candidate.id === sourceId && candidate.kind === 'telegram');
      if (!source) throw new ScrollbackError('SOURCE_NOT_FOUND', `There is no Telegram account “${sourceId}”.`);
      // End the session on Telegram first (best effort: offline, the local wipe still happens).
      try {
        const client = core.telegramClientOf(sourceId) ?? null;
        if (client) await endTelegramSession(client);
      } catch (error) {
        platform.logger.warn('Telegram log out failed; the session is wiped locally anyway', error);
      }
      await core.removeSource(sourceId);
      telegram().vault.delete(sourceId);
    },
    refreshChats: ({ sourceId }) => {
      if (!core.listSources().some((source) => source.id === sourceId)) throw new ScrollbackError('SOURCE_NOT_FOUND', `There is no source “${sourceId}”.`);
      return core.refreshChats(sourceId);
    },
    cancelExport: () => exportJob.cancel(),
    showExportedFile: () => {
      const result = exportJob.status().result;
      if (!result) throw new ScrollbackError('INVALID_INPUT', 'No export has finished yet.');
      platform.showInFolder(result.path);
    },
    cancelImport: () => importJob.cancel(),
    getSyncStatus: ({ chatId }) => {
      core.getChat(chatId);
      return core.sync.status(chatId);
    },
  };
}
