import type { DateSpanOfChat } from '../../../shared/search.ts';
import type { SearchCoverage, SearchCoverageSpan } from '../../../shared/searchCoverage.ts';

/** A part of the asked range that is not on this computer, and whether the source searched it. */
export interface UncoveredOutcome extends DateSpanOfChat {
  searched: boolean;
}

/**
 * One chat's asked range as the search model reads it (shared/searchCoverage.ts). Parts past the chat's newest
 * known message are not missing history (they are news the source is asked for), so they are left out; only a
 * failed ask for them is noted. Every place that says what was searched reads this layout.
 */
export function layOutSearchCoverage(args: {
  covered: readonly DateSpanOfChat[];
  uncovered: readonly UncoveredOutcome[];
  /** The newest message the chat is known to have (listed or stored); +Infinity when unknown. */
  newestKnown: number;
  sourceName: string;
  /** Why a span was not searched, when one was not. */
  unsearchedBecause: 'unreachable' | 'cannot search';
}): SearchCoverage {
  const spans: SearchCoverageSpan[] = args.covered.map((span) => ({ ...span, place: 'computer' }));
  let newerUnchecked = false;
  for (const span of args.uncovered) {
    if (span.from === null || span.from < args.newestKnown)
      spans.push({ from: span.from, to: Math.min(span.to, args.newestKnown), place: span.searched ? 'source' : 'unsearched' });
    if (span.to > args.newestKnown && !span.searched) newerUnchecked = true;
  }
  spans.sort((a, b) => (a.from ?? Number.NEGATIVE_INFINITY) - (b.from ?? Number.NEGATIVE_INFINITY));
  return {
    sourceName: args.sourceName,
    spans,
    unsearchedBecause: spans.some((span) => span.place === 'unsearched') ? args.unsearchedBecause : null,
    newerUnchecked,
  };
}
