import { useQuery } from '@tanstack/react-query';
import type { ForumTopic } from '../../../../shared/domain.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';

/** A forum's topics (none for other chats), and their titles by id for labelling messages. */
export function useTopics(chatId: number, forum: boolean): { topics: ForumTopic[]; titles: ReadonlyMap<string, string> } {
  const query = useQuery({
    queryKey: queryKeys.topics(chatId),
    queryFn: ({ signal }) => scrollback.listTopics({ chatId }, { signal }),
    enabled: forum,
    staleTime: 60_000,
  });
  const topics = query.data ?? [];
  return { topics, titles: new Map(topics.map((topic) => [topic.id, topic.title])) };
}
