import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { ChatMessage } from '../../../../shared/domain.ts';
import type { HistoryPage } from '../../../../shared/history.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';

/**
 * Puts messages read again (edited, deleted at the source, restored) in place in every loaded window of
 * their chat: the rows keep their places, only their content changes, so nothing around them moves.
 */
export function replaceChangedMessages(client: QueryClient, chatId: number, messages: readonly ChatMessage[]): void {
  if (messages.length === 0) return;
  const byId = new Map(messages.map((message) => [message.id, message]));
  client.setQueriesData<InfiniteData<HistoryPage>>({ queryKey: queryKeys.history.chat(chatId) }, (data) => {
    if (!data) return data;
    let changed = false;
    const pages = data.pages.map((page) => {
      if (!page.messages.some((message) => byId.has(message.id))) return page;
      changed = true;
      return { ...page, messages: page.messages.map((message) => byId.get(message.id) ?? message) };
    });
    return changed ? { ...data, pages } : data;
  });
}
