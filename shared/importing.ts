/** What an import did, per chat. */
export interface ChatImportResult {
  chatId: number;
  name: string;
  /** Messages new to the cache. */
  added: number;
  /** Messages the file holds for this chat (added plus those already stored). */
  inFile: number;
  /** Placeholders the exporter wrote for messages it could not export (no date, no content). */
  skipped: number;
}

export interface FileImportResult {
  path: string;
  chats: ChatImportResult[];
}

/** Progress of an import of one or more files. */
export interface ImportProgress {
  /** The file being read, 1-based, of `fileCount`. */
  fileIndex: number;
  fileCount: number;
  path: string;
  bytesRead: number;
  totalBytes: number;
}
