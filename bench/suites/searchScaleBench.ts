import path from 'node:path';
import { upsertChats, getChatRecord } from '../../electron/core/cache/chatQueries.ts';
import { upsertSource } from '../../electron/core/cache/sourceQueries.ts';
import { storeHistoryRun } from '../../electron/core/cache/storeHistoryRun.ts';
import { openCacheDatabase } from '../../electron/core/cache/openCacheDatabase.ts';
import type { WritableDB } from '../../electron/core/cache/CacheDatabase.ts';
import { createSearchService } from '../../electron/core/search/createSearchService.ts';
import { englishPhrases, otherLanguagePhrases } from '../../electron/core/sources/demo/demoPhrases.ts';
import { sourceMessage, type SourceMessage } from '../../electron/core/model/SourceMessage.ts';
import type { SearchFilter, SearchRequest } from '../../shared/search.ts';
import { percentile, round, type Figures } from '../benchResults.ts';
import { ingestDemoArchive } from './historyBench.ts';

const phrases = [...englishPhrases, ...otherLanguagePhrases];
/** A two-letter run no phrase holds: put into one generated message in 20,000. */
const RARE_PAIR = 'zq';
const senders = ['Ana', 'Ben', 'Chen', 'Dana', 'Émile', 'Fatima'].map((name, index) => ({ key: `g${index}`, name }));

/** Deterministic filler chats: phrases of the demo's languages, a rare pair now and then, one message a minute. */
function storeGeneratedChats(db: WritableDB, chats: number, perChat: number, sourceId: string): number[] {
  upsertSource(db, { id: sourceId, kind: 'import', name: `Generated ${chats} chats` });
  const start = Date.parse('2015-01-01T00:00:00Z');
  const ids = upsertChats(
    db,
    sourceId,
    Array.from({ length: chats }, (_, c) => ({
      key: `chat-${c}`,
      name: `Generated chat ${c}`,
      kind: 'group' as const,
      messageCount: perChat,
      lastMessageDate: start + perChat * 60_000,
    })),
  );
  let seed = 12345;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const batchSize = 50_000;
  for (const [c, chatId] of ids.entries()) {
    const chat = getChatRecord(db, chatId);
    for (let first = 0; first < perChat; first += batchSize) {
      const batch: SourceMessage[] = [];
      for (let i = first; i < Math.min(perChat, first + batchSize); i++) {
        const a = phrases[Math.floor(random() * phrases.length)]!;
        const b = random() < 0.3 ? ` ${phrases[Math.floor(random() * phrases.length)]!}` : '';
        const rare = (c * perChat + i) % 20_000 === 7 ? ` ${RARE_PAIR}ip` : '';
        batch.push(
          sourceMessage({
            id: String(i + 1),
            sortKey: i + 1,
            date: start + i * 60_000 + c,
            sender: senders[(i + c) % senders.length]!,
            out: false,
            text: a + b + rare,
          }),
        );
      }
      storeHistoryRun(db, chat, {
        messages: batch,
        coverage: { from: batch[0]!, to: batch[batch.length - 1]!, reachesOldest: first === 0 },
      });
    }
  }
  return ids;
}

async function medianMs(samples: number, run: () => unknown): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const began = performance.now();
    await run();
    times.push(performance.now() - began);
  }
  return percentile(times, 50);
}

function bareCount(db: WritableDB, expression: string): () => number {
  const statement = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM message_search WHERE message_search MATCH ?');
  return () => statement.get(expression)!.n;
}

const request = (filter: SearchFilter): SearchRequest => ({ ...filter, order: 'newest', limit: 50, cursor: null });

/**
 * Search at scale: the 1,000,000-message demo chat inside a database of 10,000,000 (quick: 2,000,000), and
 * 5,000 chats of 200 messages, each figure beside the bare FTS5 query for the same text on the same database.
 */
export async function runSearchScaleBench(folder: string, options: { quick: boolean }): Promise<Figures> {
  const figures: Figures = {};
  const samples = options.quick ? 5 : 15;
  const big = await ingestDemoArchive(path.join(folder, 'search-10m.db'));
  const extraChats = options.quick ? 10 : 90;
  storeGeneratedChats(big.db, extraChats, 100_000, 'import:generated');
  const total = (big.db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
  const service = createSearchService({ db: big.db, sourceFor: () => big.demo });
  const chatFilter = (query: string): SearchFilter => ({ chatId: big.chatId, from: null, to: null, query, sender: '', kinds: [] });
  const label = `${(total / 1e6).toFixed(0)}M messages`;

  for (const [name, word] of [
    ['common', 'the'],
    ['rare', 'console.log'],
  ] as const) {
    const ours = await medianMs(samples, () => service.count(chatFilter(word)));
    const bare = await medianMs(samples, bareCount(big.db, `"${word}"`));
    const matches = (await service.count(chatFilter(word))).onComputer;
    figures[`search_count_${name}_ms`] = { value: round(ours, 2), unit: 'ms', target: `"${word}": ${matches} in the 1M chat, ${label}` };
    figures[`search_count_${name}_bare_fts_ms`] = {
      value: round(bare, 2),
      unit: 'ms',
      target: 'baseline: bare FTS5 count, whole database',
    };
    figures[`search_count_vs_fts_ratio_${name}`] = { value: round(ours / bare, 2), unit: 'x', target: '<= 2' };
  }

  // A word with no match: the total and the page answered from the cache (the range ends at the newest
  // cached message, so no source is asked about the time since), beside the bare FTS5 lookup.
  // The acceptance line's figure: the worse of the two words.
  figures.search_count_vs_fts_ratio = {
    value: Math.max(figures.search_count_vs_fts_ratio_common!.value, figures.search_count_vs_fts_ratio_rare!.value),
    unit: 'x',
    target: '<= 2 (the worse of the common and the rare word)',
  };

  const nothing = 'qqzzxx';
  const newest = (big.db.prepare('SELECT max(date) AS d FROM messages WHERE chat_id = ?').get(big.chatId) as { d: number }).d;
  const zeroFilter = { ...chatFilter(nothing), to: newest + 1 };
  const zeroSearch = await medianMs(samples * 20, () => service.search(request(zeroFilter)));
  const zeroCount = await medianMs(samples * 20, () => service.count(zeroFilter));
  const zeroBare = await medianMs(samples * 20, bareCount(big.db, `"${nothing}"`));
  figures.search_zero_hits_ms = {
    value: round(Math.max(zeroSearch, zeroCount), 3),
    unit: 'ms',
    target: `<= 2 x bare (${round(zeroBare, 3)} ms); slower of page (${round(zeroSearch, 3)}) and total (${round(zeroCount, 3)})`,
  };
  figures.search_zero_hits_bare_fts_ms = { value: round(zeroBare, 3), unit: 'ms', target: 'baseline' };
  figures.search_zero_hits_vs_fts_ratio = { value: round(Math.max(zeroSearch, zeroCount) / zeroBare, 2), unit: 'x', target: '<= 2' };

  const allFilter = (query: string): SearchFilter => ({ chatId: null, from: null, to: null, query, sender: '', kinds: [] });
  const pairPage = await medianMs(samples, () => service.search(request(allFilter(RARE_PAIR))));
  const pairCount = await medianMs(samples, () => service.count(allFilter(RARE_PAIR)));
  const pairMatches = (await service.count(allFilter(RARE_PAIR))).onComputer;
  figures.search_two_letter_rare_ms = {
    value: round(Math.max(pairPage, pairCount), 2),
    unit: 'ms',
    target: `<= 50 per 1M scanned (${round(Math.max(pairPage, pairCount) / (total / 1e6), 2)} per 1M here; "${RARE_PAIR}": ${pairMatches} in all chats)`,
  };

  // The one-chat figures of the history bench, now inside the big database.
  const year = 365 * 86_400_000;
  const start = Date.parse('2016-02-01T00:00:00Z');
  const words = ['the train', 'café', 'meeting', 'you', 'shared folder', '你好', 'lunch', 'birthday'];
  const withText: number[] = [];
  const rangeOnly: number[] = [];
  for (let i = 0; i < (options.quick ? 40 : 200); i++) {
    const from = start + ((i * 7919) % 9) * year + ((i * 104729) % 300) * 86_400_000;
    const ranged = (query: string) => request({ ...chatFilter(query), from, to: from + year });
    let began = performance.now();
    await service.search(ranged(words[i % words.length]!));
    withText.push(performance.now() - began);
    began = performance.now();
    await service.search(ranged(''));
    rangeOnly.push(performance.now() - began);
  }
  figures.search_p50_ms_10m = { value: round(percentile(withText, 50), 2), unit: 'ms', target: `<= 20 (${label})` };
  figures.search_range_only_p50_ms_10m = { value: round(percentile(rangeOnly, 50), 2), unit: 'ms', target: `<= 5 (${label})` };
  big.db.close();

  // 5,000 chats of 200 messages: all-chats search is one query, not 5,000.
  const many = openCacheDatabase(path.join(folder, 'search-5000.db'));
  storeGeneratedChats(many, 5000, 200, 'import:many');
  const manyService = createSearchService({ db: many, sourceFor: () => big.demo });
  const firstPages: string[] = [];
  let worstFirst = 0;
  let worstCount = 0;
  for (const word of ['the', 'train', 'landlord', RARE_PAIR]) {
    const first = await medianMs(samples, () => manyService.search(request(allFilter(word))));
    const counted = await medianMs(samples, () => manyService.count(allFilter(word)));
    worstFirst = Math.max(worstFirst, first);
    worstCount = Math.max(worstCount, counted);
    firstPages.push(`${word} ${round(first, 1)}/${round(counted, 1)}`);
  }
  const manyBare = await medianMs(samples, bareCount(many, '"the"'));
  figures.search_all_chats_5000_first_page_ms = {
    value: round(worstFirst, 2),
    unit: 'ms',
    target: `<= 50 (slowest of: ${firstPages.join(', ')} ms page/count)`,
  };
  figures.search_all_chats_5000_count_ms = {
    value: round(worstCount, 2),
    unit: 'ms',
    target: `<= 500 (bare FTS5 count of "the": ${round(manyBare, 1)} ms)`,
  };
  many.close();
  return figures;
}
