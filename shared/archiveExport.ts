/**
 * The whole-archive export: every chat of every source (or a chosen set) into one folder in Telegram
 * Desktop's whole-account layout, with a manifest of every file's SHA-256.
 */

/** The layouts of Telegram Desktop's "Export Telegram data": one `result.json`, or HTML pages with a chat list. */
export const archiveExportFormats = ['json', 'html'] as const;
export type ArchiveExportFormat = (typeof archiveExportFormats)[number];

/**
 * Media in the export: `all` fetches what is missing from each chat's source first (at its pace) and copies
 * every file; `local` copies only what is on this computer; `thumbnails` the small pictures only; `none` writes
 * Telegram Desktop's "not included" placeholder.
 */
export const archiveExportMediaModes = ['all', 'local', 'thumbnails', 'none'] as const;
export type ArchiveExportMediaMode = (typeof archiveExportMediaModes)[number];

export interface ArchiveExportRequest {
  /** The chats to export, by local id, in this order; null: every chat of every source, in the sidebar's order. */
  chatIds: number[] | null;
  format: ArchiveExportFormat;
  media: ArchiveExportMediaMode;
}

/** The manifest's name at the export's root: `sha256sum -c manifest.sha256` checks the folder. */
export const ARCHIVE_MANIFEST = 'manifest.sha256';

export type ArchiveExportProgress =
  /** Fetching media not on this computer yet (`media: 'all'`): files fetched, failed and left. */
  | { phase: 'fetchingMedia'; chatName: string; fetched: number; failed: number; left: number }
  /** Writing chats: messages written so far of all in scope. */
  | { phase: 'writing'; chatsDone: number; chats: number; written: number; total: number }
  /** Hashing the written files for the manifest. */
  | { phase: 'hashing'; files: number; hashed: number };

export interface ArchiveExportResult {
  /** The export's folder (complete: it appears only when everything in it is written and hashed). */
  path: string;
  chats: number;
  messages: number;
  /** Files in the folder, the manifest not counted. */
  files: number;
  bytes: number;
  /** Media files the messages have that are not in the export (not on this computer, or their fetch failed). */
  mediaLeftOut: number;
}
