import type { ChatMessage, MessageKind } from './domain.ts';

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

export interface SearchFilter {
  /** A chat's id, or null for every chat. */
  chatId: number | null;
  /** Inclusive start, epoch ms; null for the beginning. */
  from: number | null;
  /** Exclusive end, epoch ms; null for now. */
  to: number | null;
  /** Words or parts of words, all of which must appear (case- and diacritics-insensitive). Empty: any. */
  query: string;
  /** Part of the sender's name; empty: anyone. */
  sender: string;
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
}
