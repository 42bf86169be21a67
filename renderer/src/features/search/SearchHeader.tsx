/** This chat / All chats, the filters' fold (a short window folds them away; see app.css) and Close. */
export function SearchHeader({
  scope,
  chatOpen,
  onScopeChange,
  filtersOpen,
  onToggleFilters,
  onClose,
}: {
  scope: 'chat' | 'all';
  chatOpen: boolean;
  onScopeChange(scope: 'chat' | 'all'): void;
  filtersOpen: boolean;
  onToggleFilters(): void;
  onClose(): void;
}) {
  return (
    <div className="search-header">
      <div className="search-scope" role="radiogroup" aria-label="Search in">
        <button
          type="button"
          role="radio"
          aria-checked={scope === 'chat'}
          className={scope === 'chat' ? 'on' : ''}
          disabled={!chatOpen}
          onClick={() => onScopeChange('chat')}
          data-testid="search-scope-chat"
        >
          This chat
        </button>
        <button
          type="button"
          role="radio"
          aria-checked={scope === 'all'}
          className={scope === 'all' ? 'on' : ''}
          onClick={() => onScopeChange('all')}
        >
          All chats
        </button>
      </div>
      <button
        type="button"
        className="search-filters-toggle"
        aria-expanded={filtersOpen}
        onClick={onToggleFilters}
        data-testid="search-filters-toggle"
      >
        Filters {filtersOpen ? '▴' : '▾'}
      </button>
      <button type="button" className="search-close" onClick={onClose} aria-label="Close search">
        ✕
      </button>
    </div>
  );
}
