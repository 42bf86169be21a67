import type { SearchHit, SearchKind } from '../../../../shared/search.ts';
import { formatCount } from '../../format/formatDates.ts';
import type { SearchResults } from './useSearchResults.ts';

export interface ExportedSearch {
  filter: { query: string; sender: string; kinds: SearchKind[] };
  from: number | null;
  to: number | null;
}

/** What the search is doing: a hint, "Searching…", or the position, the total, the order and Export. */
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
  const { searching, results, active, total, order, setOrder, filter } = search;
  return (
    <div className="search-status" role="status">
      {!searching ? (
        'Type words, pick dates, a sender or kinds.'
      ) : results.isPending ? (
        'Searching…'
      ) : (
        <>
          {active >= 0 && hits.length > 0 && (
            <span className="search-position" data-testid="search-position">
              {formatCount(active + 1)} of {formatCount(Math.max(total?.onComputer ?? 0, hits.length))}
            </span>
          )}
          <span data-testid="search-total">{totalText ?? 'Counting…'}</span>
          <button type="button" className="search-order" onClick={() => setOrder((o) => (o === 'newest' ? 'oldest' : 'newest'))}>
            {order === 'newest' ? 'Newest first' : 'Oldest first'}
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
              Export these results…
            </button>
          )}
        </>
      )}
    </div>
  );
}
