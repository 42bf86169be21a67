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
import { compareCosts, finish, type Figures } from '../benchResults.ts';

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

/**
 * The first page (50, newest first) of everything one person wrote, across 50 chats of two sources, in a
 * 1,000,000-message archive (quick: 120,000), beside its floor doing the same work: the same page of both her
 * sender ids read straight from SQLite the way the search plans it (the date index walked newest first,
 * filtered by sender), with no person lookup or query compile. Interleaved rounds, CPU.
 */
export async function runPeopleBench(folder: string, options: { quick: boolean }): Promise<Figures> {
  const db = openCacheDatabase(path.join(folder, 'people.db'));
  const perChat = options.quick ? 2_000 : 16_667;
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
  const bothSendersFloor = db.prepare(
    'SELECT * FROM messages INDEXED BY messages_by_date WHERE sender_id IN (?, ?) ORDER BY date DESC, sort_key DESC LIMIT 50',
  );
  const total = (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
  try {
    const figure = await compareCosts({
      what: `the first page (50, newest first) of everything one person wrote: a person in 50 chats of 2 sources, ${(total / 1e6).toFixed(1)}M messages`,
      floor:
        'the same 50 rows of both her sender ids straight from SQLite (date index walked newest first, sender filter): no person lookup, no query compile',
      ours: async () => {
        const page = await service.search(request);
        if (page.hits.length !== 50) throw new Error(`the person's first page held ${page.hits.length} messages, not 50`);
      },
      floorWork: () => bothSendersFloor.all(senderIds[0], senderIds[1]),
      samples: options.quick ? 10 : 30,
      rounds: 3,
      warmup: 3,
      target: { max: 3 },
    });
    return { person_search_first_page: finish(figure) };
  } finally {
    db.close();
  }
}
