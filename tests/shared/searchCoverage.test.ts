import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  describeSearchOutcome,
  type SearchCounts,
  type SearchCoverage,
  type SearchCoverageSpan,
  type SearchCoveragePlace,
} from '../../shared/searchCoverage.ts';
import { createTranslator } from '../../electron/core/i18n/createTranslator.ts';

const t = createTranslator('en');

const LOCALE = 'en-US';
const monthName = new Intl.DateTimeFormat(LOCALE, { month: 'short', year: 'numeric' });
const EARLIEST = Date.UTC(2015, 0, 1);
const LATEST = Date.UTC(2027, 0, 1);

/** Every month from before the earliest date to after the latest, as [year, month]; index 0 stands for "the chat's beginning". */
const months: Array<[number, number]> = [];
for (let year = 2014; year <= 2027; year++) for (let month = 0; month < 12; month++) months.push([year, month]);

function monthAt(epochMs: number): number {
  const date = new Date(epochMs);
  return months.findIndex(([year, month]) => year === date.getFullYear() && month === date.getMonth());
}

/**
 * The expected where line, the slow way: mark every month each place touches (a span from the beginning marks
 * every month up to its end), then name each run of marked months.
 */
function bruteForceWhere(coverage: SearchCoverage): string {
  const runsOf = (place: SearchCoveragePlace): string[] => {
    const marked = new Array<boolean>(months.length).fill(false);
    for (const span of coverage.spans.filter((candidate) => candidate.place === place))
      for (let at = span.from === null ? 0 : monthAt(span.from); at <= monthAt(span.to); at++) marked[at] = true;
    const names: string[] = [];
    for (let at = 0; at < months.length; at++) {
      if (!marked[at] || (at > 0 && marked[at - 1])) continue;
      let end = at;
      while (marked[end + 1]) end++;
      const name = (index: number) => monthName.format(new Date(months[index]![0], months[index]![1], 1));
      const fromBeginning = coverage.spans.some((span) => span.place === place && span.from === null) && at === 0;
      names.push(fromBeginning ? `up to ${name(end)}` : at === end ? name(at) : `${name(at)} – ${name(end)}`);
    }
    return names;
  };
  const source = runsOf('source');
  const unsearched = runsOf('unsearched');
  const why = coverage.unsearchedBecause === 'cannot search' ? 'cannot search' : 'could not be reached';
  const parts = [
    ...(source.length > 0 ? [`${source.join(', ')}, searched at ${coverage.sourceName}`] : []),
    ...(unsearched.length > 0 ? [`${unsearched.join(', ')}, not searched (${coverage.sourceName} ${why})`] : []),
  ];
  const newer = coverage.newerUnchecked ? `; newer messages not checked (${coverage.sourceName} could not be reached)` : '';
  return `${parts.length === 0 ? 'All of it is on this computer and was searched here' : `Not on this computer: ${parts.join('; ')}`}${newer}`;
}

/** Random layouts: up to seven spans in order, not overlapping, each on this computer, searched at the source or not. */
const arbitraryCoverage: fc.Arbitrary<SearchCoverage> = fc
  .record({
    bounds: fc.uniqueArray(fc.integer({ min: EARLIEST, max: LATEST }), { minLength: 0, maxLength: 14 }),
    places: fc.array(fc.constantFrom<SearchCoveragePlace>('computer', 'source', 'unsearched'), { minLength: 7, maxLength: 7 }),
    openStart: fc.boolean(),
    newerUnchecked: fc.boolean(),
    cannotSearch: fc.boolean(),
    sourceName: fc.constantFrom('Telegram', 'the demo archive', 'RyzeAPI'),
  })
  .map(({ bounds, places, openStart, newerUnchecked, cannotSearch, sourceName }) => {
    const sorted = [...bounds].sort((a, b) => a - b);
    const spans: SearchCoverageSpan[] = [];
    for (let at = 0; at + 1 < sorted.length; at += 2)
      spans.push({ from: at === 0 && openStart ? null : sorted[at]!, to: sorted[at + 1]!, place: places[at / 2]! });
    const unsearched = spans.some((span) => span.place === 'unsearched');
    return {
      sourceName,
      spans,
      unsearchedBecause: unsearched ? (cannotSearch ? 'cannot search' : 'unreachable') : null,
      newerUnchecked,
    };
  });

const arbitraryCounts: fc.Arbitrary<SearchCounts | null> = fc.option(
  fc.record({
    onComputer: fc.nat({ max: 2_000_000 }),
    atSource: fc.option(
      fc.record({
        count: fc.nat({ max: 2_000_000 }),
        sourceName: fc.constantFrom('Telegram', 'RyzeAPI'),
        scope: fc.constantFrom<'chat' | 'all chats'>('chat', 'all chats'),
      }),
    ),
  }),
);

describe('one model of what a search covered', () => {
  it('the total, the where line and the download offer never contradict each other and match a brute-force description', () => {
    fc.assert(
      fc.property(arbitraryCoverage, arbitraryCounts, fc.boolean(), (coverage, counts, incomplete) => {
        const said = describeSearchOutcome({ coverage, sources: [], incomplete }, counts, t, LOCALE);
        const missing = coverage.spans.some((span) => span.place !== 'computer');
        // The where line is the brute force's, word for word.
        expect(said.where).toBe(bruteForceWhere(coverage));
        // The offer appears exactly when the where line names a part that is not here.
        expect(said.offerDownload).toBe(missing);
        expect(said.where!.startsWith('Not on this computer')).toBe(missing);
        expect(said.where!.startsWith('All of it is on this computer')).toBe(!missing);
        // The total counts, and claims nothing about coverage the where line could contradict.
        if (counts === null) expect(said.total).toBeNull();
        else {
          expect(said.total).toMatch(/^[\d,]+ on this computer( · about [\d,]+ in (the whole chat|all chats) at [\w ]+)?$/);
          expect(said.total!.startsWith(`${counts.onComputer.toLocaleString(LOCALE)} on this computer`)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('names merged ranges plainly, and offers a download only when something is missing', () => {
    const at = (year: number, month: number, day = 15) => new Date(year, month - 1, day).getTime();
    const coverage: SearchCoverage = {
      sourceName: 'the demo archive',
      spans: [
        { from: at(2019, 3), to: at(2019, 8), place: 'source' },
        { from: at(2019, 8, 20), to: at(2019, 9), place: 'source' },
        { from: at(2019, 10), to: at(2026, 10), place: 'source' },
        { from: at(2026, 10, 20), to: at(2026, 11, 13), place: 'computer' },
      ],
      unsearchedBecause: null,
      newerUnchecked: false,
    };
    const said = describeSearchOutcome({ coverage, sources: [], incomplete: false }, { onComputer: 114, atSource: null }, t, LOCALE);
    expect(said).toEqual({
      total: '114 on this computer',
      where: 'Not on this computer: Mar 2019 – Oct 2026, searched at the demo archive',
      offerDownload: true,
    });
    const whole = describeSearchOutcome(
      { coverage: { ...coverage, spans: [{ from: null, to: at(2026, 11), place: 'computer' }] }, sources: [], incomplete: false },
      { onComputer: 114, atSource: null },
      t,
      LOCALE,
    );
    expect(whole.where).toBe('All of it is on this computer and was searched here');
    expect(whole.offerDownload).toBe(false);
    // All chats: each source says how it was searched; never an offer to download one chat.
    const all = describeSearchOutcome(
      {
        coverage: null,
        sources: [
          { sourceName: 'Ana', where: 'source', reason: null },
          { sourceName: 'WhatsApp', where: 'computer', reason: 'RyzeAPI cannot search all chats' },
        ],
        incomplete: false,
      },
      null,
      t,
      LOCALE,
    );
    expect(all).toEqual({
      total: null,
      where: 'Ana: searched there too · WhatsApp: only what is on this computer (RyzeAPI cannot search all chats)',
      offerDownload: false,
    });
  });
});
