import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  describeSearchQuery,
  describeSearchQueryNote,
  explainSearchQuery,
  formatSearchQuery,
  parseSearchQuery,
  withTopLevelTerms,
  type QueryNode,
} from '../../shared/searchQuery.ts';
import { arbitrarySearchQuery } from '../support/arbitrarySearchQuery.ts';
import { createTranslator } from '../../electron/core/i18n/createTranslator.ts';

const t = createTranslator('en');

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
      if (note) expect(parsed.notes.map((one) => describeSearchQueryNote(one, t)).join(' '), input).toMatch(note);
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
    expect(describeSearchQuery(parseSearchQuery(written).root, t)).toBe('messages from Dana Levi that contain “train” and have a photo');
  });

  it('says how the query was read as a sentence, for each construct of the language', () => {
    const cases: Array<[string, string]> = [
      ['from:Ana has:photo', 'messages from Ana that have a photo'],
      ['from:me', 'messages sent by you'],
      ['from:me before:2021', 'messages sent by you before 2021'],
      ['from:Ana in:family during:2021-07', 'messages from Ana in a chat or topic named like “family” sent during 2021-07'],
      ['after:2020 before:2022 train', 'messages sent after 2020 and before 2022 that contain “train”'],
      ['on:2021-03-14', 'messages sent on 2021-03-14'],
      ['"meeting notes" -late', 'messages that contain “meeting notes” and do not contain “late”'],
      ['is:deleted', 'messages that were deleted at the source'],
      ['is:edited is:forwarded', 'messages that were edited and were forwarded'],
      ['is:reply -is:service', 'messages that are replies and are not service messages'],
      ['has:media -has:link has:voice', 'messages that have media, do not have a link and have a voice message or audio'],
      ['-from:me -from:Dana', 'messages that were not sent by you and are not from Dana'],
      ['tea OR coffee', 'messages that either contain “tea” or contain “coffee”'],
      ['-(tea OR coffee)', 'messages that do not contain “tea” and do not contain “coffee”'],
      ['-(tea coffee)', 'messages that either do not contain “tea” or do not contain “coffee”'],
      ['(a OR b) (c OR d)', 'messages that either contain “a” or contain “b”, and either contain “c” or contain “d”'],
      ['(a b) OR c', 'messages that either both contain “a” and contain “b”, or contain “c”'],
      ['-in:work', 'messages that are not in a chat or topic named like “work”'],
      ['', 'all messages'],
    ];
    for (const [input, sentence] of cases) expect(describeSearchQuery(parseSearchQuery(input).root, t), input).toBe(sentence);
    // A typed sender is part of a name, not a person: said, so "from:Ana" finding Dana Levi is no surprise.
    expect(explainSearchQuery(parseSearchQuery('from:Ana -from:"Dana Levi" from:me').root, t)).toEqual([
      'from:Ana finds every sender whose name contains “Ana”, whoever they are.',
      'from:"Dana Levi" finds every sender whose name contains “Dana Levi”, whoever they are.',
    ]);
  });

  it('property: the reading of any query over the grammar is one grammatical sentence that names every part', () => {
    const queries = arbitrarySearchQuery({
      words: ['train', 'meeting notes', 'that', 'and', 'OR'],
      senders: ['me', 'Dana Levi', 'Ana'],
      chats: ['family'],
      dates: ['2021', '2021-03', '2021-03-14'],
    });
    const leavesOf = (node: QueryNode): QueryNode[] =>
      node.type === 'not' ? leavesOf(node.child) : node.type === 'and' || node.type === 'or' ? node.children.flatMap(leavesOf) : [node];
    fc.assert(
      fc.property(queries, (query) => {
        const sentence = describeSearchQuery(query, t);
        // Words the query itself holds are quoted; what is outside the quotes is the sentence's own.
        const own = sentence.replace(/“[^”]*”/g, '“…”');
        expect(own).toMatch(/^(all )?messages( |$)/);
        // No doubled or dangling words, no brackets, no singular verbs after the plural "messages".
        for (const wrong of [
          /\bthat that\b/,
          /\b(and|or|either|both|not|that) (and|or|that)\b/,
          /\beither either\b/,
          /[()]/,
          /\s\s/,
          /,,|, ,|,$|^,/,
          /\b(contains|has|is|was)\b/,
          /\bthat (from|in|sent|before|after|on|during)\b/,
          /\bnot \(/,
          /(and|or|that|either|both)$/,
        ])
          expect(own, sentence).not.toMatch(wrong);
        expect(own.match(/\bthat\b/g)?.length ?? 0, sentence).toBeLessThanOrEqual(1);
        // Every "either" has its "or".
        expect((own.match(/\bor\b/g) ?? []).length).toBeGreaterThanOrEqual((own.match(/\beither\b/g) ?? []).length);
        // Every part of the query is named.
        for (const leaf of leavesOf(query)) {
          const named =
            leaf.type === 'text' || leaf.type === 'in'
              ? `“${leaf.value}”`
              : leaf.type === 'from'
                ? leaf.value === 'me'
                  ? 'by you'
                  : leaf.value
                : leaf.type === 'date'
                  ? `${leaf.op} ${leaf.value}`
                  : leaf.type === 'has'
                    ? leaf.value === 'voice'
                      ? 'voice message'
                      : leaf.value
                    : leaf.type === 'is'
                      ? { reply: 'replies', service: 'service messages', deleted: 'deleted', edited: 'edited', forwarded: 'forwarded' }[
                          leaf.value
                        ]
                      : '';
          expect(sentence, JSON.stringify(query)).toContain(named);
        }
      }),
      { numRuns: 500 },
    );
  });
});
