import type { WritableDB } from '../../electron/core/cache/CacheDatabase.ts';
import type { ChatRecord } from '../../electron/core/cache/chatQueries.ts';
import { storeHistoryRun } from '../../electron/core/cache/storeHistoryRun.ts';
import type { SourceMessage } from '../../electron/core/model/SourceMessage.ts';

/**
 * Stores one batch of a chat (its messages oldest first, each batch following the previous) as a download
 * paging newer from the chat's first message stores it: the first batch starts the chat, each next one is
 * a page newer than the last message stored, proving the stretch from there to its own newest message and
 * nothing before. Returns how many stored messages the run marked deleted at the source (0 when the
 * batches follow one another, as they do here).
 */
export function storeBatchAsPage(
  db: WritableDB,
  chat: ChatRecord,
  batch: SourceMessage[],
  previous: SourceMessage | null,
  totalCount?: number,
): number {
  const stored = storeHistoryRun(db, chat, {
    messages: batch,
    coverage: { from: previous ?? batch[0]!, to: batch[batch.length - 1]!, reachesOldest: previous === null },
    ...(previous ? { boundary: previous } : {}),
    ...(totalCount === undefined ? {} : { totalCount }),
  });
  return stored.deleted.length;
}
