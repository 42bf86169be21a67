import { useEffect } from 'react';
import { edgeToLoad } from './historyKeys.ts';

/** Rows from the edge at which the next page is requested. */
const LOAD_THRESHOLD_ROWS = 10;

/** Loads the page beyond whichever edge the visible rows come near (see edgeToLoad). */
export function useEdgePaging(
  query: {
    isFetching: boolean;
    hasPreviousPage: boolean;
    hasNextPage: boolean;
    isFetchPreviousPageError: boolean;
    isFetchNextPageError: boolean;
    fetchPreviousPage(): Promise<unknown>;
    fetchNextPage(): Promise<unknown>;
  },
  view: { ready: boolean; count: number; firstVisible: number; lastVisible: number },
): void {
  const { isFetching, hasPreviousPage, hasNextPage, isFetchPreviousPageError, isFetchNextPageError, fetchPreviousPage, fetchNextPage } =
    query;
  const { ready, count, firstVisible, lastVisible } = view;
  useEffect(() => {
    const edge = edgeToLoad({
      ready,
      fetching: isFetching,
      count,
      firstVisible,
      lastVisible,
      hasPrevious: hasPreviousPage,
      hasNext: hasNextPage,
      previousFailed: isFetchPreviousPageError,
      nextFailed: isFetchNextPageError,
      threshold: LOAD_THRESHOLD_ROWS,
    });
    if (edge === 'previous') void fetchPreviousPage();
    else if (edge === 'next') void fetchNextPage();
  }, [
    ready,
    isFetching,
    count,
    firstVisible,
    lastVisible,
    hasPreviousPage,
    hasNextPage,
    isFetchPreviousPageError,
    isFetchNextPageError,
    fetchPreviousPage,
    fetchNextPage,
  ]);
}
