import type { SearchFilter } from '../../../../shared/search.ts';
import { endOf, startOf } from './searchDates.ts';

/**
 * What the search panel's fields hold, as typed. The sender field and kind chips are views of the query's
 * tokens (kindTokens.ts, withTopLevelTerms), so only the text and the dates are fields of their own.
 */
export interface SearchForm {
  query: string;
  fromDay: string;
  fromTime: string;
  toDay: string;
  toTime: string;
}

export const emptySearchForm: SearchForm = { query: '', fromDay: '', fromTime: '', toDay: '', toTime: '' };

/** The filter the fields say: whole local days (inclusive), trimmed text, the chat only in "This chat". */
export function filterFromForm(form: SearchForm, chatId: number | null): SearchFilter {
  return {
    chatId,
    from: startOf(form.fromDay, form.fromTime),
    to: endOf(form.toDay, form.toTime),
    query: form.query.trim(),
    sender: '',
    kinds: [],
  };
}

/** A filter with nothing in it lists nothing (rather than every message). */
export function hasCriteria(filter: SearchFilter): boolean {
  return filter.query !== '' || filter.sender !== '' || filter.kinds.length > 0 || filter.from !== null || filter.to !== null;
}

/** Enter / Shift+Enter: the next or previous result from the active one, within the list. */
export function steppedIndex(active: number, count: number, backwards: boolean): number {
  if (count === 0) return -1;
  return backwards ? Math.max(0, active - 1) : Math.min(count - 1, active + 1);
}
