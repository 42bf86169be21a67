import type { SearchedSource } from './search.ts';
import { describeSearchOutcome } from './searchCoverage.ts';

/**
 * How an all-chats search reached each source, in one line: "Telegram (Ana): searched there too ·
 * WhatsApp: only what is on this computer (RyzeAPI cannot search all chats)". Empty when there is nothing to say.
 */
export function describeSearchedSources(sources: readonly SearchedSource[]): string {
  return describeSearchOutcome({ coverage: null, sources, incomplete: false }, null).where ?? '';
}
