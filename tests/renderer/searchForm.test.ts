import { describe, expect, it } from 'vitest';
import { emptySearchForm, filterFromForm, hasCriteria, steppedIndex } from '../../renderer/src/features/search/searchForm.ts';
import { kindChipsIn, withKindChips } from '../../renderer/src/features/search/kindTokens.ts';
import { parseSearchQuery } from '../../shared/searchQuery.ts';

describe('search form', () => {
  it('turns the fields into a filter: trimmed text, whole local days inclusive, the chat only when searching it', () => {
    const filter = filterFromForm({ ...emptySearchForm, query: '  the train from:Ana ', fromDay: '2021-03-01', toDay: '2021-03-31' }, 7);
    expect(filter).toMatchObject({ chatId: 7, query: 'the train from:Ana', sender: '', kinds: [] });
    expect(filter.from).toBe(new Date(2021, 2, 1).getTime());
    expect(filter.to).toBe(new Date(2021, 3, 1).getTime());
    expect(filterFromForm(emptySearchForm, null)).toEqual({ chatId: null, from: null, to: null, query: '', sender: '', kinds: [] });
  });

  it('searches only with a criterion', () => {
    expect(hasCriteria(filterFromForm(emptySearchForm, 1))).toBe(false);
    expect(hasCriteria(filterFromForm({ ...emptySearchForm, query: '   ' }, 1))).toBe(false);
    expect(hasCriteria(filterFromForm({ ...emptySearchForm, query: 'has:photo' }, 1))).toBe(true);
    expect(hasCriteria(filterFromForm({ ...emptySearchForm, toDay: '2020-01-01' }, 1))).toBe(true);
  });

  it('toggles kinds as tokens in the box and steps through results within the list', () => {
    const both = withKindChips('train', ['video', 'photo']);
    expect(both).toBe('train (has:photo OR has:video)');
    expect(kindChipsIn(parseSearchQuery(both).root)).toEqual(['photo', 'video']);
    expect(withKindChips(both, ['video'])).toBe('train has:video');
    expect(withKindChips('train is:service -has:link', [])).toBe('train -has:link');
    expect(steppedIndex(-1, 3, false)).toBe(0);
    expect(steppedIndex(2, 3, false)).toBe(2);
    expect(steppedIndex(0, 3, true)).toBe(0);
    expect(steppedIndex(2, 3, true)).toBe(1);
    expect(steppedIndex(-1, 0, false)).toBe(-1);
  });
});
