import { parseSearchQuery, type QueryNode } from '../../../shared/searchQuery.ts';
import { foldForSearch } from '../text/foldForSearch.ts';
import type { CompiledQuery } from '../model/CompiledQuery.ts';

export type { CompiledQuery };

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Text a match must contain somewhere (positive text, not under a NOT); OR branches included for highlighting. */
function positiveTerms(node: QueryNode | null, into: Set<string>): Set<string> {
  if (!node) return into;
  if (node.type === 'text') {
    const term = foldForSearch(node.value);
    if (term !== '') into.add(term);
  } else if (node.type === 'and' || node.type === 'or') for (const child of node.children) positiveTerms(child, into);
  return into;
}

/** The top-level words every match contains, for a source whose search matches words (an OR would need two searches). */
function requiredWords(root: QueryNode | null): string {
  if (!root) return '';
  const conjuncts = root.type === 'and' ? root.children : [root];
  return conjuncts
    .filter((node): node is Extract<QueryNode, { type: 'text' }> => node.type === 'text')
    .map((node) => node.value.trim())
    .join(' ');
}

/** Parses what a person typed once; the cache plans its SQL from `root`, sources and highlighting use the rest. */
export function compileSearchQuery(query: string): CompiledQuery {
  const { root, notes } = parseSearchQuery(query);
  return { root, notes, terms: [...positiveTerms(root, new Set())], sourceWords: requiredWords(root) };
}

/** Where each term occurs in `text`, as [start, end) ranges of the original (UTF-16) string, merged. */
export function highlightRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  if (terms.length === 0 || text === '') return [];
  const ranges: Array<[number, number]> = [];
  if (ASCII_ONLY.test(text)) {
    // ASCII folds unit for unit (lower case), so a match's place in the folded text is its place in the text.
    const folded = text.toLowerCase();
    for (const term of terms)
      for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length)) ranges.push([at, at + term.length]);
    return mergedRanges(ranges);
  }
  // Fold one code point at a time, remembering where each folded unit came from.
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  // A string iterates by code point: a surrogate pair is one character of length 2.
  for (const character of text) {
    // ASCII folds to its lower case; only other characters need the whole folding.
    const piece = character.charCodeAt(0) < 0x80 ? character.toLowerCase() : foldForSearch(character);
    for (let k = 0; k < piece.length; k++) origin.push(index);
    folded += piece;
    index += character.length;
  }
  origin.push(text.length);
  for (const term of terms) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length)) {
      // origin has one entry per folded unit (and one past the end), so both lookups are inside it.
      const start = origin[at];
      const lastUnit = origin[at + term.length - 1];
      if (start === undefined || lastUnit === undefined) continue;
      const end = lastUnit + ((text.codePointAt(lastUnit) ?? 0) > 0xffff ? 2 : 1);
      ranges.push([start, end]);
    }
  }
  return mergedRanges(ranges);
}

function mergedRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
