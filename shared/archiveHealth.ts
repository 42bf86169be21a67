/** Whether the archive can be written: a damaged one is shown read-only until it is recovered. */
export interface ArchiveHealth {
  damaged: boolean;
  /** What is wrong and what to do, in words; null when nothing is. */
  message: string | null;
}

/** A recovery's progress: messages copied so far, of about how many (0: the damaged file cannot say). */
export interface RecoveryProgress {
  copiedMessages: number;
  totalMessages: number;
}

/** What a recovery saved. */
export interface RecoveryResult {
  chats: number;
  messages: number;
  /** Chats of which some messages could not be read (their gaps are fetched again from their sources). */
  incompleteChats: Array<{ name: string; recovered: number }>;
  /** Where the damaged file was kept. */
  damagedCopy: string;
  /** Whether Scrollback reopens the recovered archive by itself; otherwise it is used from the next start. */
  reopens: boolean;
}
