import type { SearchFormState } from './useSearchForm.ts';
import { useT } from '../../i18n/translate.ts';

/** The search box, the senders a typed `from:` may mean, and how the query is read when it has operators. */
export function SearchQueryBox({ form }: { form: SearchFormState }) {
  const { queryRef, form: fields, setField, senderSuggestions, chooseSender, readAs, notes } = form;
  const setQuery = setField('query');
  const t = useT();
  return (
    <>
      <input
        ref={queryRef}
        className="search-query"
        type="search"
        placeholder={t('search.query.placeholder')}
        aria-label={t('search.query.label')}
        value={fields.query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="search-query"
      />
      {senderSuggestions.length > 0 && (
        <div className="search-suggestions" role="listbox" aria-label={t('search.query.senders')} data-testid="search-sender-suggestions">
          {senderSuggestions.map((name) => (
            <button key={name} type="button" role="option" aria-selected={false} onClick={() => chooseSender(name)} dir="auto">
              {name}
            </button>
          ))}
        </div>
      )}
      {readAs && (
        <div className="search-read-as" data-testid="search-read-as">
          {t('search.read.sentence', { reading: readAs })}
          {notes.map((note) => (
            <div key={note} className="search-note">
              {note}
            </div>
          ))}
        </div>
      )}
    </>
  );
}
