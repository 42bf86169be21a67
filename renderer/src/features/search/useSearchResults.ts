import { useEffect, useMemo, useState } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { SearchFilter } from '../../../../shared/search.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { filterFromForm, hasCriteria, type SearchForm } from './searchForm.ts';
import { useDebounced } from './useDebounced.ts';

const PAGE = 50;

/** The results of the form's filter, page by page, and their total (asked once the first page is in). */
export function useSearchResults(form: SearchForm, chatId: number | null, earlierVersions: boolean) {
  const [order, setOrder] = useState<'newest' | 'oldest'>('newest');
  // Debounce the filter's JSON (compared by value): a fresh object each render would restart the timer
  // and set state forever.
  const filterKey = useDebounced(
    JSON.stringify({ ...filterFromForm(form, chatId), ...(earlierVersions ? { earlierVersions: true } : {}) }),
    200,
  );
  const filter = useMemo(() => JSON.parse(filterKey) as SearchFilter, [filterKey]);
  const searching = hasCriteria(filter);
  const results = useInfiniteQuery({
    queryKey: queryKeys.search.results(filterKey, order),
    // The signal: a search superseded by new typing stops in main too (at the source as well).
    queryFn: ({ pageParam, signal }) => scrollback.searchMessages({ ...filter, order, limit: PAGE, cursor: pageParam }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: searching,
    gcTime: 0,
  });
  // The total is asked for once the first results are in, so they never wait behind a long count; a count
  // superseded by new typing is cancelled in main (the signal), not left running.
  const total = useQuery({
    queryKey: queryKeys.search.count(filterKey),
    queryFn: ({ signal }) => scrollback.countSearchMatches(filter, { signal }),
    enabled: searching && results.isSuccess,
    gcTime: 0,
  });
  const hits = useMemo(() => results.data?.pages.flatMap((page) => page.hits) ?? [], [results.data]);
  const [active, setActive] = useState(-1);
  useEffect(() => setActive(-1), [filterKey, order]);
  return { filter, searching, results, total: total.data, hits, order, setOrder, active, setActive };
}

export type SearchResults = ReturnType<typeof useSearchResults>;
