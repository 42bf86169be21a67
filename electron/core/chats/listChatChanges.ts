import type { ArchiveChange } from '../../../shared/ipc/contract.ts';
import type { ReadableDB } from '../cache/CacheDatabase.ts';
import { getChatSummary } from '../cache/chatQueries.ts';
import { selectChangesSince } from '../cache/messageQueries.ts';
import { chatNamesOf } from '../cache/searchQueries.ts';

/** What changed after `since` in a chat (or all chats, chatId null), newest first, each with its chat's name. */
export function listChatChanges(db: ReadableDB, chatId: number | null, since: number, limit: number): ArchiveChange[] {
  if (chatId !== null) getChatSummary(db, chatId);
  const changes = selectChangesSince(db, chatId, since, limit);
  const names = chatNamesOf(
    db,
    changes.map((change) => change.chatId),
  );
  return changes.map((change) => ({ ...change, chatName: names.get(change.chatId) ?? '' }));
}
