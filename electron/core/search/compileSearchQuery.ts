import { foldForSearch } from '../text/foldForSearch.ts';
import type { CompiledQuery } from '../model/CompiledQuery.ts';

export type { CompiledQuery };

/** At most this many trigrams go to the index: any subset still selects a superset, and fewer lists are faster. */
const MAX_TRIGRAMS = 10;

/**
 * Turns what a person typed into folded terms (split on white space) and the trigram query that narrows
 * candidates. Terms of fewer than three characters cannot use the trigram index and are checked on the text.
 */
export function compileSearchQuery(query: string): CompiledQuery {
  const terms = [
    ...new Set(
      foldForSearch(query)
        .split(/\s+/u)
        .filter((term) => term.length > 0),
    ),
  ];
  const trigrams = new Set<string>();
  for (const term of terms) {
    const characters = Array.from(term);
    for (let i = 0; i + 3 <= characters.length; i++) trigrams.add(characters.slice(i, i + 3).join(''));
  }
  const all = [...trigrams];
  // Keep an even spread of the trigrams when there are too many (long queries).
  const chosen =
    all.length <= MAX_TRIGRAMS ? all : Array.from({ length: MAX_TRIGRAMS }, (_, i) => all[Math.floor((i * all.length) / MAX_TRIGRAMS)]!);
  return {
    terms,
    trigramQuery: chosen.length === 0 ? null : chosen.map((trigram) => `"${trigram.replace(/"/g, '""')}"`).join(' AND '),
  };
}

/** Where each term occurs in `text`, as [start, end) ranges of the original (UTF-16) string, merged. */
export function highlightRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  if (terms.length === 0 || text === '') return [];
  // Fold one code point at a time, remembering where each folded unit came from.
  let folded = '';
  const origin: number[] = [];
  for (let index = 0; index < text.length;) {
    const codePoint = text.codePointAt(index)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const piece = foldForSearch(String.fromCodePoint(codePoint));
    for (let k = 0; k < piece.length; k++) origin.push(index);
    folded += piece;
    index += width;
  }
  origin.push(text.length);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length)) {
      const start = origin[at]!;
      const lastUnit = origin[at + term.length - 1]!;
      const end = lastUnit + (text.codePointAt(lastUnit)! > 0xffff ? 2 : 1);
      ranges.push([start, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
