import { useInfiniteQuery } from '@tanstack/react-query';
import type { HistoryAnchor, HistoryPage } from '../../../../shared/history.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { HISTORY_PAGE_SIZE, MAX_PAGES, type WindowTarget } from './historyWindow.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';

/**
 * One window of a chat's history as an infinite query: pages are keyset cursors in both directions, and at
 * most MAX_PAGES are kept (fetching past that drops the page at the far end), so memory stays bounded.
 */
export function useHistoryWindow(chatId: number, target: WindowTarget, windowKey: string, topicId: string | null = null) {
  return useInfiniteQuery({
    queryKey: queryKeys.history.window(chatId, topicId, windowKey),
    // Not cancellable: a page in flight is stored in the cache either way, so letting it finish is cheaper.
    queryFn: ({ pageParam }) => scrollback.getHistoryPage({ chatId, anchor: pageParam, limit: HISTORY_PAGE_SIZE, topicId }),
    // A window target is itself an anchor (latest, around a date, around a message).
    initialPageParam: target,
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
