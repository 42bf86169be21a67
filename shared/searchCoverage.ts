import type { SearchedSource } from './search.ts';
import type { Translate } from './i18n/locales.ts';

/**
 * The one model of what a search covered. The total line, the "searched where" line and the offer to download
 * the rest are all read from it by `describeSearchOutcome`, so they cannot disagree.
 */

/** Where one part of a one-chat search's range was searched. */
export type SearchCoveragePlace =
  /** On this computer, searched here. */
  | 'computer'
  /** Not on this computer; searched at the chat's source (what it found is kept here now). */
  | 'source'
  /** Not on this computer and not searched (the source could not be reached, or cannot search). */
  | 'unsearched';

export interface SearchCoverageSpan {
  /** Null: from the chat's beginning. */
  from: number | null;
  /** Inclusive, epoch ms. */
  to: number;
  place: SearchCoveragePlace;
}

/**
 * A one-chat search's range laid out by place, oldest first, spans not overlapping. Only the chat's known
 * history is in it: what may have arrived after its newest known message is news a search asks the source
 * for, not history missing here (`newerUnchecked` says when that ask failed).
 */
export interface SearchCoverage {
  /** The chat's source, as a result names it ("Telegram", "the demo archive"). */
  sourceName: string;
  spans: SearchCoverageSpan[];
  /** Why the `unsearched` spans were not searched; null when there are none. */
  unsearchedBecause: 'unreachable' | 'cannot search' | null;
  /** Messages newer than the newest known one were looked for at the source, which could not be reached. */
  newerUnchecked: boolean;
}

/** The parts of the range that are not on this computer, in order (searched at the source or not). */
export function missingSpans(coverage: SearchCoverage): SearchCoverageSpan[] {
  return coverage.spans.filter((span) => span.place !== 'computer');
}

/** The counts a total line says; the core's SearchTotal is one. */
export interface SearchCounts {
  onComputer: number;
  atSource: { count: number; sourceName: string; scope: 'chat' | 'all chats' } | null;
}

/** What a finished search page tells about where it searched; the core's SearchPage is one. */
export interface SearchOutcomeInput {
  /** One chat: its layout. Null for an all-chats search. */
  coverage: SearchCoverage | null;
  /** All chats: how each source was searched. */
  sources: readonly SearchedSource[];
  /** Something could not be searched because its source could not be reached. */
  incomplete: boolean;
}

export interface SearchOutcomeText {
  /** "114 on this computer · about 41,200 in the whole chat at Telegram"; null while counting. */
  total: string | null;
  /** "Not on this computer: Mar 2019 – Oct 2026, searched at the demo archive"; null when nothing to say. */
  where: string | null;
  /** Offer "download the rest of this chat": only when part of the range is not on this computer. */
  offerDownload: boolean;
}

/** Month number since year 0 in local time: months are the unit ranges are named in. */
function monthIndex(epochMs: number): number {
  const date = new Date(epochMs);
  return date.getFullYear() * 12 + date.getMonth();
}

interface MonthRun {
  /** Null: from the chat's beginning. */
  first: number | null;
  last: number;
}

/** Spans as runs of months, those that overlap or touch merged: how a person names a date range. */
export function monthRunsOf(spans: ReadonlyArray<{ from: number | null; to: number }>): MonthRun[] {
  const runs = spans
    .map((span) => ({ first: span.from === null ? null : monthIndex(span.from), last: monthIndex(span.to) }))
    .sort((a, b) => (a.first ?? Number.NEGATIVE_INFINITY) - (b.first ?? Number.NEGATIVE_INFINITY));
  const merged: MonthRun[] = [];
  for (const run of runs) {
    const previous = merged.at(-1);
    if (previous && (run.first === null || run.first <= previous.last + 1)) previous.last = Math.max(previous.last, run.last);
    else merged.push({ ...run });
  }
  return merged;
}

/** "Mar 2019", "Mar 2019 – Oct 2026", "up to Oct 2026", months named in the locale's words. */
export function describeMonthRun(run: MonthRun, t: Translate, locale?: string): string {
  const format = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric' });
  const name = (month: number) => format.format(new Date(Math.floor(month / 12), month % 12, 1));
  if (run.first === null) return t('search.range.upTo', { month: name(run.last) });
  return run.first === run.last ? name(run.first) : t('search.range.span', { from: name(run.first), to: name(run.last) });
}

function describeRanges(spans: readonly SearchCoverageSpan[], t: Translate, locale?: string): string {
  return monthRunsOf(spans)
    .map((run) => describeMonthRun(run, t, locale))
    .join(t('search.list.separator'));
}

function describeTotal(counts: SearchCounts, t: Translate): string {
  const { onComputer, atSource } = counts;
  if (!atSource) return t('search.total.local', { onComputer });
  return t(atSource.scope === 'chat' ? 'search.total.wholeChat' : 'search.total.allChats', {
    onComputer,
    atSource: atSource.count,
    source: atSource.sourceName,
  });
}

/** "Telegram (Ana): searched there too · WhatsApp: only what is on this computer (RyzeAPI cannot search all chats)". */
function describeSources(sources: readonly SearchedSource[], t: Translate): string {
  return sources
    .map((source) =>
      source.where === 'source'
        ? t('search.sources.there', { source: source.sourceName })
        : source.reason
          ? t('search.sources.localBecause', { source: source.sourceName, reason: source.reason })
          : t('search.sources.local', { source: source.sourceName }),
    )
    .join(' · ');
}

function describeCoverage(coverage: SearchCoverage, t: Translate, locale?: string): string {
  const { sourceName: source } = coverage;
  const atSource = coverage.spans.filter((span) => span.place === 'source');
  const unsearched = coverage.spans.filter((span) => span.place === 'unsearched');
  const parts: string[] = [];
  if (atSource.length > 0) parts.push(t('search.where.atSource', { ranges: describeRanges(atSource, t, locale), source }));
  if (unsearched.length > 0)
    parts.push(
      t(coverage.unsearchedBecause === 'cannot search' ? 'search.where.cannotSearch' : 'search.where.unreachable', {
        ranges: describeRanges(unsearched, t, locale),
        source,
      }),
    );
  const where = parts.length === 0 ? t('search.where.allHere') : t('search.where.notHere', { parts: parts.join('; ') });
  return coverage.newerUnchecked ? t('search.where.newerUnchecked', { where, source }) : where;
}

/**
 * The three things the search panel and the command line say about what was searched, from one model:
 * the total counts only what it counts; which parts were not on this computer, and where they were searched,
 * is said once, by the where line; the offer to download appears exactly when that line names a missing part.
 * `locale` names the months (the window's or the terminal's language).
 */
export function describeSearchOutcome(
  outcome: SearchOutcomeInput | null,
  counts: SearchCounts | null,
  t: Translate,
  locale?: string,
): SearchOutcomeText {
  const total = counts ? describeTotal(counts, t) : null;
  if (!outcome) return { total, where: null, offerDownload: false };
  if (outcome.coverage) {
    const offerDownload = missingSpans(outcome.coverage).length > 0;
    return { total, where: describeCoverage(outcome.coverage, t, locale), offerDownload };
  }
  const sources = describeSources(outcome.sources, t);
  const where = sources === '' ? null : outcome.incomplete ? t('search.sources.incomplete', { sources }) : sources;
  return { total, where, offerDownload: false };
}
