import type { ForumTopic } from '../../../shared/domain.ts';
import { ScrollbackError } from '../../../shared/errors.ts';
import { getChatRecord, getChatSummary } from '../cache/chatQueries.ts';
import { listTopics, upsertTopics } from '../cache/topicQueries.ts';
import type { ChatDeps } from './ChatDeps.ts';
import { translator } from '../i18n/createTranslator.ts';

/** A forum's topics: the source's list stored first where it has one (Telegram), then what is kept here. */
export async function listChatTopics(
  deps: Pick<ChatDeps, 'db' | 'sourceFor' | 'logger'>,
  chatId: number,
  signal?: AbortSignal,
): Promise<ForumTopic[]> {
  const { db } = deps;
  const chat = getChatRecord(db, chatId);
  if (getChatSummary(db, chatId).forum) {
    try {
      const source = deps.sourceFor(chat.sourceId);
      const listed =
        source.listTopics && !source.holdsOnlyTheCache ? await source.listTopics({ key: chat.sourceKey, peer: chat.peer }, signal) : [];
      upsertTopics(db, chatId, listed);
    } catch (error) {
      if (signal?.aborted) throw new ScrollbackError('CANCELLED', translator()('error.topics.cancelled'));
      // Offline or refused: the topics kept here are listed.
      deps.logger.warn(`could not list the topics of chat ${chatId}`, error);
    }
  }
  return listTopics(db, chatId);
}
