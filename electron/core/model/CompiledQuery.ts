import type { QueryNode, SearchQueryNote } from '../../../shared/searchQuery.ts';

/** A search text compiled once per request: the parsed query and what is derived from it. */
export interface CompiledQuery {
  /** The parsed query; null when nothing was typed. */
  root: QueryNode | null;
  /** How unusual parts were read (shown under the search box). */
  notes: SearchQueryNote[];
  /** Folded text a match contains (not under a `-`), for highlighting. */
  terms: string[];
  /**
   * Words for a source's own search (Telegram's messages.search), when every match must contain all of them
   * and nothing else narrows it that the source could not check; '' when the source should list history.
   */
  sourceWords: string;
}
