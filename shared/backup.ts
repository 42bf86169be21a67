import type { ErrorData } from './errors.ts';

/**
 * A whole-account backup: one background job per account (a source: a Telegram account, a RyzeAPI
 * connection) that downloads every chosen chat's whole history and its media, then keeps it current on a
 * schedule. Plain data: it crosses IPC by structured clone, dates are epoch ms, sizes are bytes.
 */

/** The kinds of dialog a backup can cover (`scrollback backup --kinds`). Saved Messages counts as private. */
export const backupKinds = ['private', 'groups', 'channels', 'bots'] as const;
export type BackupKind = (typeof backupKinds)[number];

/** Media types, as Telegram Desktop's export dialog offers them (`scrollback backup --media`). */
export const backupMediaTypes = ['photos', 'videos', 'voice', 'round', 'stickers', 'gifs', 'files'] as const;
export type BackupMediaType = (typeof backupMediaTypes)[number];

/** One chosen media type, and the largest file of it to download (null: any size). */
export interface BackupMediaRule {
  type: BackupMediaType;
  maxBytes: number | null;
}

/** What a backup covers and when it runs again. Stored per account; the defaults are `defaultBackupSettings`. */
export interface BackupSettings {
  kinds: BackupKind[];
  /** Media to download; an empty list: messages only. */
  media: BackupMediaRule[];
  /** Local chat ids never backed up (the chats stay in the archive as they are). */
  excludedChatIds: number[];
  /** Minutes between the end of a pass and the next incremental one; 0: only when started by hand. */
  everyMinutes: number;
  /** Telegram: channels and groups one has left, found with a takeout session (the user allowed it). */
  includeLeft: boolean;
}

/** Telegram Desktop's export default (photos up to 8 MB), daily, every kind, nothing excluded. */
export const defaultBackupSettings: BackupSettings = {
  kinds: [...backupKinds],
  media: [{ type: 'photos', maxBytes: 8 * 1024 * 1024 }],
  excludedChatIds: [],
  everyMinutes: 24 * 60,
  includeLeft: false,
};

/** A backup job's state: `idle` before the first pass and after a cancel; `done` between scheduled passes. */
export type BackupState = 'idle' | 'running' | 'paused' | 'done' | 'failed';

/** A chat in the backup: whole history and media stored, being downloaded, in the queue, or refused. */
export type BackupChatState = 'done' | 'running' | 'waiting' | 'failed';

/** Counts and bytes of media: what is stored and what the policy still wants downloaded. */
export interface BackupMediaProgress {
  stored: number;
  left: number;
  bytesStored: number;
  /** Bytes of the files left, as the source says their sizes (its estimate). */
  bytesLeft: number;
}

export interface BackupChatStatus {
  chatId: number;
  name: string;
  kind: BackupKind;
  state: BackupChatState;
  /** Excluded by the user: listed so the view can include it again, never downloaded. */
  excluded: boolean;
  /** The chat is no longer at the source (one left it, or it was deleted): kept here and marked. */
  gone: 'left' | 'deleted' | null;
  archived: boolean;
  /** Date of its newest message at the source: the queue takes the most recently active first. */
  lastActivity: number | null;
  messagesStored: number;
  /** Messages at the source not on this computer yet; null while the source has not said. */
  messagesLeft: number | null;
  media: BackupMediaProgress;
  /** Why it failed, words first ("You are no longer a member of this channel"), then the code. */
  error: ErrorData | null;
  /** When its last pass ended, epoch ms; null: never backed up. */
  backedUpAt: number | null;
}

/** What one pass did, for the summary line ("412 chats · 18,204 new · 31 edited · 5 deleted at the source · 1.2 GB media"). */
export interface BackupSummary {
  startedAt: number;
  finishedAt: number;
  chats: number;
  failedChats: number;
  newMessages: number;
  edited: number;
  deletedAtSource: number;
  mediaFiles: number;
  mediaBytes: number;
}

export interface BackupStatus {
  sourceId: string;
  state: BackupState;
  settings: BackupSettings;
  /** The first pass downloads whole histories; later ones are incremental (the refresh of every chat). */
  pass: 'first' | 'incremental' | null;
  chats: { total: number; done: number; running: number; waiting: number; failed: number; excluded: number };
  messages: { stored: number; left: number | null };
  media: BackupMediaProgress;
  /**
   * Time left, measured pace × requests left, separately for messages and media; null until a pace is
   * measured (a few requests) or when nothing is left.
   */
  etaMs: { messages: number | null; media: number | null };
  /** The chat being downloaded now. */
  currentChatId: number | null;
  /** Set while the source asked to wait (a flood wait) until this time, epoch ms, and why in words. */
  waitingUntil: number | null;
  waitingReason: string | null;
  /** When the next scheduled pass starts, epoch ms; null: none scheduled. */
  nextRunAt: number | null;
  lastSummary: BackupSummary | null;
  /** Why the job failed (the account signed out, the disk is full), words first. */
  error: ErrorData | null;
  /** Grows with every change: of a pushed status and an answer that crossed it, the larger is the newer. */
  revision: number;
}

/** The IPC methods of the backup (all take `{ sourceId }`; the settings call also `{ settings }`). */
export const backupMethodNames = [
  'getBackupStatus',
  'listBackupChats',
  'startBackup',
  'pauseBackup',
  'resumeBackup',
  'cancelBackup',
  'setBackupSettings',
] as const;

const numberFormat = new Intl.NumberFormat('en-US');

/** Bytes in words, one decimal above a kilobyte ("1.2 GB"). */
export function describeBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

/** The summary line of a pass: "412 chats · 18,204 new · 31 edited · 5 deleted at the source · 1.2 GB media". */
export function describeBackupSummary(summary: BackupSummary): string {
  const parts = [
    `${numberFormat.format(summary.chats)} chats`,
    `${numberFormat.format(summary.newMessages)} new`,
    `${numberFormat.format(summary.edited)} edited`,
    `${numberFormat.format(summary.deletedAtSource)} deleted at the source`,
    `${describeBytes(summary.mediaBytes)} media`,
  ];
  if (summary.failedChats > 0) parts.push(`${numberFormat.format(summary.failedChats)} failed`);
  return parts.join(' · ');
}
