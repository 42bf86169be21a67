import { useT } from '../../i18n/translate.ts';

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
  const t = useT();
  return (
    <div className="search-header">
      <div className="search-scope" role="radiogroup" aria-label={t('search.scope.label')}>
        <button
          type="button"
          role="radio"
          aria-checked={scope === 'chat'}
          className={scope === 'chat' ? 'on' : ''}
          disabled={!chatOpen}
          onClick={() => onScopeChange('chat')}
          data-testid="search-scope-chat"
        >
          {t('search.scope.chat')}
        </button>
        <button
          type="button"
          role="radio"
          aria-checked={scope === 'all'}
          className={scope === 'all' ? 'on' : ''}
          onClick={() => onScopeChange('all')}
        >
          {t('search.scope.all')}
        </button>
      </div>
      <button
        type="button"
        className="search-filters-toggle"
        aria-expanded={filtersOpen}
        onClick={onToggleFilters}
        data-testid="search-filters-toggle"
      >
        {t('search.filters.toggle')} {filtersOpen ? '▴' : '▾'}
      </button>
      <button type="button" className="search-close" onClick={onClose} aria-label={t('search.close')}>
        ✕
      </button>
    </div>
  );
}
