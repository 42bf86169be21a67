/**
 * The one search language of the window, the command line (`--query`) and export-by-search: words and
 * "exact phrases" (each must appear as a substring, case- and accent-insensitive), `-` for not, `OR`, `( )`,
 * and operators `from:` `in:` `before:` `after:` `on:` `during:` `has:` `is:`. Parsing never fails: what
 * cannot be read as an operator or a group is searched as text, and `notes` say how it was read.
 */

import { ScrollbackError } from './errors.ts';
import type { Translate } from './i18n/locales.ts';

export const HAS_VALUES = ['photo', 'video', 'voice', 'file', 'link', 'poll', 'media'] as const;
export type HasValue = (typeof HAS_VALUES)[number];
export const IS_VALUES = ['edited', 'forwarded', 'reply', 'service', 'deleted'] as const;
export type IsValue = (typeof IS_VALUES)[number];
export const DATE_OPERATORS = ['before', 'after', 'on', 'during'] as const;
export type DateOperator = (typeof DATE_OPERATORS)[number];

export type QueryNode =
  | { type: 'text'; value: string }
  | { type: 'from'; value: string }
  | { type: 'in'; value: string }
  /** `value` as typed (YYYY, YYYY-MM or YYYY-MM-DD); the period it names is resolved in local time. */
  | { type: 'date'; op: DateOperator; value: string }
  | { type: 'has'; value: HasValue }
  | { type: 'is'; value: IsValue }
  | { type: 'not'; child: QueryNode }
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] };

/** How a part of the query that is not what it looks like was read; words from `describeSearchQueryNote`. */
export type SearchQueryNote =
  /** An operator searched as text: it needs a name, takes other values, or a period. */
  | { kind: 'asText'; raw: string; operator: string; why: 'needsName' | 'hasValues' | 'isValues' | 'period' }
  | { kind: 'orAlone' }
  | { kind: 'unclosed' }
  | { kind: 'emptyGroup' }
  | { kind: 'strayClose' };

export interface ParsedSearchQuery {
  /** Null when nothing was typed. */
  root: QueryNode | null;
  /** How parts that are not what they look like were read ("has:banana" searched as text, …). */
  notes: SearchQueryNote[];
}

/** A note in the reader's words: "“has:banana” was searched as text: has: takes photo, video, …". */
export function describeSearchQueryNote(note: SearchQueryNote, t: Translate): string {
  switch (note.kind) {
    case 'asText':
      switch (note.why) {
        case 'needsName':
          return t('search.note.needsName', { raw: note.raw, operator: note.operator });
        case 'hasValues':
          return t('search.note.hasValues', { raw: note.raw, values: HAS_VALUES.join(', ') });
        case 'isValues':
          return t('search.note.isValues', { raw: note.raw, values: IS_VALUES.join(', ') });
        case 'period':
          return t('search.note.period', { raw: note.raw, operator: note.operator });
      }
      break;
    case 'orAlone':
      return t('search.note.orAlone');
    case 'unclosed':
      return t('search.note.unclosed');
    case 'emptyGroup':
      return t('search.note.emptyGroup');
    case 'strayClose':
      return t('search.note.strayClose');
  }
}

type Token =
  | { kind: 'word'; text: string; quoted: boolean }
  | { kind: 'operator'; name: string; value: string; raw: string }
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'or' }
  | { kind: 'not' };

const OPERATOR = /^([a-z]+):(.*)$/is;
const OPERATOR_NAMES = new Set(['from', 'in', 'before', 'after', 'on', 'during', 'has', 'is']);
const PERIOD = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
// Characters that never reach a search: control characters (the index uses one as an end marker).
const CONTROL = /[\u0000-\u001f\u007f]/g;

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  const text = input.replace(CONTROL, ' ');
  let depth = 0;
  let at = 0;
  const readQuoted = (start: number): { value: string; end: number } => {
    const close = text.indexOf('"', start);
    return close === -1 ? { value: text.slice(start), end: text.length } : { value: text.slice(start, close), end: close + 1 };
  };
  while (at < text.length) {
    const char = text.charAt(at);
    if (/\s/u.test(char)) {
      at++;
      continue;
    }
    if (char === '(') {
      tokens.push({ kind: 'open' });
      depth++;
      at++;
      continue;
    }
    if (char === '"') {
      const { value, end } = readQuoted(at + 1);
      tokens.push({ kind: 'word', text: value, quoted: true });
      at = end;
      continue;
    }
    if (char === '-' && at + 1 < text.length && !/[\s)]/u.test(text.charAt(at + 1)) && (at === 0 || /[\s(]/u.test(text.charAt(at - 1)))) {
      tokens.push({ kind: 'not' });
      at++;
      continue;
    }
    // A word runs to white space; an operator's value may be quoted (from:"Dana Levi").
    const quotedOperator = /^([a-z]+):"/i.exec(text.slice(at));
    const [quotedStart = '', quotedName = ''] = quotedOperator ?? [];
    if (quotedOperator && OPERATOR_NAMES.has(quotedName.toLowerCase())) {
      const { value, end } = readQuoted(at + quotedStart.length);
      tokens.push({ kind: 'operator', name: quotedName.toLowerCase(), value, raw: text.slice(at, end) });
      at = end;
      continue;
    }
    let end = at;
    while (end < text.length && !/\s/u.test(text.charAt(end))) end++;
    let word = text.slice(at, end);
    at = end;
    // Closing brackets end a group only where one is open, so ":)" stays a word.
    let closes = 0;
    while (depth - closes > 0 && word.length > 1 && word.endsWith(')')) {
      word = word.slice(0, -1);
      closes++;
    }
    if (word === ')' && depth - closes > 0) {
      word = '';
      closes++;
    }
    if (word === 'OR') tokens.push({ kind: 'or' });
    else if (word !== '') {
      const operator = OPERATOR.exec(word);
      const [, name = '', value = ''] = operator ?? [];
      if (operator && OPERATOR_NAMES.has(name.toLowerCase()) && value !== '')
        tokens.push({ kind: 'operator', name: name.toLowerCase(), value, raw: word });
      else tokens.push({ kind: 'word', text: word, quoted: false });
    }
    for (let i = 0; i < closes; i++) tokens.push({ kind: 'close' });
    depth -= closes;
  }
  return tokens;
}

function operatorNode(token: Extract<Token, { kind: 'operator' }>, notes: SearchQueryNote[]): QueryNode {
  const value = token.value.trim();
  const asText = (why: Extract<SearchQueryNote, { kind: 'asText' }>['why']): QueryNode => {
    notes.push({ kind: 'asText', raw: token.raw, operator: token.name, why });
    return { type: 'text', value: token.raw };
  };
  switch (token.name) {
    case 'from':
    case 'in':
      return value === '' ? asText('needsName') : { type: token.name, value };
    case 'has': {
      const wanted = HAS_VALUES.find((known) => known === value.toLowerCase());
      return wanted ? { type: 'has', value: wanted } : asText('hasValues');
    }
    case 'is': {
      const wanted = IS_VALUES.find((known) => known === value.toLowerCase());
      return wanted ? { type: 'is', value: wanted } : asText('isValues');
    }
    default: {
      const op = DATE_OPERATORS.find((known) => known === token.name);
      return op && periodOf(value) ? { type: 'date', op, value } : asText('period');
    }
  }
}

/**
 * Parses query text. Total: every input gives a query; `notes` say where the text was not what it looked like.
 */
export function parseSearchQuery(input: string): ParsedSearchQuery {
  const tokens = tokenize(input);
  const notes: SearchQueryNote[] = [];
  let at = 0;
  const peek = () => tokens[at];

  function parseOr(): QueryNode | null {
    const children: QueryNode[] = [];
    let current = parseAnd();
    while (peek()?.kind === 'or') {
      at++;
      const next = parseAnd();
      if (current && next) {
        children.push(current);
        current = next;
        continue;
      }
      // "a OR" or "OR b": the word is searched for, joined to the side that exists.
      notes.push({ kind: 'orAlone' });
      const word: QueryNode = { type: 'text', value: 'OR' };
      current = current ? andOf([current, word]) : next ? andOf([word, next]) : word;
    }
    if (current) children.push(current);
    if (children.length === 0) return null;
    return soleOf(children) ?? { type: 'or', children };
  }

  function parseAnd(): QueryNode | null {
    const children: QueryNode[] = [];
    for (let token = peek(); token && token.kind !== 'or' && token.kind !== 'close'; token = peek()) {
      const node = parseUnary();
      if (node) children.push(node);
    }
    if (children.length === 0) return null;
    return andOf(children);
  }

  function parseUnary(): QueryNode | null {
    const token = peek();
    if (token?.kind === 'not') {
      at++;
      const next = peek();
      if (!next || next.kind === 'or' || next.kind === 'close') return { type: 'text', value: '-' };
      const child = parseUnary();
      return child ? { type: 'not', child } : null;
    }
    return parsePrimary();
  }

  function parsePrimary(): QueryNode | null {
    const token = tokens[at++];
    if (!token) return null;
    switch (token.kind) {
      case 'open': {
        const inner = parseOr();
        if (peek()?.kind === 'close') at++;
        else notes.push({ kind: 'unclosed' });
        if (!inner) notes.push({ kind: 'emptyGroup' });
        return inner;
      }
      case 'word':
        if (token.text.trim() === '') return null;
        return { type: 'text', value: token.text };
      case 'operator':
        return operatorNode(token, notes);
      default:
        return null;
    }
  }

  let root = parseOr();
  // Stray closing brackets (only possible after an unbalanced group) are read as text.
  while (at < tokens.length) {
    at++;
    notes.push({ kind: 'strayClose' });
    const rest = parseOr();
    if (rest) root = root ? andOf([root, rest]) : rest;
  }
  return { root, notes };
}

/** The one node of a list of exactly one; undefined for any other length. */
function soleOf(nodes: QueryNode[]): QueryNode | undefined {
  return nodes.length === 1 ? nodes[0] : undefined;
}

function andOf(children: QueryNode[]): QueryNode {
  const flat = children.flatMap((child) => (child.type === 'and' ? child.children : [child]));
  return soleOf(flat) ?? { type: 'and', children: flat };
}

/** The period a date operator's value names, in local time: [start, end). Null when it names none. */
export function periodOf(value: string): { start: number; end: number } | null {
  const match = PERIOD.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]) - 1;
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month !== null && (month < 0 || month > 11)) return null;
  if (month === null) return { start: new Date(year, 0, 1).getTime(), end: new Date(year + 1, 0, 1).getTime() };
  if (day === null) return { start: new Date(year, month, 1).getTime(), end: new Date(year, month + 1, 1).getTime() };
  const start = new Date(year, month, day);
  if (start.getMonth() !== month || start.getDate() !== day) return null;
  return { start: start.getTime(), end: new Date(year, month, day + 1).getTime() };
}

/** The dates a date operator admits, [from, to) in epoch ms (null: unbounded). Slack's rules: before and after exclude the period. */
export function dateBoundsOf(node: Extract<QueryNode, { type: 'date' }>): { from: number | null; to: number | null } {
  const period = periodOf(node.value);
  if (!period)
    throw new ScrollbackError(
      'INVALID_INPUT',
      `“${node.value}” is not a period: write a year, a month or a day (2021, 2021-03 or 2021-03-14).`,
    );
  switch (node.op) {
    case 'before':
      return { from: null, to: period.start };
    case 'after':
      return { from: period.end, to: null };
    default:
      return { from: period.start, to: period.end };
  }
}

const NEEDS_QUOTES = /[\s"()]|^-|^OR$|^[a-z]+:/i;

function formatValue(value: string): string {
  return NEEDS_QUOTES.test(value) && !value.includes('"') ? `"${value}"` : value;
}

/** Query text that parses back to `node` (the other view of the panel's fields). */
export function formatSearchQuery(node: QueryNode | null): string {
  if (!node) return '';
  const inner = (child: QueryNode, parent: 'and' | 'or' | 'not'): string => {
    const text = formatSearchQuery(child);
    const grouped =
      (child.type === 'or' && parent !== 'or') || (child.type === 'and' && parent !== 'and') || (parent === 'not' && child.type === 'not');
    return grouped ? `(${text})` : text;
  };
  switch (node.type) {
    case 'text':
      return formatValue(node.value);
    case 'from':
    case 'in':
      return `${node.type}:${formatValue(node.value)}`;
    case 'date':
      return `${node.op}:${node.value}`;
    case 'has':
    case 'is':
      return `${node.type}:${node.value}`;
    case 'not':
      return `-${inner(node.child, 'not')}`;
    case 'and':
      return node.children.map((child) => inner(child, 'and')).join(' ');
    case 'or':
      return node.children.map((child) => inner(child, 'or')).join(' OR ');
  }
}

type Leaf = Exclude<QueryNode, { type: 'not' | 'and' | 'or' }>;

/** A query with every "not" pushed down to a leaf (De Morgan): what a sentence can say without brackets. */
type Plain = { type: 'leaf'; leaf: Leaf; negated: boolean } | { type: 'and' | 'or'; children: Plain[] };

function plainOf(node: QueryNode, negated = false): Plain {
  switch (node.type) {
    case 'not':
      return plainOf(node.child, !negated);
    case 'and':
    case 'or': {
      const type = (node.type === 'and') !== negated ? 'and' : 'or';
      const children = node.children
        .map((child) => plainOf(child, negated))
        .flatMap((child) => (child.type === type ? child.children : [child]));
      return { type, children };
    }
    default:
      return { type: 'leaf', leaf: node, negated };
  }
}

function isMe(value: string): boolean {
  return value.toLowerCase() === 'me';
}

/** When a date leaf admits a message, after "sent": "before 2021", "on 2021-03-14", "during 2021-07". */
function datePhrase(leaf: Extract<QueryNode, { type: 'date' }>, t: Translate): string {
  return t('search.read.date', { op: leaf.op, value: leaf.value });
}

/** A leaf as the verb phrase of "messages that …" (plural), or its negation. */
function verbPhrase(leaf: Leaf, negated: boolean, t: Translate): string {
  const no = negated ? 'yes' : 'no';
  switch (leaf.type) {
    case 'text':
      return t('search.read.contains', { negated: no, value: leaf.value });
    case 'from':
      return isMe(leaf.value) ? t('search.read.fromMe', { negated: no }) : t('search.read.fromName', { negated: no, name: leaf.value });
    case 'in':
      return t('search.read.inChatVerb', { negated: no, name: leaf.value });
    case 'date':
      return t('search.read.sent', { negated: no, when: datePhrase(leaf, t) });
    case 'has':
      return t('search.read.has', { negated: no, kind: leaf.value });
    case 'is':
      return t('search.read.is', { negated: no, value: leaf.value });
  }
}

/** "a, b and c" from the catalog's "{first} and {last}" (the comma list is the locale's separator). */
function joined(
  parts: readonly string[],
  id:
    | 'search.read.and'
    | 'search.read.andNested'
    | 'search.read.either'
    | 'search.read.eitherNested'
    | 'search.read.or'
    | 'search.read.orNested',
  t: Translate,
): string {
  const last = parts.at(-1) ?? '';
  return t(id, { first: parts.slice(0, -1).join(t('search.list.separator')), last });
}

/**
 * Verb phrases joined: "a, b and c"; "either a or b". Inside an "either", a group of "and"s repeats its "and"
 * ("both a and b", "a and b and c"), its plain parts first, and an "or" within it takes no second "either".
 */
function clauseOf(node: Plain, t: Translate, insideOr = false): string {
  if (node.type === 'leaf') return verbPhrase(node.leaf, node.negated, t);
  const nested = node.children.some((child) => child.type !== 'leaf');
  if (node.type === 'or') {
    const parts = node.children.map((child) => clauseOf(child, t, true));
    if (insideOr) return joined(parts, nested ? 'search.read.orNested' : 'search.read.or', t);
    return joined(parts, nested ? 'search.read.eitherNested' : 'search.read.either', t);
  }
  if (insideOr) {
    const ordered = [...node.children].sort((a, b) => Number(a.type !== 'leaf') - Number(b.type !== 'leaf'));
    const parts = ordered.map((child) => clauseOf(child, t, true));
    const [first = '', second = ''] = parts;
    if (parts.length === 2 && ordered[0]?.type === 'leaf') return t('search.read.both', { first, last: second });
    return parts.reduce((sentence, part) => t('search.read.and', { first: sentence, last: part }));
  }
  return joined(
    node.children.map((child) => clauseOf(child, t)),
    nested ? 'search.read.andNested' : 'search.read.and',
    t,
  );
}

/**
 * How the query was read, as a noun phrase a person reads: "messages from Ana that have a photo", "messages
 * sent by you before 2021 that either contain “tea” or contain “coffee”". Top-level senders, chats and dates
 * qualify "messages"; everything else is one relative clause ("that …"), with every "not" said at its leaf.
 */
export function describeSearchQuery(node: QueryNode | null, t: Translate): string {
  if (!node) return t('search.read.all');
  const plain = plainOf(node);
  const conjuncts = plain.type === 'and' ? plain.children : [plain];
  const qualifiers: string[] = [];
  const rest: Plain[] = [];
  let sender: string | null = null;
  let chat: string | null = null;
  const dates: string[] = [];
  for (const conjunct of conjuncts) {
    const leaf = conjunct.type === 'leaf' && !conjunct.negated ? conjunct.leaf : null;
    if (leaf?.type === 'from' && sender === null) sender = leaf.value;
    else if (leaf?.type === 'in' && chat === null) chat = leaf.value;
    else if (leaf?.type === 'date') dates.push(datePhrase(leaf, t));
    else rest.push(conjunct);
  }
  const when = dates.length === 0 ? '' : dates.reduce((first, second) => t('search.read.dates', { first, second }));
  if (sender !== null) qualifiers.push(isMe(sender) ? t('search.read.byYou') : t('search.read.from', { name: sender }));
  if (chat !== null) qualifiers.push(t('search.read.inChat', { name: chat }));
  // "sent by you before 2021"; "from Ana in … sent before 2021".
  if (when) {
    if (sender !== null && isMe(sender) && chat === null) qualifiers[0] = t('search.read.byYouWhen', { when });
    else qualifiers.push(t('search.read.sentWhen', { when }));
  }
  const messages = t('search.read.messages');
  const phrase = qualifiers.length === 0 ? messages : t('search.read.qualified', { messages, qualifiers: qualifiers.join(' ') });
  if (rest.length === 0) return phrase;
  const [only] = rest;
  const clause = clauseOf(rest.length === 1 && only ? only : { type: 'and', children: rest }, t);
  return t('search.read.that', { phrase, clause });
}

/**
 * What a reader could take for something else in the query: a typed sender is part of a name, not a person
 * ("from:Ana" finds Dana Levi too).
 */
export function explainSearchQuery(node: QueryNode | null, t: Translate): string[] {
  const names = new Set<string>();
  const walk = (child: QueryNode): void => {
    if (child.type === 'from' && !isMe(child.value)) names.add(child.value);
    else if (child.type === 'not') walk(child.child);
    else if (child.type === 'and' || child.type === 'or') child.children.forEach(walk);
  };
  if (node) walk(node);
  return [...names].map((name) => t('search.read.fromNote', { token: formatValue(name), name }));
}

/** The conjuncts of the top level ("a b from:x" → three), for fields that edit one token each. */
export function topLevelTerms(node: QueryNode | null): QueryNode[] {
  if (!node) return [];
  return node.type === 'and' ? node.children : [node];
}

/**
 * The query with the top-level tokens `replaces` picks removed and `added` appended: how a panel field (the
 * sender box, a kind chip) writes its token into the text, so box and fields stay one filter.
 */
export function withTopLevelTerms(input: string, replaces: (node: QueryNode) => boolean, added: QueryNode[]): string {
  const { root } = parseSearchQuery(input);
  const kept = topLevelTerms(root).filter((node) => !replaces(node));
  const all = [...kept, ...added];
  return formatSearchQuery(all.length === 0 ? null : (soleOf(all) ?? { type: 'and', children: all }));
}
