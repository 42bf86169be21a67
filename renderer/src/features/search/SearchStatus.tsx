import type { SearchHit, SearchKind } from '../../../../shared/search.ts';
import { useT } from '../../i18n/translate.ts';
import type { SearchResults } from './useSearchResults.ts';

export interface ExportedSearch {
  filter: { query: string; sender: string; kinds: SearchKind[] };
  from: number | null;
  to: number | null;
}

/**
 * What the search is doing: a hint, "Searching…", or the position, the total, the order and Export. The count
 * is announced politely by its own live region (below), not by this row of buttons.
 */
export function SearchStatus({
  search,
  hits,
  totalText,
  onExport,
}: {
  search: SearchResults;
  hits: readonly SearchHit[];
  /** The total line of the search model (shared/searchCoverage.ts); null while counting. */
  totalText: string | null;
  /** Set when the search is of one chat: "Export these results…". */
  onExport: ((search: ExportedSearch) => void) | null;
}) {
  const t = useT();
  const { searching, results, active, total, order, setOrder, filter } = search;
  return (
    <div className="search-status">
      {!searching ? (
        t('search.status.hint')
      ) : results.isPending ? (
        t('search.status.searching')
      ) : (
        <>
          {active >= 0 && hits.length > 0 && (
            <span className="search-position" data-testid="search-position">
              {t('search.status.position', { position: active + 1, count: Math.max(total?.onComputer ?? 0, hits.length) })}
            </span>
          )}
          <span data-testid="search-total">{totalText ?? t('search.status.counting')}</span>
          <button type="button" className="search-order" onClick={() => setOrder((o) => (o === 'newest' ? 'oldest' : 'newest'))}>
            {t('search.status.order', { order })}
          </button>
          {onExport && (
            <button
              type="button"
              className="search-order"
              data-testid="search-export"
              onClick={() =>
                onExport({ filter: { query: filter.query, sender: filter.sender, kinds: filter.kinds }, from: filter.from, to: filter.to })
              }
            >
              {t('search.status.export')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

/**
 * Says the result of a search once it is in, politely (a screen reader finishes what it was saying first):
 * "114 messages found", "No messages match". Only the first page counts: paging on says nothing.
 */
export function SearchAnnouncement({ search, hits }: { search: SearchResults; hits: readonly SearchHit[] }) {
  const t = useT();
  const { searching, results, total } = search;
  let text = '';
  // Once: when nothing was found, or when the total is in (not first the page's length, then the total).
  if (searching && results.isSuccess)
    if (hits.length === 0) text = t('search.results.none');
    else if (total) text = t('search.announce.found', { count: Math.max(total.onComputer, hits.length) });
  return (
    <div className="history-sr-only" role="status" aria-live="polite" data-testid="search-announcement">
      {text}
    </div>
  );
}
