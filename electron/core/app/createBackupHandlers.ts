import type { IpcHandlers } from '../../../shared/ipc/contract.ts';
import type { ScrollbackCore } from './ScrollbackCore.ts';

/** The window's Backup view: an account's whole backup, its chats, Pause / Resume / Cancel and its settings. */
export function createBackupHandlers(
  core: ScrollbackCore,
): Pick<
  IpcHandlers,
  'getBackupStatus' | 'listBackupChats' | 'startBackup' | 'pauseBackup' | 'resumeBackup' | 'cancelBackup' | 'setBackupSettings'
> {
  return {
    getBackupStatus: ({ sourceId }) => core.backup.status(sourceId),
    listBackupChats: ({ sourceId }) => core.backup.listChats(sourceId),
    startBackup: ({ sourceId }) => core.backup.start(sourceId),
    pauseBackup: ({ sourceId }) => core.backup.pause(sourceId),
    resumeBackup: ({ sourceId }) => core.backup.resume(sourceId),
    cancelBackup: ({ sourceId }) => core.backup.cancel(sourceId),
    setBackupSettings: ({ sourceId, settings }) => core.backup.setSettings(sourceId, settings),
  };
}
