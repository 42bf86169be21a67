/** A search text compiled for the cache: folded terms and the trigram query that narrows candidates. */
export interface CompiledQuery {
  /** Folded terms; every one must appear in the folded text. */
  terms: string[];
  /** An FTS5 query selecting a superset of the matches (an AND of trigrams), or null when no term is long enough. */
  trigramQuery: string | null;
}
