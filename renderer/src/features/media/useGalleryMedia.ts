import { useEffect, useMemo, useRef } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { IpcInput } from '../../../../shared/ipc/contract.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { GALLERY_TILE as TILE, galleryRowsOf } from './galleryRows.ts';

export type GalleryTab = IpcInput<'listChatMedia'>['tab'];
const PAGE = 120;

/** One tab of a chat's media, paged from this computer's cache as the virtualized rows near the end. */
export function useGalleryMedia(chatId: number, tab: GalleryTab) {
  const scroller = useRef<HTMLDivElement | null>(null);
  const query = useInfiniteQuery({
    queryKey: queryKeys.media.gallery(chatId, tab),
    queryFn: ({ pageParam, signal }) => scrollback.listChatMedia({ chatId, tab, cursor: pageParam, limit: PAGE }, { signal }),
    initialPageParam: null as IpcInput<'listChatMedia'>['cursor'],
    getNextPageParam: (last) => last.nextCursor,
  });
  const messages = useMemo(() => query.data?.pages.flatMap((page) => page.messages) ?? [], [query.data]);
  const total = query.data?.pages[0]?.totalOnComputer ?? null;
  const perRow = Math.max(1, Math.floor(((scroller.current?.clientWidth ?? 600) - 16) / (TILE + 4)));
  const rows = useMemo(() => galleryRowsOf(messages, tab === 'visual', perRow), [messages, tab, perRow]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (rows[index]!.kind === 'month' ? 32 : rows[index]!.kind === 'tiles' ? TILE + 4 : tab === 'links' ? 56 : 52),
    overscan: 4,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  // Near the end of what is loaded: the next page (an effect, not during render).
  useEffect(() => {
    if (lastIndex >= rows.length - 3 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);
  return { scroller, query, messages, total, rows, virtualizer };
}
