import type { ChatMessage, MessageKind } from './domain.ts';
import type { SearchCoverage } from './searchCoverage.ts';

/** Kinds the search panel filters by. `link` means a message with a link in it or a link preview. */
export type SearchKind = 'text' | 'photo' | 'video' | 'voice' | 'file' | 'link' | 'poll' | 'service';
export const searchKinds: readonly SearchKind[] = ['text', 'photo', 'video', 'voice', 'file', 'link', 'poll', 'service'];

/** The message kinds each filter kind stands for (`link` is decided by entities instead). */
export const messageKindsFor: Record<Exclude<SearchKind, 'link'>, MessageKind[]> = {
  text: ['text'],
  photo: ['photo'],
  video: ['video', 'gif'],
  voice: ['voice', 'audio'],
  file: ['file'],
  poll: ['poll'],
  service: ['service'],
};

/** What `has:media` stands for: messages with a picture, a recording or a file (not polls, places, link previews). */
export const mediaKindsForHas: MessageKind[] = ['photo', 'video', 'gif', 'sticker', 'voice', 'audio', 'file'];

export interface SearchFilter {
  /** A chat's id, or null for every chat. */
  chatId: number | null;
  /** Inclusive start, epoch ms; null for the beginning. */
  from: number | null;
  /** Exclusive end, epoch ms; null for now. */
  to: number | null;
  /**
   * Query text in the search language (shared/searchQuery.ts): words and "phrases" that must appear (case- and
   * diacritics-insensitive substrings), -not, OR, ( ), from: in: before: after: on: during: has: is:. Empty: any.
   */
  query: string;
  /** Part of the sender's name; empty: anyone. */
  sender: string;
  /**
   * Words also match a message's earlier versions (its text before an edit seen here). Slower: the index
   * holds only the newest text, so every message in scope is read.
   */
  earlierVersions?: boolean;
  /** Empty: every kind. */
  kinds: SearchKind[];
}

export interface SearchRequest extends SearchFilter {
  order: 'newest' | 'oldest';
  limit: number;
  /** From the previous page's `nextCursor`. */
  cursor: string | null;
}

export interface SearchHit {
  message: ChatMessage;
  chatName: string;
  /** Ranges [start, end) in `message.text` (UTF-16) to highlight. */
  highlights: Array<[number, number]>;
  /**
   * The source's name when this search found the message there and it is not part of the history downloaded
   * here (it is kept from searches); null when it comes from downloaded history or an import.
   */
  foundAt: string | null;
  /** The forum topic the message is in, by title; null when it is in none. */
  topicTitle: string | null;
}

/** How one source's chats were searched by an all-chats search. */
export interface SearchedSource {
  sourceName: string;
  /** 'source': asked too (Telegram's search of all chats); 'computer': only what is on this computer. */
  where: 'source' | 'computer';
  /** Why only this computer, in words ("RyzeAPI cannot search"); null when the source was asked. */
  reason: string | null;
}

export interface SearchedSpan {
  /** Null: from the beginning of the chat (an open-ended search has no start date). */
  from: number | null;
  to: number;
  /** Where it was searched: the local cache, or the chat's source. */
  where: 'cache' | 'source';
}

export interface SearchPage {
  hits: SearchHit[];
  nextCursor: string | null;
  /** Date spans searched for this page, and where (cache or source). */
  searched: SearchedSpan[];
  /** True when part of the range was not searched because its source could not be reached. */
  incomplete: boolean;
  /** All-chats search: how each source's chats were searched (empty for one chat, see `searched`). */
  sources: SearchedSource[];
  /**
   * One chat: its range laid out by where each part was searched (null for all chats). What the panel and the
   * command line say about what was searched, and the offer to download the rest, are read from it alone.
   */
  coverage: SearchCoverage | null;
}

/** A span of a chat's life, epoch ms; `from` null: from the chat's beginning (not known here). */
export interface DateSpanOfChat {
  from: number | null;
  to: number;
}

/** The panel's total, saying what it counts. */
export interface SearchTotal {
  /** Matches among the messages on this computer. */
  onComputer: number;
  /**
   * The source's own count of matches in the whole chat, where the source can count (Telegram's
   * messages.search `count`); it matches whole words, so it is "about". Null where it cannot or did not answer.
   */
  atSource: { count: number; sourceName: string; scope: 'chat' | 'all chats' } | null;
  /**
   * Parts of the asked range that are not on this computer, so not in `onComputer` (one chat only); the same
   * layout as a search page's `coverage` (for the JSON outputs: what the window says comes from `coverage`).
   */
  notDownloaded: DateSpanOfChat[];
  /** How unusual parts of the query were read ("has:banana" searched as text). */
  notes: string[];
}
