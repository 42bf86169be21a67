import type { SearchFilter, SearchKind } from '../../../shared/search.ts';
import { mediaKindsForHas, messageKindsFor } from '../../../shared/search.ts';
import { dateBoundsOf, type QueryNode } from '../../../shared/searchQuery.ts';
import type { ReadableDB } from './CacheDatabase.ts';
import { cachedStatement, recentStatement } from './cachedStatement.ts';
import { peopleNamedExactly, sendersOfPeople } from './peopleQueries.ts';
import { foldForSearch } from '../text/foldForSearch.ts';
import { SEARCH_ROWID_SPAN } from './searchIndexRowid.ts';
import { idsFollowPositions } from './messageQueries.ts';

/** Total order of search results across chats. */
export interface SearchPosition {
  date: number;
  sortKey: number;
  chatId: number;
}

export interface CacheHit {
  rowId: number;
  chatId: number;
  position: SearchPosition;
}

/** The folded text, computed inside SQLite for ASCII (same result as foldForSearch) and by fold() otherwise. */
const FOLDED_TEXT = 'CASE WHEN length(CAST(m.text AS BLOB)) = length(m.text) THEN lower(m.text) ELSE fold(m.text) END';
const LINK_CONDITION = `(m.entities LIKE '%"type":"link"%' OR m.entities LIKE '%"type":"textLink"%' OR m.kind = 'webpage')`;
/** The message id inside an index rowid (chat × 2^36 + message id). */
const MESSAGE_OF_ROWID = `(s.rowid & ${SEARCH_ROWID_SPAN - 1})`;
/** No indexed body holds three end markers in a row: an index query that matches nothing. */
const MATCHES_NOTHING = '"\u0001\u0001\u0001"';
/** A 1–2 character term is the start of this many different trigrams at most before it counts as common. */
const MAX_SHORT_TERM_TRIGRAMS = 64;

interface Sql {
  sql: string;
  params: unknown[];
}

const TRUE: Sql = { sql: '1', params: [] };
const FALSE: Sql = { sql: '0', params: [] };

/** Parts joined, with constant parts folded away (so "nothing can match" is seen before any query). */
function all(parts: Sql[], joiner: 'AND' | 'OR'): Sql {
  const absorbing = joiner === 'AND' ? FALSE : TRUE;
  const neutral = joiner === 'AND' ? TRUE : FALSE;
  if (parts.some((part) => part.sql === absorbing.sql)) return absorbing;
  const kept = parts.filter((part) => part.sql !== neutral.sql);
  if (kept.length === 0) return neutral;
  if (kept.length === 1) return kept[0]!;
  return { sql: `(${kept.map((part) => part.sql).join(` ${joiner} `)})`, params: kept.flatMap((part) => part.params) };
}

function not(part: Sql): Sql {
  if (part.sql === TRUE.sql) return FALSE;
  if (part.sql === FALSE.sql) return TRUE;
  // coalesce: a NULL column (no entities, no sender) makes a condition NULL, and NOT NULL would drop the row.
  return { sql: `NOT coalesce(${part.sql}, 0)`, params: part.params };
}

function inList(column: string, values: readonly unknown[]): Sql {
  if (values.length === 0) return FALSE;
  return { sql: `${column} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(values)] };
}

/** Local senders whose name contains `name` (folded, a leading @ ignored). */
function senderIdsNamed(db: ReadableDB, name: string): number[] {
  const wanted = foldForSearch(name.trim().replace(/^@/, ''));
  return cachedStatement<[], { id: number; name: string }>(db, 'SELECT id, name FROM senders')
    .all()
    .filter((row) => foldForSearch(row.name).includes(wanted))
    .map((row) => row.id);
}

/** Chats whose name contains `name` (folded). */
function chatIdsNamed(db: ReadableDB, name: string): number[] {
  const wanted = foldForSearch(name.trim());
  return cachedStatement<[], { id: number; name: string }>(db, 'SELECT id, name FROM chats')
    .all()
    .filter((row) => foldForSearch(row.name).includes(wanted))
    .map((row) => row.id);
}

/** Forum topics whose title contains `name` (folded), as [chat id, topic id]. */
function topicsNamed(db: ReadableDB, name: string): Array<[number, string]> {
  const wanted = foldForSearch(name.trim());
  return cachedStatement<[], { chat_id: number; topic_id: string; title: string }>(db, 'SELECT chat_id, topic_id, title FROM topics')
    .all()
    .filter((row) => foldForSearch(row.title).includes(wanted))
    .map((row) => [row.chat_id, row.topic_id]);
}

function kindsCondition(kinds: readonly string[]): Sql {
  return { sql: `m.kind IN (${kinds.map(() => '?').join(', ')})`, params: [...kinds] };
}

function panelKindsCondition(kinds: readonly SearchKind[]): Sql {
  const plain = kinds.filter((kind): kind is Exclude<SearchKind, 'link'> => kind !== 'link').flatMap((kind) => messageKindsFor[kind]);
  const parts: Sql[] = [];
  if (plain.length > 0) parts.push(kindsCondition(plain));
  if (kinds.includes('link')) parts.push({ sql: LINK_CONDITION, params: [] });
  return all(parts, 'OR');
}

/**
 * The exact condition of a query node over `messages m`, as the JavaScript matcher decides it. With
 * `earlierVersions`, a word also matches a message whose earlier text (kept when an edit was seen) held it.
 */
function nodeCondition(db: ReadableDB, node: QueryNode, earlierVersions = false): Sql {
  switch (node.type) {
    case 'text': {
      const term = foldForSearch(node.value);
      if (term === '') return TRUE;
      if (!earlierVersions) return { sql: `instr(${FOLDED_TEXT}, ?) > 0`, params: [term] };
      return {
        sql: `(instr(${FOLDED_TEXT}, ?) > 0 OR (m.earlier_versions > 0 AND EXISTS (
          SELECT 1 FROM message_versions v WHERE v.message_id = m.id AND instr(fold(v.text), ?) > 0)))`,
        params: [term, term],
      };
    }
    case 'from': {
      if (node.value.toLowerCase() === 'me') return { sql: 'm.out = 1', params: [] };
      // A person's exact name, @username or phone means that person in every source; anything else is part of a name.
      const people = peopleNamedExactly(db, node.value);
      if (people.length === 0) return inList('m.sender_id', senderIdsNamed(db, node.value));
      const { senderIds, includesMe } = sendersOfPeople(db, people);
      return all([inList('m.sender_id', senderIds), includesMe ? { sql: 'm.out = 1', params: [] } : FALSE], 'OR');
    }
    case 'in': {
      // A chat, or a forum topic, whose name contains it.
      const topics = topicsNamed(db, node.value);
      const inTopics: Sql =
        topics.length === 0
          ? FALSE
          : { sql: `(m.chat_id, m.topic_id) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))`, params: [JSON.stringify(topics)] };
      return all([inList('m.chat_id', chatIdsNamed(db, node.value)), inTopics], 'OR');
    }
    case 'date': {
      const { from, to } = dateBoundsOf(node);
      const parts: Sql[] = [];
      if (from !== null) parts.push({ sql: 'm.date >= ?', params: [from] });
      if (to !== null) parts.push({ sql: 'm.date < ?', params: [to] });
      return all(parts, 'AND');
    }
    case 'has':
      if (node.value === 'link') return { sql: LINK_CONDITION, params: [] };
      if (node.value === 'media') return kindsCondition(mediaKindsForHas);
      return kindsCondition(messageKindsFor[node.value]);
    case 'is':
      switch (node.value) {
        case 'edited':
          return { sql: 'm.edit_date IS NOT NULL', params: [] };
        case 'forwarded':
          return { sql: 'm.forward IS NOT NULL', params: [] };
        case 'reply':
          return { sql: 'm.reply_to IS NOT NULL', params: [] };
        case 'service':
          return { sql: `m.kind = 'service'`, params: [] };
        case 'deleted':
          return { sql: 'm.deleted_at IS NOT NULL', params: [] };
      }
      break;
    case 'not':
      return not(nodeCondition(db, node.child, earlierVersions));
    case 'and':
      return all(
        node.children.map((child) => nodeCondition(db, child, earlierVersions)),
        'AND',
      );
    case 'or':
      return all(
        node.children.map((child) => nodeCondition(db, child, earlierVersions)),
        'OR',
      );
  }
}

/** The panel's fields (dates, sender box, kind chips) as a condition; the query text is the rest. */
function fieldConditions(db: ReadableDB, filter: SearchFilter): Sql[] {
  const parts: Sql[] = [];
  if (filter.from !== null) parts.push({ sql: 'm.date >= ?', params: [filter.from] });
  if (filter.to !== null) parts.push({ sql: 'm.date < ?', params: [filter.to] });
  if (filter.sender.trim() !== '') parts.push(nodeCondition(db, { type: 'from', value: filter.sender }));
  if (filter.kinds.length > 0) parts.push(panelKindsCondition(filter.kinds));
  return parts;
}

function quoted(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/**
 * The index expression for one folded term, matching exactly the bodies that contain it: a phrase of its
 * trigrams, or for 1–2 characters every trigram that starts with it (each indexed body ends in two end
 * markers, so every occurrence starts a trigram). Null when a short term starts too many trigrams to help.
 */
function termExpression(db: ReadableDB, term: string, expandShort: boolean): string | null {
  const length = Array.from(term).length;
  if (length >= 3) return quoted(term);
  if (!expandShort) return null;
  const upper = term + '\u{10FFFF}'.repeat(3 - length);
  const trigrams = cachedStatement<[string, string, number], { term: string }>(
    db,
    'SELECT term FROM message_search_terms WHERE term >= ? AND term <= ? LIMIT ?',
  )
    .all(term, upper, MAX_SHORT_TERM_TRIGRAMS + 1)
    .map((row) => row.term);
  if (trigrams.length > MAX_SHORT_TERM_TRIGRAMS) return null;
  if (trigrams.length === 0) return MATCHES_NOTHING;
  return trigrams.length === 1 ? quoted(trigrams[0]!) : `(${trigrams.map(quoted).join(' OR ')})`;
}

/** An index expression that matches exactly what `node` matches, or null when the index cannot say. */
function exactExpression(db: ReadableDB, node: QueryNode, expandShort: boolean): string | null {
  switch (node.type) {
    case 'text': {
      const term = foldForSearch(node.value);
      return term === '' ? null : termExpression(db, term, expandShort);
    }
    case 'and': {
      const positives: string[] = [];
      const negatives: string[] = [];
      for (const child of node.children) {
        const target = child.type === 'not' ? negatives : positives;
        const expression = exactExpression(db, child.type === 'not' ? child.child : child, expandShort);
        if (expression === null) return null;
        target.push(expression);
      }
      if (positives.length === 0) return null;
      let expression = positives.length === 1 ? positives[0]! : `(${positives.join(' AND ')})`;
      for (const negative of negatives) expression = `(${expression} NOT ${negative})`;
      return expression;
    }
    case 'or': {
      const parts = node.children.map((child) => exactExpression(db, child, expandShort));
      return parts.every((part) => part !== null) ? `(${parts.join(' OR ')})` : null;
    }
    default:
      return null;
  }
}

/** An index expression matching at least what `node` matches (a superset), or null when it would not narrow. */
function narrowingExpression(db: ReadableDB, node: QueryNode, expandShort: boolean): string | null {
  switch (node.type) {
    case 'text':
      return exactExpression(db, node, expandShort);
    case 'and': {
      const parts = node.children
        .map((child) => narrowingExpression(db, child, expandShort))
        .filter((part): part is string => part !== null);
      if (parts.length === 0) return null;
      return parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
    }
    case 'or': {
      const parts = node.children.map((child) => narrowingExpression(db, child, expandShort));
      return parts.every((part) => part !== null) ? `(${parts.join(' OR ')})` : null;
    }
    default:
      return null;
  }
}

/**
 * A search made ready for the cache: the index expression (when the text can narrow), the exact condition over
 * `messages m` for a walk in date order, and the condition left to check on the index's candidates.
 */
export interface SearchPlan {
  /** Nothing can match (a sender or chat named that is not here). */
  none: boolean;
  index: string | null;
  /** Everything, as a condition on the row (used when walking in date order). */
  whole: Sql;
  /** What the index does not already decide exactly (used on the index's candidates). */
  rest: Sql;
  /** The query has a 1–2 character term. */
  shortTerms: boolean;
  /**
   * When the index decides everything but the panel's date bounds: those bounds (a count in one chat can then
   * be the index's count over the ids those dates hold, see countChatMatchesInDates).
   */
  onlyDates: { from: number | null; to: number | null } | null;
}

/** Whether the query has a 1–2 character term (found through the index's vocabulary, which costs as much as its matches). */
function hasShortTerm(node: QueryNode | null): boolean {
  if (!node) return false;
  if (node.type === 'text') {
    const length = Array.from(foldForSearch(node.value)).length;
    return length > 0 && length < 3;
  }
  if (node.type === 'not') return hasShortTerm(node.child);
  if (node.type === 'and' || node.type === 'or') return node.children.some(hasShortTerm);
  return false;
}

/**
 * `expandShortTerms: false` leaves 1–2 character terms to the row check: for a page, a short walk finds a
 * common one sooner than its vocabulary does (see searchCachedMessages' `walkBudget`).
 */
export function planSearch(
  db: ReadableDB,
  filter: SearchFilter,
  root: QueryNode | null,
  options: { expandShortTerms?: boolean } = {},
): SearchPlan {
  const expandShort = options.expandShortTerms ?? true;
  const fields = fieldConditions(db, filter);
  const conjuncts = root ? (root.type === 'and' ? root.children : [root]) : [];
  if (filter.earlierVersions) {
    // The index holds only the newest text: every row is checked (slower; the option says so).
    const whole = all([...fields, ...conjuncts.map((conjunct) => nodeCondition(db, conjunct, true))], 'AND');
    return { none: whole.sql === FALSE.sql, index: null, whole, rest: whole, shortTerms: false, onlyDates: null };
  }
  const exact: string[] = [];
  const rest: Sql[] = [...fields];
  for (const conjunct of conjuncts) {
    const expression = exactExpression(db, conjunct, expandShort);
    if (expression !== null && conjunct.type !== 'not') exact.push(expression);
    else rest.push(nodeCondition(db, conjunct));
  }
  const whole = all([...fields, ...conjuncts.map((conjunct) => nodeCondition(db, conjunct))], 'AND');
  let index: string | null;
  let restCondition: Sql;
  let onlyDates: SearchPlan['onlyDates'] = null;
  if (exact.length > 0) {
    index = exact.length === 1 ? exact[0]! : exact.join(' AND ');
    restCondition = all(rest, 'AND');
    const dated = filter.from !== null || filter.to !== null;
    // The panel's date bounds are the first of the fields; nothing after them means the index decides the rest.
    if (dated && rest.length === (filter.from === null ? 0 : 1) + (filter.to === null ? 0 : 1))
      onlyDates = { from: filter.from, to: filter.to };
  } else {
    index = root ? narrowingExpression(db, root, expandShort) : null;
    restCondition = whole;
  }
  // A term the index has nowhere, required by the query, leaves nothing to look for.
  const none = whole.sql === FALSE.sql || exact.includes(MATCHES_NOTHING);
  return { none, index, whole, rest: restCondition, shortTerms: hasShortTerm(root), onlyDates };
}

/** The rowid range of one chat's entries in the index. */
function chatRange(chatId: number | null): Sql {
  return chatId === null
    ? TRUE
    : { sql: `s.rowid BETWEEN ? * ${SEARCH_ROWID_SPAN} AND ? * ${SEARCH_ROWID_SPAN} + ${SEARCH_ROWID_SPAN - 1}`, params: [chatId, chatId] };
}

/**
 * Whether anything in the whole index matches: a word that is nowhere is answered by this one lookup, as
 * fast as a bare FTS5 query (a lookup restricted to a chat's rowid range seeks in every index segment).
 */
export function indexMatchesAnywhere(db: ReadableDB, expression: string): boolean {
  return (
    cachedStatement<[string], { one: number }>(db, 'SELECT 1 AS one FROM message_search WHERE message_search MATCH ? LIMIT 1').get(
      expression,
    ) !== undefined
  );
}

/**
 * How many index entries match, stopping after `cap` (cheap: reads at most that many postings). The cap is
 * asked for only when something matches: a word that is nowhere costs one lookup and nothing else.
 */
export function countIndexCandidates(db: ReadableDB, plan: SearchPlan, chatId: number | null, cap: () => number): number {
  if (plan.index === null) return Number.POSITIVE_INFINITY;
  if (!indexMatchesAnywhere(db, plan.index)) return 0;
  const range = chatRange(chatId);
  return recentStatement<unknown[], { n: number }>(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM message_search s WHERE message_search MATCH ? AND ${range.sql} LIMIT ?)`,
  ).get(plan.index, ...range.params, cap())!.n;
}

/**
 * The messages the index matches across all chats, at most `cap` of them (as many as `cap` means "maybe more"):
 * read once, so a few can be sorted by date without the index matching again.
 */
export function readIndexCandidates(db: ReadableDB, plan: SearchPlan, cap: number): number[] {
  if (plan.none || plan.index === null) return [];
  const rows = cachedStatement<[string, number], { id: number }>(
    db,
    `SELECT rowid & ${SEARCH_ROWID_SPAN - 1} AS id FROM message_search WHERE message_search MATCH ? LIMIT ?`,
  ).all(plan.index, cap);
  return rows.map((row) => row.id);
}

/** One page, in order, of the given messages (candidates the index found) that the plan's row check keeps. */
export function searchCandidatesByDate(
  db: ReadableDB,
  plan: SearchPlan,
  messageIds: readonly number[],
  options: { order: 'newest' | 'oldest'; limit: number; after: SearchPosition | null },
): CacheHit[] {
  if (plan.none || messageIds.length === 0) return [];
  const descending = options.order === 'newest';
  const direction = descending ? 'DESC' : 'ASC';
  const where = all([plan.rest, cursorCondition(options.after, descending, false)], 'AND');
  const rows = recentStatement<unknown[], { id: number; date: number; sort_key: number; chat_id: number }>(
    db,
    `SELECT m.id, m.date, m.sort_key, m.chat_id FROM messages m WHERE m.id IN (SELECT value FROM json_each(?)) AND ${where.sql}
      ORDER BY m.date ${direction}, m.sort_key ${direction}, m.chat_id ${direction} LIMIT ?`,
  ).all(JSON.stringify(messageIds), ...where.params, options.limit);
  return rows.map(hitOf);
}

/** A hit from a row of `messages` read with its id, date, sort key and chat. */
function hitOf(row: { id: number; date: number; sort_key: number; chat_id: number }): CacheHit {
  return { rowId: row.id, chatId: row.chat_id, position: { date: row.date, sortKey: row.sort_key, chatId: row.chat_id } };
}

function cursorCondition(after: SearchPosition | null, descending: boolean, chatScoped: boolean): Sql {
  if (!after) return TRUE;
  return chatScoped
    ? { sql: `(m.date, m.sort_key) ${descending ? '<' : '>'} (?, ?)`, params: [after.date, after.sortKey] }
    : { sql: `(m.date, m.sort_key, m.chat_id) ${descending ? '<' : '>'} (?, ?, ?)`, params: [after.date, after.sortKey, after.chatId] };
}

/**
 * One page across all chats by walking the date index (which carries each message's chat and id, so its
 * index rowid) and keeping what the index matches: the index's matches are read once into a set, and no row
 * is read until it is a match. Cheaper than checking each row walked when matches are a small share of rows,
 * and than reading every candidate's row for its date when the page is found well before the last of them.
 */
export function searchAllChatsByIndexMembership(
  db: ReadableDB,
  plan: SearchPlan,
  options: { order: 'newest' | 'oldest'; limit: number; after: SearchPosition | null },
): CacheHit[] {
  if (plan.none) return [];
  if (plan.index === null) throw new Error('A walk by index membership needs an index expression.');
  const direction = options.order === 'newest' ? 'DESC' : 'ASC';
  const where = all([plan.rest, cursorCondition(options.after, options.order === 'newest', false)], 'AND');
  const rows = recentStatement<unknown[], { id: number; date: number; sort_key: number; chat_id: number }>(
    db,
    `SELECT m.id, m.date, m.sort_key, m.chat_id FROM messages m INDEXED BY messages_by_date
      WHERE m.chat_id * ${SEARCH_ROWID_SPAN} + m.id IN (SELECT rowid FROM message_search WHERE message_search MATCH ?) AND ${where.sql}
      ORDER BY m.date ${direction}, m.sort_key ${direction}, m.chat_id ${direction} LIMIT ?`,
  ).all(plan.index, ...where.params, options.limit);
  return rows.map(hitOf);
}

/**
 * One page of matches, in order, strictly after `after`: from the index's candidates when they are few
 * (`viaIndex`), else by walking the date index and checking each row. One query over every chat in scope.
 */
export function searchCachedMessages(
  db: ReadableDB,
  plan: SearchPlan,
  chatId: number | null,
  options: { order: 'newest' | 'oldest'; limit: number; after: SearchPosition | null; viaIndex: boolean; walkBudget?: number },
): CacheHit[] {
  if (plan.none) return [];
  const descending = options.order === 'newest';
  const direction = descending ? 'DESC' : 'ASC';
  const order =
    chatId === null
      ? `m.date ${direction}, m.sort_key ${direction}, m.chat_id ${direction}`
      : `m.date ${direction}, m.sort_key ${direction}`;
  const cursor = cursorCondition(options.after, descending, chatId !== null);
  let query: Sql;
  if (options.viaIndex && plan.index !== null) {
    const range = chatRange(chatId);
    const where = all([range, plan.rest, cursor], 'AND');
    query = {
      sql: `SELECT m.id, m.date, m.sort_key, m.chat_id FROM message_search s CROSS JOIN messages m ON m.id = ${MESSAGE_OF_ROWID}
            WHERE message_search MATCH ? AND ${where.sql} ORDER BY ${order} LIMIT ?`,
      params: [plan.index, ...where.params],
    };
  } else {
    const scope: Sql = chatId === null ? TRUE : { sql: 'm.chat_id = ?', params: [chatId] };
    const index = chatId === null ? 'messages_by_date' : 'messages_by_position';
    if (options.walkBudget === undefined) {
      const where = all([scope, plan.whole, cursor], 'AND');
      query = {
        sql: `SELECT m.id, m.date, m.sort_key, m.chat_id FROM messages m INDEXED BY ${index} WHERE ${where.sql} ORDER BY ${order} LIMIT ?`,
        params: where.params,
      };
    } else {
      // Only the next `walkBudget` rows in order are checked (a page found there is the true next page): the
      // last of them, found in the index alone, bounds the walk, which stops sooner at `limit` matches.
      const walked = all([scope, cursor], 'AND');
      const boundary = recentStatement<unknown[], { date: number; sort_key: number; chat_id: number }>(
        db,
        `SELECT m.date, m.sort_key, m.chat_id FROM messages m INDEXED BY ${index} WHERE ${walked.sql} ORDER BY ${order} LIMIT 1 OFFSET ?`,
      ).get(...walked.params, options.walkBudget - 1);
      const comparison = descending ? '>=' : '<=';
      // The plain date bound ends the index range (a row-value bound alone is checked on every entry after).
      const stop: Sql = !boundary
        ? TRUE
        : chatId === null
          ? {
              sql: `m.date ${comparison} ? AND (m.date, m.sort_key, m.chat_id) ${comparison} (?, ?, ?)`,
              params: [boundary.date, boundary.date, boundary.sort_key, boundary.chat_id],
            }
          : {
              sql: `m.date ${comparison} ? AND (m.date, m.sort_key) ${comparison} (?, ?)`,
              params: [boundary.date, boundary.date, boundary.sort_key],
            };
      const where = all([scope, cursor, stop, plan.whole], 'AND');
      query = {
        sql: `SELECT m.id, m.date, m.sort_key, m.chat_id FROM messages m INDEXED BY ${index} WHERE ${where.sql} ORDER BY ${order} LIMIT ?`,
        params: where.params,
      };
    }
  }
  const rows = recentStatement<unknown[], { id: number; date: number; sort_key: number; chat_id: number }>(db, query.sql).all(
    ...query.params,
    options.limit,
  );
  return rows.map(hitOf);
}

/** The index's rowids of one chat's messages with ids in [fromId, toId]. */
function chatIdRange(chatId: number, fromId: number, toId: number): Sql {
  return { sql: `s.rowid BETWEEN ? * ${SEARCH_ROWID_SPAN} + ? AND ? * ${SEARCH_ROWID_SPAN} + ?`, params: [chatId, fromId, chatId, toId] };
}

const LAST_MESSAGE_ID = SEARCH_ROWID_SPAN - 1;

/**
 * Whether every message of the chat dated from `after` to `before` (inclusive; null: open) has an id in
 * [fromId, toId]: the lowest and highest id there, from the position index alone (it carries the id). The
 * dates are a superset of the positions that matter, so a false "no" only sends the caller to another plan.
 */
function idsBetweenDatesWithin(
  db: ReadableDB,
  chatId: number,
  after: number | null,
  before: number | null,
  fromId: number,
  toId: number,
): boolean {
  const wanted = [fromId > 0 ? 'min(id) AS low' : '', toId < LAST_MESSAGE_ID ? 'max(id) AS high' : ''].filter(Boolean).join(', ');
  if (wanted === '') return true;
  const row = cachedStatement<[number, number, number], { low?: number | null; high?: number | null }>(
    db,
    `SELECT ${wanted} FROM messages INDEXED BY messages_by_position WHERE chat_id = ? AND date >= ? AND date <= ?`,
  ).get(chatId, after ?? Number.MIN_SAFE_INTEGER, before ?? Number.MAX_SAFE_INTEGER)!;
  return (row.low == null || row.low >= fromId) && (row.high == null || row.high <= toId);
}

/**
 * One page of a chat's matches read from the index in rowid order — the chat's message ids — which is its
 * position order wherever messages were stored oldest first (an import, a download paging newer): then the
 * page costs `limit` postings and rows, as little as the index can do it. The order is proven, not assumed:
 * a message between the page's ends (or its cursor) whose id was not read makes this return null, and the
 * caller sorts candidates or walks dates instead. Only for a query the index decides exactly (no row check).
 */
export function searchChatInIdOrder(
  db: ReadableDB,
  plan: SearchPlan,
  chatId: number,
  options: { order: 'newest' | 'oldest'; limit: number; after: SearchPosition | null },
): CacheHit[] | null {
  if (plan.none) return [];
  if (plan.index === null || plan.rest.sql !== TRUE.sql) return null;
  const descending = options.order === 'newest';
  const { after, limit } = options;
  // Past a cursor, ids are read from the cursor's message on (its id bounds them as its position does).
  let cursorId: number | null = null;
  if (after) {
    const row = cachedStatement<[number, number, number], { id: number }>(
      db,
      'SELECT id FROM messages WHERE chat_id = ? AND date = ? AND sort_key = ?',
    ).get(chatId, after.date, after.sortKey);
    if (!row) return null;
    cursorId = row.id;
  }
  const fromId = !descending && cursorId !== null ? cursorId + 1 : 0;
  const toId = descending && cursorId !== null ? cursorId - 1 : LAST_MESSAGE_ID;
  const where = all([chatIdRange(chatId, fromId, toId), cursorCondition(after, descending, true)], 'AND');
  const rows = recentStatement<unknown[], { id: number; date: number; sort_key: number }>(
    db,
    `SELECT m.id, m.date, m.sort_key FROM message_search s CROSS JOIN messages m ON m.id = ${MESSAGE_OF_ROWID}
      WHERE message_search MATCH ? AND ${where.sql} ORDER BY s.rowid ${descending ? 'DESC' : 'ASC'} LIMIT ?`,
  ).all(plan.index, ...where.params, limit);
  const sign = descending ? -1 : 1;
  rows.sort((a, b) => sign * (a.date - b.date || a.sort_key - b.sort_key));
  const full = rows.length === limit;
  const ids = rows.map((row) => row.id);
  // What was read: every match with an id in [readFrom, readTo] (all of them when the page is not full).
  const readFrom = descending && full ? Math.min(...ids) : fromId;
  const readTo = !descending && full ? Math.max(...ids) : toId;
  const end = full ? (rows.at(-1)?.date ?? null) : null;
  if ((readFrom > 0 || readTo < LAST_MESSAGE_ID) && !idsFollowPositions(db, chatId)) {
    // A page that ran out below a cursor would have to prove the whole rest of the chat: left to the caller.
    if (!full) return null;
    // Between the page's end and its cursor no message may have an id that was not read (the cursor's own
    // message, at the window's edge, has the id it bounds the read with).
    const [older, newer] = descending ? [end, after?.date ?? null] : [after?.date ?? null, end];
    const low = !descending && cursorId !== null ? cursorId : readFrom;
    const high = descending && cursorId !== null ? cursorId : readTo;
    if (!idsBetweenDatesWithin(db, chatId, older, newer, low, high)) return null;
  }
  return rows.map((row) => ({ rowId: row.id, chatId, position: { date: row.date, sortKey: row.sort_key, chatId } }));
}

/**
 * How many cached messages match, answered by the index alone when it decides the query exactly, else
 * from its candidates. Null when the index cannot narrow (the caller counts by walking dates in slices).
 */
export function countCachedMatchesByIndex(db: ReadableDB, plan: SearchPlan, chatId: number | null): number | null {
  if (plan.none) return 0;
  if (plan.index === null) return null;
  if (!indexMatchesAnywhere(db, plan.index)) return 0;
  const range = chatRange(chatId);
  if (plan.rest.sql === TRUE.sql) {
    return recentStatement<unknown[], { n: number }>(
      db,
      `SELECT count(*) AS n FROM message_search s WHERE message_search MATCH ? AND ${range.sql}`,
    ).get(plan.index, ...range.params)!.n;
  }
  if (chatId !== null && plan.onlyDates) {
    const counted = countChatMatchesInDates(db, plan.index, chatId, plan.onlyDates);
    if (counted !== null) return counted;
  }
  if (chatId === null && plan.onlyDates) {
    const counted = countAllChatsMatchesInDates(db, plan.index, plan.onlyDates);
    if (counted !== null) return counted;
  }
  const where = all([range, plan.rest], 'AND');
  return recentStatement<unknown[], { n: number }>(
    db,
    `SELECT count(*) AS n FROM message_search s CROSS JOIN messages m ON m.id = ${MESSAGE_OF_ROWID}
       WHERE message_search MATCH ? AND ${where.sql}`,
  ).get(plan.index, ...where.params)!.n;
}

/**
 * Matches across all chats dated in [from, to), when the index's candidates are many for those dates: the date
 * index walked over them, keeping entries whose index rowid (chat and id, both in the date index) the index
 * matches — no row is read. Null when candidates are few (reading each one's row for its date costs less).
 * The rows in the dates are estimated from the archive's span, as if spread evenly.
 */
function countAllChatsMatchesInDates(db: ReadableDB, expression: string, dates: { from: number | null; to: number | null }): number | null {
  const span = cachedDateSpan(db, null);
  if (!span) return 0;
  const from = Math.max(span.first, dates.from ?? span.first);
  const to = Math.min(span.last + 1, dates.to ?? span.last + 1);
  if (to <= from) return 0;
  const rows = (estimatedMessageCount(db) * (to - from)) / (span.last + 1 - span.first);
  const rowsWorthReading = Math.floor(rows / ROW_COST_IN_INDEX_ENTRIES);
  const candidates = recentStatement<[string, number], { n: number }>(
    db,
    'SELECT count(*) AS n FROM (SELECT 1 FROM message_search WHERE message_search MATCH ? LIMIT ?)',
  ).get(expression, rowsWorthReading + 1)!.n;
  if (candidates <= rowsWorthReading) return null;
  return recentStatement<[number, number, string], { n: number }>(
    db,
    `SELECT count(*) AS n FROM messages m INDEXED BY messages_by_date WHERE m.date >= ? AND m.date < ?
      AND m.chat_id * ${SEARCH_ROWID_SPAN} + m.id IN (SELECT rowid FROM message_search WHERE message_search MATCH ?)`,
  ).get(from, to, expression)!.n;
}

/** A candidate's row read to check its date costs about this many position-index entries walked. */
const ROW_COST_IN_INDEX_ENTRIES = 40;

/**
 * Matches of one chat dated in [from, to), counted by the index alone over the ids those dates hold, when they
 * hold a run of ids and nothing else: the messages there, counted in the position index, are as many as the ids
 * between their lowest and highest (so every id between is theirs). That walk costs a fraction of reading each
 * candidate's row for its date, unless candidates are few: then (and when the ids are not one run) null, and
 * the caller reads the rows.
 */
function countChatMatchesInDates(
  db: ReadableDB,
  expression: string,
  chatId: number,
  dates: { from: number | null; to: number | null },
): number | null {
  const from = dates.from ?? Number.MIN_SAFE_INTEGER;
  const to = dates.to ?? Number.MAX_SAFE_INTEGER;
  // The ids at the range's ends (two seeks) estimate how many messages it holds.
  const end = (descending: boolean) =>
    cachedStatement<[number, number, number], { id: number }>(
      db,
      `SELECT id FROM messages INDEXED BY messages_by_position WHERE chat_id = ? AND date >= ? AND date < ?
        ORDER BY date ${descending ? 'DESC' : 'ASC'}, sort_key ${descending ? 'DESC' : 'ASC'} LIMIT 1`,
    ).get(chatId, from, to)?.id;
  const first = end(false);
  const last = end(true);
  if (first === undefined || last === undefined) return 0;
  // Ids that follow positions make the dates' messages exactly the ids from the first to the last.
  if (idsFollowPositions(db, chatId)) {
    const ids = chatIdRange(chatId, first, last);
    return recentStatement<unknown[], { n: number }>(
      db,
      `SELECT count(*) AS n FROM message_search s WHERE message_search MATCH ? AND ${ids.sql}`,
    ).get(expression, ...ids.params)!.n;
  }
  const walk = Math.abs(last - first) + 1;
  const rowsWorthReading = Math.floor(walk / ROW_COST_IN_INDEX_ENTRIES);
  const range = chatRange(chatId);
  const candidates = recentStatement<unknown[], { n: number }>(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM message_search s WHERE message_search MATCH ? AND ${range.sql} LIMIT ?)`,
  ).get(expression, ...range.params, rowsWorthReading + 1)!.n;
  if (candidates <= rowsWorthReading) return null;
  const span = cachedStatement<[number, number, number], { n: number; low: number | null; high: number | null }>(
    db,
    `SELECT count(*) AS n, min(id) AS low, max(id) AS high FROM messages INDEXED BY messages_by_position
      WHERE chat_id = ? AND date >= ? AND date < ?`,
  ).get(chatId, from, to)!;
  if (span.n === 0 || span.low === null || span.high === null) return 0;
  if (span.high - span.low + 1 !== span.n) return null;
  const ids = chatIdRange(chatId, span.low, span.high);
  return recentStatement<unknown[], { n: number }>(
    db,
    `SELECT count(*) AS n FROM message_search s WHERE message_search MATCH ? AND ${ids.sql}`,
  ).get(expression, ...ids.params)!.n;
}

/** Matches among a chat's (or every chat's) cached messages dated in [from, to), checking each row. */
export function countCachedMatchesInDates(db: ReadableDB, plan: SearchPlan, chatId: number | null, from: number, to: number): number {
  if (plan.none) return 0;
  const scope: Sql = chatId === null ? TRUE : { sql: 'm.chat_id = ?', params: [chatId] };
  const where = all([scope, { sql: 'm.date >= ? AND m.date < ?', params: [from, to] }, plan.whole], 'AND');
  return recentStatement<unknown[], { n: number }>(db, `SELECT count(*) AS n FROM messages m WHERE ${where.sql}`).get(...where.params)!.n;
}

/** The dates of the oldest and newest cached messages of a chat (or of all chats). */
export function cachedDateSpan(db: ReadableDB, chatId: number | null): { first: number; last: number } | null {
  const row =
    chatId === null
      ? cachedStatement<[], { first: number | null; last: number | null }>(
          db,
          // Each of min and max alone is one seek in the date index; together in one SELECT they scan it.
          'SELECT (SELECT min(date) FROM messages) AS first, (SELECT max(date) FROM messages) AS last',
        ).get()
      : cachedStatement<[number, number], { first: number | null; last: number | null }>(
          db,
          'SELECT (SELECT min(date) FROM messages WHERE chat_id = ?) AS first, (SELECT max(date) FROM messages WHERE chat_id = ?) AS last',
        ).get(chatId, chatId);
  return row && row.first !== null && row.last !== null ? { first: row.first, last: row.last } : null;
}

/**
 * About how many messages the cache holds, from one seek: the highest row id (ids are never reused, so a
 * deleted chat's leave it high). For choosing a plan, where summing every chat's count costs more than the
 * choice saves.
 */
export function estimatedMessageCount(db: ReadableDB): number {
  return cachedStatement<[], { n: number | null }>(db, 'SELECT max(id) AS n FROM messages').get()!.n ?? 0;
}

/** A chat's cached messages: sets its index-or-walk threshold (across chats, see estimatedMessageCount). */
export function cachedMessageCount(db: ReadableDB, chatId: number): number {
  return cachedStatement<[number], { n: number }>(db, 'SELECT cached_count AS n FROM chats WHERE id = ?').get(chatId)?.n ?? 0;
}

/** Names of the given chats, for labelling hits. */
export function chatNamesOf(db: ReadableDB, chatIds: readonly number[]): Map<number, string> {
  if (chatIds.length === 0) return new Map();
  const rows = cachedStatement<[string], { id: number; name: string }>(
    db,
    'SELECT id, name FROM chats WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify([...new Set(chatIds)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}
