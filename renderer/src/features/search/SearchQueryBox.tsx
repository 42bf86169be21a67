import type { SearchFormState } from './useSearchForm.ts';

/** The search box, the senders a typed `from:` may mean, and how the query is read when it has operators. */
export function SearchQueryBox({ form }: { form: SearchFormState }) {
  const { queryRef, form: fields, setField, senderSuggestions, chooseSender, readAs, notes } = form;
  const setQuery = setField('query');
  return (
    <>
      <input
        ref={queryRef}
        className="search-query"
        type="search"
        placeholder='Words, "phrases", -not, OR, from:, has:photo, before:2021…'
        aria-label="Search text"
        value={fields.query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="search-query"
      />
      {senderSuggestions.length > 0 && (
        <div className="search-suggestions" role="listbox" aria-label="Senders" data-testid="search-sender-suggestions">
          {senderSuggestions.map((name) => (
            <button key={name} type="button" role="option" aria-selected={false} onClick={() => chooseSender(name)} dir="auto">
              {name}
            </button>
          ))}
        </div>
      )}
      {readAs && (
        <div className="search-read-as" data-testid="search-read-as">
          Searching for {readAs}.
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
