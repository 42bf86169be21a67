import { useInfiniteQuery } from '@tanstack/react-query';
import type { HistoryAnchor, HistoryPage } from '../../../../shared/history.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { HISTORY_PAGE_SIZE, MAX_PAGES, anchorFor, type WindowTarget } from './historyWindow.ts';

/**
 * One window of a chat's history as an infinite query: pages are keyset cursors in both directions, and at
 * most MAX_PAGES are kept (fetching past that drops the page at the far end), so memory stays bounded.
 */
export function useHistoryWindow(chatId: number, target: WindowTarget, windowKey: string) {
  return useInfiniteQuery({
    queryKey: ['history', chatId, windowKey],
    queryFn: ({ pageParam, signal }) => {
      void signal;
      return scrollback.getHistoryPage({ chatId, anchor: pageParam, limit: HISTORY_PAGE_SIZE });
    },
    initialPageParam: anchorFor(target) as HistoryAnchor,
    getPreviousPageParam: (first: HistoryPage): HistoryAnchor | undefined =>
      first.reachedOldest || !first.olderCursor ? undefined : { kind: 'before', cursor: first.olderCursor },
    getNextPageParam: (last: HistoryPage): HistoryAnchor | undefined =>
      last.reachedNewest || !last.newerCursor ? undefined : { kind: 'after', cursor: last.newerCursor },
    maxPages: MAX_PAGES,
    staleTime: Number.POSITIVE_INFINITY,
    // A window lives as long as its view: reopening a chat asks the engine again (sub-millisecond from
    // the cache), which also learns whether the source is reachable now.
    gcTime: 0,
  });
}
