import path from 'node:path';
import { getChatRecord, upsertChats } from '../../electron/core/cache/chatQueries.ts';
import { openCacheDatabase } from '../../electron/core/cache/openCacheDatabase.ts';
import { peopleNamedExactly } from '../../electron/core/cache/peopleQueries.ts';
import { upsertSource } from '../../electron/core/cache/sourceQueries.ts';
import { storeHistoryRun } from '../../electron/core/cache/storeHistoryRun.ts';
import type { WritableDB } from '../../electron/core/cache/CacheDatabase.ts';
import { sourceMessage, type SourceMessage } from '../../electron/core/model/SourceMessage.ts';
import { createSearchService } from '../../electron/core/search/createSearchService.ts';
import { englishPhrases } from '../../electron/core/sources/demo/demoPhrases.ts';
import type { HistorySource } from '../../electron/core/sources/HistorySource.ts';
import type { SearchRequest } from '../../shared/search.ts';
import { percentile, round, type Figures } from '../benchResults.ts';

/** Ana: the same Telegram user (user777) in live chats and in imports, so two senders of one person. */
const ANA = { key: 'user777', name: 'Ana Costa' };
const others = ['Ben', 'Chen', 'Dana Levi', 'Émile', 'Fatima'].map((name, index) => ({ key: `user${100 + index}`, name }));

/** 60 chats in two sources (live Telegram, imports); Ana writes one message in 40 in the first 25 of each. */
function storeArchive(db: WritableDB, perChat: number): void {
  const start = Date.parse('2016-01-01T00:00:00Z');
  for (const source of [
    { id: 'telegram:bench', kind: 'telegram' as const, name: 'Telegram' },
    { id: 'import', kind: 'import' as const, name: 'Imported' },
  ]) {
    upsertSource(db, { ...source, settings: {} });
    const chatIds = upsertChats(
      db,
      source.id,
      Array.from({ length: 30 }, (_, c) => ({
        key: `chat-${c}`,
        name: `${source.name} chat ${c}`,
        kind: 'group' as const,
        messageCount: perChat,
        lastMessageDate: null,
      })),
    );
    for (const [c, chatId] of chatIds.entries()) {
      const messages: SourceMessage[] = [];
      for (let i = 0; i < perChat; i++)
        messages.push(
          sourceMessage({
            id: String(i + 1),
            sortKey: i + 1,
            date: start + i * 300_000 + c,
            sender: c < 25 && i % 40 === 7 ? ANA : others[(i + c) % others.length]!,
            out: false,
            text: englishPhrases[(i * 7 + c) % englishPhrases.length]!,
          }),
        );
      storeHistoryRun(db, getChatRecord(db, chatId), {
        messages,
        coverage: { from: messages[0]!, to: messages.at(-1)!, reachesOldest: true },
        reachesNewest: true,
      });
    }
  }
}

/** CPU and wall milliseconds of one call. */
async function timed(run: () => unknown): Promise<{ cpu: number; wall: number }> {
  const cpu = process.cpuUsage();
  const began = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1000, wall: performance.now() - began };
}

/**
 * `person_search_first_page_ms`: the first page (50, newest first) of everything one person wrote, across 50
 * chats of two sources, in a 1,000,000-message archive (quick: 300,000), beside the baseline (the same
 * page of one of her sender ids) and the floor doing the same work (both her sender ids), each read straight
 * from SQLite the way the search plans it (the date index walked newest first, filtered by sender).
 * Interleaved rounds; medians of CPU and of wall time.
 */
export async function runPeopleBench(folder: string, options: { quick: boolean }): Promise<Figures> {
  const db = openCacheDatabase(path.join(folder, 'people.db'));
  const perChat = options.quick ? 5_000 : 16_667;
  storeArchive(db, perChat);
  const [ana] = peopleNamedExactly(db, ANA.name);
  if (ana === undefined) throw new Error('the bench archive has no person named Ana Costa');
  const noSource = (): HistorySource => {
    throw new Error('the people bench reads this computer only');
  };
  const service = createSearchService({ db, sourceFor: noSource });
  const newest = (db.prepare('SELECT max(date) AS d FROM messages').get() as { d: number }).d;
  const request: SearchRequest = {
    chatId: null,
    from: null,
    to: newest + 1,
    query: `from:person:${ana}`,
    sender: '',
    kinds: [],
    order: 'newest',
    limit: 50,
    cursor: null,
  };
  const senderIds = (db.prepare('SELECT id FROM senders WHERE source_key = ? ORDER BY id').all(ANA.key) as Array<{ id: number }>).map(
    (row) => row.id,
  );
  if (senderIds.length !== 2) throw new Error(`Ana should be two senders (live and imported), not ${senderIds.length}`);
  const floorSql = (condition: string) =>
    db.prepare(`SELECT * FROM messages INDEXED BY messages_by_date WHERE ${condition} ORDER BY date DESC, sort_key DESC LIMIT 50`);
  const oneSenderFloor = floorSql('sender_id = ?');
  const bothSendersFloor = floorSql('sender_id IN (?, ?)');
  const ours = async () => {
    const page = await service.search(request);
    if (page.hits.length !== 50) throw new Error(`the person's first page held ${page.hits.length} messages, not 50`);
  };
  const oneSender = () => oneSenderFloor.all(senderIds[0]);
  const bothSenders = () => bothSendersFloor.all(senderIds[0], senderIds[1]);
  await ours();
  const rounds = options.quick ? 3 : 5;
  const samples = options.quick ? 10 : 30;
  const oursTimes: Array<{ cpu: number; wall: number }> = [];
  const oneSenderTimes: Array<{ cpu: number; wall: number }> = [];
  const bothSendersTimes: Array<{ cpu: number; wall: number }> = [];
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < samples; i++) oursTimes.push(await timed(ours));
    for (let i = 0; i < samples; i++) oneSenderTimes.push(await timed(oneSender));
    for (let i = 0; i < samples; i++) bothSendersTimes.push(await timed(bothSenders));
  }
  const total = (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
  db.close();
  const median = (times: Array<{ cpu: number; wall: number }>, key: 'cpu' | 'wall') =>
    percentile(
      times.map((time) => time[key]),
      50,
    );
  const oursCpu = median(oursTimes, 'cpu');
  const oneSenderCpu = median(oneSenderTimes, 'cpu');
  const bothSendersCpu = median(bothSendersTimes, 'cpu');
  const label = `a person in 50 chats of 2 sources, ${(total / 1e6).toFixed(1)}M messages`;
  return {
    person_search_first_page_ms: { value: round(median(oursTimes, 'wall'), 3), unit: 'ms', target: `wall; ${label}` },
    person_search_first_page_cpu_ms: { value: round(oursCpu, 3), unit: 'ms', target: `CPU; ${label}` },
    person_search_one_sender_cpu_ms: {
      value: round(oneSenderCpu, 3),
      unit: 'ms',
      target: 'baseline: the same 50 newest of one sender id (her live Telegram one), straight from SQLite (date index, sender filter)',
    },
    person_search_vs_one_sender_cpu_ratio: { value: round(oursCpu / oneSenderCpu, 2), unit: 'x', target: '<= 3 (CPU)' },
    person_search_floor_cpu_ms: {
      value: round(bothSendersCpu, 3),
      unit: 'ms',
      target: 'floor: the same page of both her sender ids, straight from SQLite (the same work, no person lookup or query compile)',
    },
    person_search_vs_floor_cpu_ratio: { value: round(oursCpu / bothSendersCpu, 2), unit: 'x', target: '<= 3 (CPU)' },
  };
}
