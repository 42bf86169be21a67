import type { ChatMessage } from '../../../shared/domain.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import type { WritableDB } from '../cache/CacheDatabase.ts';
import { getChatRecord } from '../cache/chatQueries.ts';
import { selectMessagesByIds } from '../cache/messageQueries.ts';
import { storeHistoryRunWhenFree } from '../cache/storeHistoryRun.ts';
import type { Logger } from '../base/Logger.ts';
import type { HistorySource } from '../sources/HistorySource.ts';
import { translator } from '../i18n/createTranslator.ts';

/**
 * The originals of reply quotes in view: from the cache, and those it lacks asked of the source by id (one
 * request for all, at the window's priority, so a download in the background waits rather than the quote).
 * What the source returns is kept (it proves no stretch of history, so it marks nothing deleted). A source
 * that cannot fetch by id, or fails, leaves those quotes as they are: a quote is never worth an error.
 */
export async function fetchQuotedMessages(
  deps: { db: WritableDB; sourceFor(sourceId: string): HistorySource; logger: Logger },
  chatId: number,
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<ChatMessage[]> {
  const chat = getChatRecord(deps.db, chatId);
  const cached = selectMessagesByIds(deps.db, chatId, ids);
  const held = new Set(cached.map((message) => message.id));
  const missing = ids.filter((id) => !held.has(id));
  if (missing.length === 0) return cached;
  let source: HistorySource;
  try {
    source = deps.sourceFor(chat.sourceId);
  } catch {
    return cached;
  }
  if (!source.getMessagesByIds || source.holdsOnlyTheCache) return cached;
  try {
    const fetched = await source.getMessagesByIds({ key: chat.sourceKey, peer: chat.peer }, missing, signal);
    if (fetched.length === 0) return cached;
    await storeHistoryRunWhenFree(deps.db, chat, { messages: fetched, coverage: null }, signal);
  } catch (error) {
    if (signal?.aborted) throw new ScrollbackError('CANCELLED', translator()('error.history.quotesCancelled'));
    deps.logger.warn(`could not fetch ${missing.length} quoted messages of chat ${chatId}`, error);
    return cached;
  }
  return selectMessagesByIds(deps.db, chatId, ids);
}
