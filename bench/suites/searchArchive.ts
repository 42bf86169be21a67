import fs from 'node:fs';
import type { WritableDB } from '../../electron/core/cache/CacheDatabase.ts';
import { openCacheDatabase } from '../../electron/core/cache/openCacheDatabase.ts';
import { getChatRecord, upsertChats } from '../../electron/core/cache/chatQueries.ts';
import { upsertSource } from '../../electron/core/cache/sourceQueries.ts';
import { createDemoMessage } from '../../electron/core/sources/demo/createDemoMessage.ts';
import { demoChats } from '../../electron/core/sources/demo/demoChats.ts';
import { DemoTimeline } from '../../electron/core/sources/demo/DemoTimeline.ts';
import { englishPhrases, otherLanguagePhrases } from '../../electron/core/sources/demo/demoPhrases.ts';
import { sourceMessage, type SourceMessage } from '../../electron/core/model/SourceMessage.ts';
import { storeBatchAsPage } from './storeBatchesAsPages.ts';

/** Messages per stored run, as a bulk sync or an import writes them. */
const BATCH = 50_000;

export const FIRST_DATE = Date.parse('2016-01-04T00:00:00Z');
export const LAST_DATE = Date.parse('2026-10-31T00:00:00Z');

/** The demo's archive chat at `count` messages (its senders, kinds and words; dates from 2016 to 2026 at any count). */
function archiveOf(count: number) {
  const spec = { ...demoChats[0]!, count };
  const timeline = new DemoTimeline({ seed: spec.seed, count, start: Date.parse(spec.start), end: Date.parse(spec.end), gaps: spec.gaps });
  return { spec, timeline };
}

export function openFreshDatabase(databasePath: string): WritableDB {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${databasePath}${suffix}`, { force: true });
  return openCacheDatabase(databasePath);
}

/**
 * The demo's archive chat of `count` messages, stored oldest first a batch at a time as a download paging
 * newer stores it (each batch proves only its own stretch). Returns its chat id.
 */
export function storeDemoChat(db: WritableDB, count: number): number {
  const { spec, timeline } = archiveOf(count);
  upsertSource(db, { id: 'demo', kind: 'demo', name: 'Demo archive' });
  const [chatId] = upsertChats(db, 'demo', [
    { key: spec.key, name: spec.name, kind: spec.kind, messageCount: count, lastMessageDate: timeline.dateOf(count - 1) },
  ]);
  if (chatId === undefined) throw new Error('The demo chat was not stored.');
  const chat = getChatRecord(db, chatId);
  let previous: SourceMessage | null = null;
  for (let start = 0; start < count; start += BATCH) {
    const batch: SourceMessage[] = [];
    for (let index = start; index < Math.min(count, start + BATCH); index++) batch.push(createDemoMessage(spec, timeline, index));
    const deleted = storeBatchAsPage(db, chat, batch, previous, count);
    if (deleted !== 0) throw new Error(`Storing the demo chat marked ${deleted} messages deleted.`);
    previous = batch[batch.length - 1]!;
  }
  return chatId;
}

const phrases = [...englishPhrases, ...otherLanguagePhrases];
const senders = ['Ana', 'Ben', 'Chen', 'Dana', 'Émile', 'Fatima'].map((name, index) => ({ key: `g${index}`, name }));

/**
 * Words planted in generated chats, at the demo chat's own rates: a middling one (the demo's code snippet,
 * 0.44 %), a rare one (1 in 30,000) and a rare two-letter run no phrase holds (1 in 20,000).
 */
export const PLANTED = { middling: 'const answer = 42; console.log(answer);', rare: 'weekend plans 92', rarePair: 'zqip' } as const;

/**
 * `chats` chats of `perChat` messages each (demo phrases in several languages, one or two a message, the
 * planted words now and then), dates spread over the demo chat's ten years so chats interleave in time; each
 * chat stored oldest first as one page. A hundred chats a transaction.
 */
export function storeGeneratedChats(db: WritableDB, chats: number, perChat: number, sourceId: string): number[] {
  upsertSource(db, { id: sourceId, kind: 'import', name: `Generated ${chats} chats` });
  const step = Math.floor((LAST_DATE - FIRST_DATE) / perChat);
  const ids = upsertChats(
    db,
    sourceId,
    Array.from({ length: chats }, (_, c) => ({
      key: `chat-${c}`,
      name: `Generated chat ${c}`,
      kind: 'group' as const,
      messageCount: perChat,
      lastMessageDate: FIRST_DATE + (perChat - 1) * step + c,
    })),
  );
  let seed = 12345;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  let n = 0;
  const storeSome = db.transaction((first: number) => {
    for (const [c, chatId] of ids.slice(first, first + 100).entries()) {
      const chatIndex = first + c;
      const chat = getChatRecord(db, chatId);
      const batch: SourceMessage[] = [];
      for (let i = 0; i < perChat; i++) {
        n++;
        const a = phrases[Math.floor(random() * phrases.length)]!;
        const b = random() < 0.3 ? ` ${phrases[Math.floor(random() * phrases.length)]!}` : '';
        const planted = [
          n % 227 === 0 ? PLANTED.middling : '',
          n % 30_011 === 0 ? PLANTED.rare : '',
          n % 20_011 === 0 ? PLANTED.rarePair : '',
        ]
          .filter(Boolean)
          .join(' ');
        batch.push(
          sourceMessage({
            id: String(i + 1),
            sortKey: i + 1,
            // Spread over ten years, each chat a few ms apart (no two messages of the archive at one instant).
            date: FIRST_DATE + i * step + chatIndex,
            sender: senders[(i + chatIndex) % senders.length]!,
            out: false,
            text: planted ? `${a}${b} ${planted}` : a + b,
          }),
        );
      }
      const deleted = storeBatchAsPage(db, chat, batch, null, perChat);
      if (deleted !== 0) throw new Error(`Storing generated chat ${chatIndex} marked ${deleted} messages deleted.`);
    }
  });
  for (let first = 0; first < chats; first += 100) storeSome(first);
  return ids;
}
