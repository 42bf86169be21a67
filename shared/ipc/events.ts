import type { BackupStatus } from '../backup.ts';
import type { SyncStatus } from '../sync.ts';
import type { ExportStatus, ImportStatus, RecoveryStatus } from './contract.ts';

/** Commands the application menu sends to the window (the menu lives in main; the action in the renderer). */
export type MenuCommand =
  'jumpToDate' | 'jumpToLatest' | 'focusChatFilter' | 'find' | 'findAll' | 'exportChat' | 'importFiles' | 'toggleSidebar';

/**
 * Everything main pushes to the window without being asked: the window polls nothing, so an idle window
 * makes no calls at all.
 */
export type AppEvent =
  | { kind: 'menuCommand'; command: MenuCommand }
  /** A `scrollback://message` link was opened from outside (another app, the shell): show it in context. */
  | { kind: 'openMessage'; chatId: number; messageId: string }
  /** A chat's download changed: each stored page, each wait, each end. */
  | { kind: 'syncStatus'; status: SyncStatus }
  | { kind: 'importStatus'; status: ImportStatus }
  | { kind: 'exportStatus'; status: ExportStatus }
  /** What the cache holds of a chat changed (messages stored, coverage grown): counts and coverage bar. */
  | { kind: 'chatChanged'; chatId: number }
  /**
   * Messages of a chat changed at the source and were stored: `added` new ones after the chat's newest (a
   * window at the newest shows them; one scrolled up counts them), and `changedIds` edited, deleted at the
   * source, or restored (a window holding them reads them again).
   */
  | { kind: 'messagesChanged'; chatId: number; added: number; changedIds: string[] }
  /** Sources or chats were added or removed. */
  | { kind: 'chatsListed' }
  /** A source is being retried (or, with `retry: null`, answered again): said at once, not after the last try. */
  | { kind: 'sourceRetrying'; sourceId: string; retry: SourceRetry | null }
  /** A whole media file the window asked for is arriving (at most 10 a second per file), or ended. */
  | { kind: 'mediaDownload'; status: MediaDownloadStatus }
  /** An account's whole backup changed: each chat started or finished, each wait, each stored file, the end. */
  | { kind: 'backupStatus'; status: BackupStatus }
  /** A recovery of the damaged archive progressed or ended. */
  | { kind: 'recoveryStatus'; status: RecoveryStatus }
  /** A newer version was downloaded: the window offers *Restart to update*. */
  | { kind: 'updateReady'; version: string };

export interface MediaDownloadStatus {
  chatId: number;
  messageId: string;
  state: 'running' | 'waiting' | 'done' | 'failed' | 'cancelled';
  /** Bytes on this computer so far, and the file's size at the source when known. */
  received: number;
  total: number | null;
  /** What it waits for or why it failed, in words. */
  detail?: string;
}

export interface SourceRetry {
  /** The attempt that comes next, of how many. */
  attempt: number;
  of: number;
  /** When it is sent, epoch ms. */
  nextAt: number;
  /** What went wrong with the last one, in words ("server error 503", "no answer within 20 s"). */
  problem: string;
}

export interface ScrollbackEventBridge {
  /** Subscribes to pushed events; returns the unsubscribe function. */
  onAppEvent(listener: (event: AppEvent) => void): () => void;
}
