import path from 'node:path';
import type { WritableDB } from '../../electron/core/cache/CacheDatabase.ts';
import { SEARCH_ROWID_SPAN } from '../../electron/core/cache/searchIndexRowid.ts';
import { createSearchService, type SearchService } from '../../electron/core/search/createSearchService.ts';
import { foldForSearch } from '../../electron/core/text/foldForSearch.ts';
import type { SearchFilter } from '../../shared/search.ts';
import type { HistorySource } from '../../electron/core/sources/HistorySource.ts';
import { compareCosts, costOfSync, round, type Figure, type Figures } from '../benchResults.ts';
import { openFreshDatabase, PLANTED, storeDemoChat, storeGeneratedChats } from './searchArchive.ts';

/**
 * Search at scale, every figure beside bare SQL doing the same work at its least, in the same run:
 * - the first page (50 newest hits) beside the cheaper of a walk of the date index that checks each row for the
 *   term and the index's top 50 matches by rowid (the chats' ids, which follow their dates here);
 * - a total in one year beside the bare index count over that year's ids (one chat), or the cheaper of the join
 *   of the index's matches with their dates and a walk of the year counting rows (all chats);
 * - a total without dates beside the bare index count of the same chat (or of the whole index for all chats).
 * Terms: common, middling, rare, none and 1–2 characters (common, middling, rare), in the demo's archive chat
 * and across 5,000 chats, at 100k, 1M and 10M messages (the 1M archive chat inside 10M; quick: 200k only).
 */

const S = SEARCH_ROWID_SPAN;
const FOLDED = 'CASE WHEN length(CAST(m.text AS BLOB)) = length(m.text) THEN lower(m.text) ELSE fold(m.text) END';
const PAGE = 50;
const YEAR = { from: Date.parse('2021-01-01T00:00:00Z'), to: Date.parse('2022-01-01T00:00:00Z') };

interface Term {
  name: string;
  text: string;
}

/** The same kinds of term in both places; in the archive chat its own words, in generated chats the planted ones. */
const chatTerms: Term[] = [
  { name: 'common', text: 'the' },
  { name: 'middling', text: 'console.log' },
  { name: 'rare', text: PLANTED.rare },
  { name: 'none', text: 'qqzzxx' },
  { name: 'two_letters_common', text: 'ok' },
  { name: 'two_letters_middling', text: '42' },
  { name: 'two_letters_rare', text: 'zq' },
];

type Scope = { label: 'one_chat'; chatId: number } | { label: 'all_chats'; chatId: null };

function quoted(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** Bare SQL over one database: the floors. */
function floorsOf(db: WritableDB) {
  const vocabulary = db.prepare<[string, string], { term: string }>('SELECT term FROM message_search_terms WHERE term >= ? AND term <= ?');
  /** The index expression for a term: its phrase, or for 1–2 characters the trigrams starting with it (null: none). */
  const expression = (text: string): string | null => {
    const term = foldForSearch(text);
    const length = Array.from(term).length;
    if (length >= 3) return quoted(term);
    const trigrams = vocabulary.all(term, term + '\u{10FFFF}'.repeat(3 - length)).map((row) => quoted(row.term));
    return trigrams.length === 0 ? null : `(${trigrams.join(' OR ')})`;
  };
  const walkChat = db.prepare(
    `SELECT m.* FROM messages m INDEXED BY messages_by_position WHERE m.chat_id = ? AND instr(${FOLDED}, ?) > 0
      ORDER BY m.date DESC, m.sort_key DESC LIMIT ${PAGE}`,
  );
  const walkAll = db.prepare(
    `SELECT m.* FROM messages m INDEXED BY messages_by_date WHERE instr(${FOLDED}, ?) > 0
      ORDER BY m.date DESC, m.sort_key DESC, m.chat_id DESC LIMIT ${PAGE}`,
  );
  const topChat = db.prepare(
    `SELECT m.* FROM (SELECT rowid AS r FROM message_search WHERE message_search MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ${PAGE}) s
      CROSS JOIN messages m ON m.id = (s.r & ${S - 1})`,
  );
  const topAll = db.prepare(
    `SELECT m.* FROM (SELECT rowid AS r FROM message_search WHERE message_search MATCH ? ORDER BY rowid DESC LIMIT ${PAGE}) s
      CROSS JOIN messages m ON m.id = (s.r & ${S - 1})`,
  );
  // Across chats a hit's position is its date: the index's matches in that order, the two bare ways there are.
  const membershipAll = db.prepare(
    `SELECT m.* FROM messages m INDEXED BY messages_by_date
      WHERE m.chat_id * ${S} + m.id IN (SELECT rowid FROM message_search WHERE message_search MATCH ?)
      ORDER BY m.date DESC, m.sort_key DESC, m.chat_id DESC LIMIT ${PAGE}`,
  );
  const sortedAll = db.prepare(
    `SELECT m.* FROM message_search s CROSS JOIN messages m ON m.id = (s.rowid & ${S - 1}) WHERE message_search MATCH ?
      ORDER BY m.date DESC, m.sort_key DESC, m.chat_id DESC LIMIT ${PAGE}`,
  );
  const countChat = db.prepare<[string, number, number], { n: number }>(
    'SELECT count(*) AS n FROM message_search WHERE message_search MATCH ? AND rowid BETWEEN ? AND ?',
  );
  const countAll = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM message_search WHERE message_search MATCH ?');
  const end = (direction: 'ASC' | 'DESC') =>
    `(SELECT id FROM messages INDEXED BY messages_by_position WHERE chat_id = :chat AND date >= :from AND date < :to
       ORDER BY date ${direction}, sort_key ${direction} LIMIT 1)`;
  // The chat's ids follow its dates here (stored oldest first): a year is the ids between its first and last message.
  const countChatYear = db.prepare<[{ expression: string; chat: number; from: number; to: number }], { n: number }>(
    `SELECT count(*) AS n FROM message_search WHERE message_search MATCH :expression
      AND rowid BETWEEN :chat * ${S} + ${end('ASC')} AND :chat * ${S} + ${end('DESC')}`,
  );
  const joinAllYear = db.prepare<[string, number, number], { n: number }>(
    `SELECT count(*) AS n FROM message_search s CROSS JOIN messages m ON m.id = (s.rowid & ${S - 1})
      WHERE message_search MATCH ? AND m.date >= ? AND m.date < ?`,
  );
  const walkAllYear = db.prepare<[number, number, string], { n: number }>(
    `SELECT count(*) AS n FROM messages m INDEXED BY messages_by_date WHERE m.date >= ? AND m.date < ? AND instr(${FOLDED}, ?) > 0`,
  );
  const chatRange = (chatId: number): [number, number] => [chatId * S, chatId * S + S - 1];
  return {
    pageWalk: (scope: Scope, text: string) => () =>
      scope.chatId === null ? walkAll.all(foldForSearch(text)) : walkChat.all(scope.chatId, foldForSearch(text)),
    pageByDateAll: (text: string, how: 'membership' | 'sorted') => () => {
      const match = expression(text);
      if (match === null) return [];
      return (how === 'membership' ? membershipAll : sortedAll).all(match);
    },
    pageIndex: (scope: Scope, text: string) => () => {
      const match = expression(text);
      if (match === null) return [];
      return scope.chatId === null ? topAll.all(match) : topChat.all(match, ...chatRange(scope.chatId));
    },
    count: (scope: Scope, text: string) => () => {
      const match = expression(text);
      if (match === null) return 0;
      return scope.chatId === null ? countAll.get(match)!.n : countChat.get(match, ...chatRange(scope.chatId))!.n;
    },
    countYearChat: (chatId: number, text: string) => () => {
      const match = expression(text);
      return match === null ? 0 : countChatYear.get({ expression: match, chat: chatId, ...YEAR })!.n;
    },
    joinYearAll: (text: string) => () => {
      const match = expression(text);
      return match === null ? 0 : joinAllYear.get(match, YEAR.from, YEAR.to)!.n;
    },
    walkYearAll: (text: string) => () => walkAllYear.get(YEAR.from, YEAR.to, foldForSearch(text))!.n,
  };
}

interface Candidate {
  what: string;
  work: () => unknown;
}

/** The cheaper of two ways to the same result, by one timed call each (after a warm-up call when it is cheap). */
function cheaperOf(candidates: Candidate[]): { chosen: Candidate; cost: number; note: string } {
  const timed = candidates.map((candidate) => {
    let cost = costOfSync(candidate.work).cpuMs;
    if (cost < 200) cost = costOfSync(candidate.work).cpuMs;
    return { candidate, cost };
  });
  timed.sort((a, b) => a.cost - b.cost);
  return {
    chosen: timed[0]!.candidate,
    cost: timed[0]!.cost,
    note: `floor chosen as the cheaper of: ${timed.map((t) => `${t.candidate.what} ${round(t.cost, 2)} ms`).join('; ')}`,
  };
}

export async function runSearchScaleBench(folder: string, options: { quick: boolean }): Promise<Figures> {
  const figures: Figures = {};
  // Sources that cannot search (as an imported archive's): what is measured is the search on this computer.
  const notHere = () => Promise.reject(new Error('The bench asks no source.'));
  const cannotSearch: HistorySource = {
    id: 'bench',
    kind: 'import',
    listChats: async () => [],
    getLatest: notHere,
    getOlder: notHere,
    getNewer: notHere,
    getAround: notHere,
  };
  const offline = () => cannotSearch;

  /** Times ours beside the floor, with as many calls a round as fit in about half a second. */
  async function figure(name: string, spec: { what: string; floor: Candidate; ours: () => unknown; target: number; note: string }) {
    const once = Math.max(costOfSync(spec.floor.work).cpuMs, (await timeAsync(spec.ours)).cpuMs, 0.05);
    const budget = options.quick ? 120 : 500;
    const samples = Math.max(1, Math.min(options.quick ? 7 : 15, Math.round(budget / once)));
    const result: Figure = await compareCosts({
      what: spec.what,
      floor: spec.floor.what,
      ours: spec.ours,
      floorWork: spec.floor.work,
      samples,
      rounds: 3,
      warmup: 0,
      target: { max: spec.target },
      note: spec.note,
    });
    figures[name] = result;
    process.stderr.write(`  ${name}: ${result.value} vs ${result.floor.value} ms CPU (${result.ratio}×)\n`);
  }

  async function measure(db: WritableDB, scope: Scope, size: string, sizeWords: string, terms: Term[]) {
    const service: SearchService = createSearchService({ db, sourceFor: offline });
    const floors = floorsOf(db);
    const where = scope.chatId === null ? `across 5,000 chats, ${sizeWords}` : `in one chat, ${sizeWords}`;
    for (const term of terms) {
      const filter: SearchFilter = { chatId: scope.chatId, from: null, to: null, query: term.text, sender: '', kinds: [] };
      const dated: SearchFilter = { ...filter, ...YEAR };
      const total = (await service.count(filter)).onComputer;
      const totalDated = (await service.count(dated)).onComputer;
      const bareTotal = floors.count(scope, term.text)();
      if (scope.chatId !== null && bareTotal !== total)
        throw new Error(`"${term.text}": ours counts ${total}, the bare index ${bareTotal}`);
      const key = `${term.name}_${scope.label}_${size}`;
      const words = `"${term.text}" (${total} hits)`;

      // The first page, as the window asks for it. In one chat the index's rowids are the chat's ids, which follow
      // its dates here: its top 50 by rowid are the page. Across chats its rowids go chat by chat, so its top 50
      // by rowid are another answer (the highest chats' hits, not the newest): the index's matches in date order
      // are read the two bare ways there are, and the rowid shortcut is only reported beside them.
      const walk = {
        what: 'bare SQL: walk of the date index checking each row for the term, 50 rows',
        work: floors.pageWalk(scope, term.text),
      };
      const page =
        scope.chatId === null
          ? cheaperOf([
              walk,
              {
                what: "bare SQL: the date index walked keeping the index's matches (its rowids read once), 50 rows",
                work: floors.pageByDateAll(term.text, 'membership'),
              },
              {
                what: "bare SQL: the index's matches joined with their rows, sorted by date, 50 kept",
                work: floors.pageByDateAll(term.text, 'sorted'),
              },
            ])
          : cheaperOf([
              walk,
              { what: "bare SQL: the index's top 50 matches by rowid, their rows", work: floors.pageIndex(scope, term.text) },
            ]);
      const shortcut =
        scope.chatId === null
          ? `; not a floor, another answer: the index's top 50 by rowid (chat by chat, not by date) ${round(cheaperOf([{ what: '', work: floors.pageIndex(scope, term.text) }]).cost, 2)} ms`
          : '';
      await figure(`search_first_page_${key}`, {
        what: `first page (50 newest hits, read and highlighted) of ${words} ${where}`,
        floor: page.chosen,
        ours: () => service.search({ ...filter, order: 'newest', limit: PAGE, cursor: null }),
        target: 3,
        note: page.note + shortcut,
      });

      // The total in one year.
      const year =
        scope.chatId === null
          ? cheaperOf([
              { what: "bare SQL: the index's matches joined with their rows' dates, counted", work: floors.joinYearAll(term.text) },
              { what: 'bare SQL: walk of the year in the date index, rows holding the term counted', work: floors.walkYearAll(term.text) },
            ])
          : {
              chosen: {
                what: "bare SQL: the index's count over the year's ids (from its first and last message, two seeks)",
                work: floors.countYearChat(scope.chatId, term.text),
              },
              note: "the chat's ids follow its dates here, so the year's ids are one run",
            };
      const bareYear = year.chosen.work();
      if (bareYear !== totalDated) throw new Error(`"${term.text}" in 2021: ours counts ${totalDated}, the floor ${String(bareYear)}`);
      await figure(`search_total_in_a_year_${key}`, {
        what: `total in 2021 of ${words.replace(/\(.*\)/, `(${totalDated} in 2021)`)} ${where}`,
        floor: year.chosen,
        ours: () => service.count(dated),
        target: 2,
        note: year.note,
      });

      // The total without dates.
      await figure(`search_total_${key}`, {
        what: `total of ${words} ${where}`,
        floor: {
          what: `bare SQL: the index's count${scope.chatId === null ? ' (the whole index)' : " over the chat's rowids"}`,
          work: floors.count(scope, term.text),
        },
        ours: () => service.count(filter),
        target: 2,
        note: '',
      });
    }
  }

  /** The archive chat alone, then 5,000 chats of as many messages in all; the archive is kept for 10M. */
  async function measureAt(messages: number, label: string, words: string) {
    process.stderr.write(`search: the archive chat of ${words}…\n`);
    const archive = openFreshDatabase(path.join(folder, `search-archive-${label}.db`));
    const archiveChat = storeDemoChat(archive, messages);
    await measure(archive, { label: 'one_chat', chatId: archiveChat }, label, `${words} in all`, chatTerms);
    process.stderr.write(`search: 5,000 chats, ${words} in all…\n`);
    const many = openFreshDatabase(path.join(folder, `search-5000-${label}.db`));
    storeGeneratedChats(many, 5_000, messages / 5_000, 'import:many');
    await measure(many, { label: 'all_chats', chatId: null }, label, `${words} in all`, chatTerms);
    many.close();
    return { archive, archiveChat };
  }

  if (options.quick) {
    (await measureAt(200_000, '200k', '200k messages')).archive.close();
    return figures;
  }
  // The scale curve: 100k, 1M and 10M messages.
  (await measureAt(100_000, '100k', '100k messages')).archive.close();
  const { archive, archiveChat } = await measureAt(1_000_000, '1m', '1M messages');

  // 10M: the archive chat beside 4,999 more chats (5,000 in all).
  process.stderr.write('search: the archive chat beside 4,999 chats, 10M messages in all…\n');
  storeGeneratedChats(archive, 4_999, 1_800, 'import:many');
  await measure(archive, { label: 'one_chat', chatId: archiveChat }, '10m', 'the 1M archive chat in 10M messages', chatTerms);
  await measure(archive, { label: 'all_chats', chatId: null }, '10m', '10M messages in all', chatTerms);
  archive.close();
  return figures;
}

async function timeAsync(work: () => unknown) {
  const cpu = process.cpuUsage();
  await work();
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000 };
}
