/**
 * An export format's id (`json`, `csv`, …): one of the formats core's registry lists (`listExportFormats`).
 * A string, not a union: a new format is its writer and one registry line in core, nothing here.
 */
export type ExportFormat = string;

/** What the window, the CLI and the native save dialog know of an export format; its writer stays in core. */
export interface ExportFormatInfo {
  id: ExportFormat;
  /** As the export dialog lists it, e.g. "CSV (spreadsheets)". */
  label: string;
  /** The file's extension, without the dot; also the native save dialog's filter. */
  extension: string;
  mimeType: string;
  /** Rough bytes per message, measured on the demo archive, for the size shown before exporting. */
  bytesPerMessage: number;
  /** Copies the media on this computer beside the file (the request's `media` applies). */
  carriesMedia: boolean;
  /** May start with a byte order mark (the request's `csvBom`), so spreadsheet apps read UTF-8. */
  offersBom: boolean;
}

/** What to export: one chat, optionally a date range and a search filter; its schema is the one definition. */
export type { ExportRequest } from './ipc/inputSchemas.ts';

/** The most messages one selection can export (a window holds a few thousand at most). */
export const MAX_SELECTED_MESSAGES = 10_000;

/** Media beside an export: files and thumbnails, thumbnails only, or none. */
export const exportMediaModes = ['all', 'thumbnails', 'none'] as const;
export type ExportMediaMode = (typeof exportMediaModes)[number];

export interface ExportProgress {
  written: number;
  /** Messages in scope (before the search filter), for the progress bar. */
  total: number;
}

export interface ExportResult {
  path: string;
  written: number;
  bytes: number;
  /** Position of the newest message written; where the next incremental export starts. */
  newest: { date: number; sortKey: number } | null;
}

/** A finished export, remembered for "Export again". */
export interface ExportRecord {
  id: number;
  chatId: number;
  format: ExportFormat;
  target: string;
  written: number;
  newestDate: number | null;
  createdAt: number;
}

export interface ExportEstimate {
  /** Cached messages in the range. */
  messages: number;
  approxBytes: number;
  /** Of `approxBytes`, the media files on this computer the export copies (per its media setting). */
  mediaBytes: number;
  /** Part of the range is not cached yet and will be downloaded first. */
  needsDownload: boolean;
  /** For a whole chat whose source says its size: how many messages must be downloaded first. */
  missingMessages: number | null;
  /** How long that download may take at a polite pace (one 100-message page a second), seconds. */
  approxDownloadSeconds: number | null;
}
