import { useEffect, useRef, useState } from 'react';
import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { Virtualizer } from '@tanstack/react-virtual';
import type { ChatMessage } from '../../../../shared/domain.ts';
import type { HistoryPage } from '../../../../shared/history.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { useNewMessagesArrived } from '../live/newMessagesArrived.ts';
import { useNewerCount } from './useNewerCount.ts';

/**
 * Whether the reader is away from the latest message, and what the jump-to-latest button says: new
 * messages stored while this window is open (pushed updates, a refresh) make a window that reaches the
 * newest message page on to them (from the cache, no request); the reader at the bottom follows them, one
 * scrolled up keeps their place and sees how many arrived.
 */
export function useFollowLatest(
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  window: { chatId: number; topicId: string | null; windowKey: string; messages: readonly ChatMessage[] },
  query: { hasNextPage: boolean; fetchNextPage(): Promise<unknown> },
  /** Told of the messages that arrived while the reader was at the bottom (for the live region). */
  onArrivedAtLatest?: (messages: readonly ChatMessage[]) => void,
) {
  const { chatId, topicId, windowKey, messages } = window;
  const { hasNextPage, fetchNextPage } = query;
  const queryClient = useQueryClient();
  const scrollOffset = virtualizer.scrollOffset ?? 0;
  const viewportHeight = virtualizer.scrollRect?.height ?? 0;
  const awayFromLatest = hasNextPage || virtualizer.getTotalSize() - (scrollOffset + viewportHeight) > 400;

  const [arrivedAway, setArrivedAway] = useState(0);
  const awayRef = useRef(awayFromLatest);
  awayRef.current = awayFromLatest;
  useNewMessagesArrived(chatId, (added) => {
    const wasAway = awayRef.current;
    if (wasAway) setArrivedAway((count) => count + added);
    if (hasNextPage) return;
    queryClient.setQueryData<InfiniteData<HistoryPage>>(queryKeys.history.window(chatId, topicId, windowKey), (data) => {
      if (!data || data.pages.length === 0) return data;
      const last = data.pages.length - 1;
      return { ...data, pages: data.pages.map((page, index) => (index === last ? { ...page, reachedNewest: false } : page)) };
    });
    void fetchNextPage().then(() => {
      if (wasAway) return;
      requestAnimationFrame(() => virtualizer.scrollToEnd());
      const pages = queryClient.getQueryData<InfiniteData<HistoryPage>>(queryKeys.history.window(chatId, topicId, windowKey))?.pages;
      onArrivedAtLatest?.(pages?.at(-1)?.messages.slice(-added) ?? []);
    });
  });
  // The count is of this window: back at the latest, or another chat or a jump (a new window), it starts again.
  useEffect(() => {
    if (!awayFromLatest) setArrivedAway(0);
  }, [awayFromLatest]);
  useEffect(() => setArrivedAway(0), [chatId, windowKey]);
  // How many messages are newer than the bottom one in view (on this computer), for the jump-to-latest button.
  const bottomItem = virtualizer.getVirtualItems().findLast((item) => item.start < scrollOffset + viewportHeight);
  const newer = useNewerCount(chatId, awayFromLatest ? (messages[bottomItem?.index ?? -1]?.date ?? null) : null);
  return { awayFromLatest, arrivedAway, newer };
}
