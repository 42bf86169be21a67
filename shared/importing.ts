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
  /**
   * A WhatsApp file's times are the phone's wall clock, with no zone: the zone they were read in, and
   * whether it is this computer's (the default). Null for formats whose times carry their zone.
   */
  timeZone: { zone: string; computers: boolean } | null;
  /** How a file in some phone language was read, in words ("read as Dutch, iPhone"); absent for other formats. */
  readAs?: string;
  /**
   * Why nothing of this file was imported, in words (it is no export Scrollback reads, or holds no message);
   * absent when it added to or matched a chat. A selection never drops a file without saying so.
   */
  nothingImported?: string;
}

/** How to read what an import does not say for itself. */
export interface ImportOptions {
  /** The zone of the phone a WhatsApp export came from (IANA name); default: this computer's. */
  whatsAppTimeZone?: string | null;
}

/** Progress of an import of one or more files. */
export interface ImportProgress {
  /** The file being read, 1-based, of `fileCount`. */
  fileIndex: number;
  fileCount: number;
  path: string;
  bytesRead: number;
  totalBytes: number;
  /** Set while the import waits for another Scrollback process that is writing to the archive, in words. */
  waiting?: string;
}
