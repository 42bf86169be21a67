import type { SearchFilter } from './search.ts';

export type ExportFormat = 'json' | 'html' | 'csv' | 'txt' | 'md';
export const exportFormats: readonly ExportFormat[] = ['json', 'html', 'csv', 'txt', 'md'];

/** What to export: one chat, optionally a date range and a search filter (the "current search result"). */
export interface ExportRequest {
  chatId: number;
  format: ExportFormat;
  /** Inclusive start and exclusive end, epoch ms; null: from the first / to the last message. */
  from: number | null;
  to: number | null;
  /** Only messages matching this (text, sender, kinds); null: all. */
  filter: Pick<SearchFilter, 'query' | 'sender' | 'kinds'> | null;
  includeService: boolean;
  /** CSV only: start with a byte order mark so spreadsheet apps read UTF-8. */
  csvBom: boolean;
  /** Only messages after this position (an incremental export: what is new since an earlier one). */
  after?: { date: number; sortKey: number } | null;
  /**
   * JSON and HTML: copy the media on this computer beside the file, in Telegram Desktop's folders (`all`),
   * only their thumbnails, or none (Telegram Desktop's "File not included" placeholder). Default: none.
   */
  media?: ExportMediaMode;
  /** Only these messages (a selection in the window), written oldest first; the dates and filter still apply. */
  messageIds?: string[] | null;
}

/** The most messages one selection can export (a window holds a few thousand at most). */
export const MAX_SELECTED_MESSAGES = 10_000;

export type ExportMediaMode = 'all' | 'thumbnails' | 'none';

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
