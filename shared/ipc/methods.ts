/**
 * The names of the IPC methods, with no dependencies, so the sandboxed preload can import it.
 * `contract.ts` must define exactly these (the compiler checks it).
 */
export const ipcMethodNames = [
  'getAppInfo',
  'reportRendererError',
  'getUpdateState',
  'restartToUpdate',
  'listSources',
  'listChats',
  'getHistoryPage',
  'openExternalLink',
  'searchMessages',
  'countSearchMatches',
  'getMessageDensity',
  'getSourceDensity',
  'countNewerMessages',
  'getChatCoverage',
  'listTopics',
  'suggestSenders',
  'startSync',
  'pauseSync',
  'resumeSync',
  'cancelSync',
  'getSyncStatus',
  'addRyzeConnection',
  'addRyzeChat',
  'importFiles',
  'getImportStatus',
  'cancelImport',
  'estimateExport',
  'exportChat',
  'getExportStatus',
  'cancelExport',
  'showExportedFile',
  'listExports',
  'listExportFormats',
  'exportAgain',
  'telegramLoginWithPhone',
  'telegramLoginWithQr',
  'telegramResendCode',
  'telegramSubmitCode',
  'telegramSubmitPassword',
  'telegramLoginStatus',
  'telegramCancelLogin',
  'removeSource',
  'listSourceKinds',
  'listImportFormats',
  'refreshChats',
  'downloadMedia',
  'getMediaState',
  'removeMediaFile',
  'setMediaPinned',
  'setChatKeepMedia',
  'getMediaSettings',
  'setMediaLimit',
  'listMediaAround',
  'showMediaFile',
  'listChatMedia',
  'getMessages',
  'getQuotedMessages',
  'getMessageVersions',
  'setChatKeepCurrent',
  'refreshChat',
  'setOpenChat',
  'listChanges',
  'getRefreshSettings',
  'setRefreshSettings',
  'getArchiveHealth',
  'recoverArchive',
  'getRecoveryStatus',
  'getBackupStatus',
  'listBackupChats',
  'startBackup',
  'pauseBackup',
  'resumeBackup',
  'cancelBackup',
  'setBackupSettings',
] as const;

export type IpcMethodName = (typeof ipcMethodNames)[number];

export function ipcChannelFor(method: IpcMethodName): string {
  return `scrollback:${method}`;
}

/** The one channel main uses to push events (see events.ts) to the window. */
export const appEventChannel = 'scrollback:event';

/** The window sends a call's id here to cancel it (its handler's signal is aborted). */
export const cancelCallChannel = 'scrollback:cancel';
