import type { WritableDB } from '../cache/CacheDatabase.ts';
import { getChatSummary, recordChatLooked } from '../cache/chatQueries.ts';
import type { KeepUpToDate } from '../sync/createKeepUpToDate.ts';

/**
 * The chat the window shows (null: none). Opening and leaving a chat are both looks, so "what changed" counts
 * from the last of them; the open chat of a source that pushes nothing is polled every `pollMs`.
 */
export function createOpenChat(deps: {
  db: WritableDB;
  keepUpToDate: Pick<KeepUpToDate, 'follow'>;
  pollMs: number;
  now?: () => number;
}): (chatId: number | null) => { previousLook: number | null } {
  const now = deps.now ?? Date.now;
  let openChat: number | null = null;
  return (chatId) => {
    if (openChat !== null && openChat !== chatId) recordChatLooked(deps.db, openChat, now());
    let previousLook: number | null = null;
    if (chatId !== null) {
      previousLook = getChatSummary(deps.db, chatId).changesSinceLook?.since ?? null;
      recordChatLooked(deps.db, chatId, now());
    }
    openChat = chatId;
    deps.keepUpToDate.follow(chatId, deps.pollMs);
    // No event: the window that said so reads the list again when it leaves the chat (its counts reset).
    return { previousLook };
  };
}
