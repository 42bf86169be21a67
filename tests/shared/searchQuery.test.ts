import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeSearchQuery, formatSearchQuery, parseSearchQuery, withTopLevelTerms, type QueryNode } from '../../shared/searchQuery.ts';
import { arbitrarySearchQuery } from '../support/arbitrarySearchQuery.ts';

const text = (value: string): QueryNode => ({ type: 'text', value });

describe('the search language', () => {
  it('reads words, phrases, negation, OR, groups and every operator', () => {
    expect(
      parseSearchQuery(
        'train "meeting notes" -late from:"Dana Levi" in:family after:2021 before:2022-03 on:2021-06-01 during:2021-07 has:photo is:edited',
      ).root,
    ).toEqual({
      type: 'and',
      children: [
        text('train'),
        text('meeting notes'),
        { type: 'not', child: text('late') },
        { type: 'from', value: 'Dana Levi' },
        { type: 'in', value: 'family' },
        { type: 'date', op: 'after', value: '2021' },
        { type: 'date', op: 'before', value: '2022-03' },
        { type: 'date', op: 'on', value: '2021-06-01' },
        { type: 'date', op: 'during', value: '2021-07' },
        { type: 'has', value: 'photo' },
        { type: 'is', value: 'edited' },
      ],
    });
    expect(parseSearchQuery('(coffee OR tea) -(from:me OR has:link)').root).toEqual({
      type: 'and',
      children: [
        { type: 'or', children: [text('coffee'), text('tea')] },
        {
          type: 'not',
          child: {
            type: 'or',
            children: [
              { type: 'from', value: 'me' },
              { type: 'has', value: 'link' },
            ],
          },
        },
      ],
    });
  });

  it('never fails: what is not an operator or a group is searched as text, and says so', () => {
    const cases: Array<[string, QueryNode | null, RegExp | null]> = [
      [':)', text(':)'), null],
      ['has:banana', text('has:banana'), /has: takes photo/],
      ['before:yesterday', text('before:yesterday'), /takes a year/],
      ['on:2021-02-30', text('on:2021-02-30'), /takes a year/],
      ['train OR', { type: 'and', children: [text('train'), text('OR')] }, /OR/],
      ['(unclosed group', { type: 'and', children: [text('unclosed'), text('group')] }, /not closed/],
      ['e-mail -', { type: 'and', children: [text('e-mail'), text('-')] }, null],
      ['"unterminated phrase', text('unterminated phrase'), null],
      ['https://t.me/x', text('https://t.me/x'), null],
      ['', null, null],
      ['()', null, /empty/],
    ];
    for (const [input, root, note] of cases) {
      const parsed = parseSearchQuery(input);
      expect(parsed.root, input).toEqual(root);
      if (note) expect(parsed.notes.join(' '), input).toMatch(note);
    }
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '(', ')', '"', '-', 'OR', ':', 'has:', 'from:', 'x', 'é') }), (input) => {
        expect(() => parseSearchQuery(input)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('property: fields and tokens round-trip (format, then parse, gives the same query)', () => {
    const queries = arbitrarySearchQuery({
      words: ['train', 'meeting notes', 'ok', 'é', '你好', 'OR', '-x', 'has:nope', 'a)', '(b', ':)'],
      senders: ['me', 'Dana Levi', '@dana', 'émile'],
      chats: ['family', 'Design team'],
      dates: ['2021', '2021-03', '2021-03-14'],
    });
    fc.assert(
      fc.property(queries, (query) => {
        const parsed = parseSearchQuery(formatSearchQuery(query));
        expect(parsed.root).toEqual(query);
        expect(parsed.notes).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('lets a panel field write its token into the text, keeping the rest', () => {
    const written = withTopLevelTerms('train from:ana has:photo', (node) => node.type === 'from', [{ type: 'from', value: 'Dana Levi' }]);
    expect(written).toBe('train has:photo from:"Dana Levi"');
    expect(describeSearchQuery(parseSearchQuery(written).root)).toBe('contains “train” and has a photo and from Dana Levi');
  });
});
