import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { upsertSource } from '../../../electron/core/cache/sourceQueries.ts';
import { getChatRecord, upsertChats } from '../../../electron/core/cache/chatQueries.ts';
import { provenCoverage, storeHistoryRun, type HistoryRun } from '../../../electron/core/cache/storeHistoryRun.ts';
import type { WritableDB } from '../../../electron/core/cache/CacheDatabase.ts';
import { sourceMessage, type SourceMessage } from '../../../electron/core/model/SourceMessage.ts';
import type { MessagePosition } from '../../../shared/cursor.ts';

const T0 = Date.UTC(2024, 0, 1);

type Point = Pick<MessagePosition, 'date' | 'sortKey'>;

/** Message `id` of the model source: ids grow with time, as at Telegram. */
function message(id: number): SourceMessage {
  return sourceMessage({
    id: String(id),
    sortKey: id,
    date: T0 + id * 60_000,
    sender: { key: 'u1', name: 'Ana' },
    out: false,
    text: `m${id}`,
  });
}
const pointAt = (id: number): Point => ({ date: T0 + id * 60_000, sortKey: id });

/**
 * What happens to a chat, in any order: pages fetched (older or newer than a point, the newest), refreshes
 * (the newest page, then older ones, possibly killed midway), imports in batches (each batch claiming the
 * chat from its first message, as the bench's ingest did), live updates (delivered, or missed while
 * offline), and messages deleted at the source (seen only by a later fetch).
 */
type Step =
  | { kind: 'older'; at: number; take: number }
  | { kind: 'newer'; at: number; take: number }
  | { kind: 'latest'; take: number }
  | { kind: 'refresh'; take: number; pages: number }
  | { kind: 'import'; batch: number; killAfter: number }
  | { kind: 'live'; posts: number; delivered: boolean }
  | { kind: 'delete'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('older' as const), at: fc.integer({ min: 0, max: 90 }), take: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('newer' as const), at: fc.integer({ min: 0, max: 90 }), take: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('latest' as const), take: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('refresh' as const), take: fc.integer({ min: 1, max: 10 }), pages: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('import' as const), batch: fc.integer({ min: 1, max: 20 }), killAfter: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('live' as const), posts: fc.integer({ min: 1, max: 3 }), delivered: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
);

/** The model of the source: which message ids exist there now. */
class ModelSource {
  alive: number[];
  next: number;
  constructor(size: number) {
    this.alive = Array.from({ length: size }, (_, index) => index + 1);
    this.next = size + 1;
  }
  /** The `take` messages just older than `id` (a page may be short anywhere; it is empty only at the end). */
  olderThan(id: number, take: number): SourceMessage[] {
    return this.alive
      .filter((alive) => alive < id)
      .slice(-take)
      .map(message);
  }
  /** The `take` messages just newer than `id`. */
  newerThan(id: number, take: number): SourceMessage[] {
    return this.alive
      .filter((alive) => alive > id)
      .slice(0, take)
      .map(message);
  }
  isFirst(messages: SourceMessage[]): boolean {
    return messages.length > 0 ? messages[0]!.sortKey === this.alive[0] : true;
  }
  isNewest(messages: SourceMessage[]): boolean {
    return messages.length > 0 ? messages.at(-1)!.sortKey === this.alive.at(-1) : true;
  }
}

function openChat(): { db: WritableDB; store(run: HistoryRun): ReturnType<typeof storeHistoryRun> } {
  // In memory: the property plays hundreds of histories; storing is the same SQL as on disk.
  const db = openCacheDatabase(':memory:');
  upsertSource(db, { id: 'telegram:1', kind: 'telegram', name: 'Telegram', settings: {} });
  const [chatId] = upsertChats(db, 'telegram:1', [{ key: 'c1', name: 'Chat', kind: 'group', messageCount: null, lastMessageDate: null }]);
  return { db, store: (run) => storeHistoryRun(db, getChatRecord(db, chatId!), run) };
}

function markedDeleted(db: WritableDB): number[] {
  return (db.prepare('SELECT source_msg_id AS id FROM messages WHERE deleted_at IS NOT NULL').all() as Array<{ id: string }>).map((row) =>
    Number(row.id),
  );
}

/** Plays the steps, with runs shaped as the history engine, the refresh, the live updates and the bench build them. */
function play(size: number, steps: Step[]): { marked: number[]; alive: number[] } {
  const source = new ModelSource(size);
  const { db, store } = openChat();
  /** The newest message proven (by a run that reached the newest), which live updates follow. */
  let tail: Point | null = null;
  const remember = (stored: ReturnType<typeof storeHistoryRun>) => {
    if (stored.newestProven) tail = stored.newestProven;
  };
  try {
    for (const next of steps) {
      switch (next.kind) {
        case 'older': {
          // createHistoryEngine.older: everything older than the frontier, up to the page's size.
          const frontier = pointAt(next.at);
          const page = source.olderThan(next.at, next.take);
          store({
            messages: page,
            // An empty page is the end of history: nothing older than the frontier.
            coverage: { from: page[0] ?? frontier, to: frontier, reachesOldest: source.isFirst(page) },
            boundary: frontier,
          });
          break;
        }
        case 'newer': {
          const frontier = pointAt(next.at);
          const page = source.newerThan(next.at, next.take);
          const reachedNewest = source.isNewest(page);
          remember(
            store({
              messages: page,
              coverage: { from: frontier, to: page.at(-1) ?? frontier, reachesOldest: false },
              boundary: frontier,
              reachesNewest: reachedNewest,
            }),
          );
          break;
        }
        case 'latest': {
          const page = source.olderThan(source.next, next.take);
          if (page.length === 0) break;
          remember(
            store({
              messages: page,
              coverage: { from: page[0]!, to: page.at(-1)!, reachesOldest: source.isFirst(page) },
              reachesNewest: true,
            }),
          );
          break;
        }
        case 'refresh': {
          // createRefreshService: the newest page, then older pages down from it; `pages` pages, then killed.
          let to: Point | null = null;
          for (let pageNumber = 0; pageNumber < next.pages; pageNumber++) {
            const page: SourceMessage[] = to === null ? source.olderThan(source.next, next.take) : source.olderThan(to.sortKey, next.take);
            const reachesOldest = source.isFirst(page) || (to !== null && page.length === 0);
            if (page.length === 0 && to === null) break;
            const run: HistoryRun = {
              messages: page,
              coverage: { from: page[0] ?? to!, to: to ?? page.at(-1)!, reachesOldest },
              reachesNewest: to === null,
              ...(to ? { boundary: to } : {}),
            };
            remember(store(run));
            if (page.length === 0 || reachesOldest) break;
            to = page[0]!;
          }
          break;
        }
        case 'import': {
          // The bench's ingest before the fix: each batch claims the chat from its first message.
          const all = source.alive.map(message);
          for (let start = 0, batches = 0; start < all.length && batches < next.killAfter; start += next.batch, batches++) {
            const batch = all.slice(start, start + next.batch);
            store({ messages: batch, coverage: { from: all[0]!, to: batch.at(-1)!, reachesOldest: true } });
          }
          break;
        }
        case 'live': {
          const posted: number[] = [];
          for (let post = 0; post < next.posts; post++) {
            posted.push(source.next);
            source.alive.push(source.next++);
          }
          if (!next.delivered) {
            tail = null; // an update sequence gap: what follows no longer joins the proven newest
            break;
          }
          // createLiveUpdates: pushed messages join the newest proven message; they never sweep.
          const messages = posted.map(message);
          const follows: Point | null = tail;
          store({
            messages,
            coverage: follows ? { from: follows, to: messages.at(-1)!, reachesOldest: false } : null,
            ...(follows ? { boundary: follows } : {}),
            sweepsCoverage: false,
          });
          if (follows) tail = pointAt(posted.at(-1)!);
          break;
        }
        case 'delete': {
          if (source.alive.length <= 1) break;
          source.alive.splice(next.pick % source.alive.length, 1);
          break;
        }
      }
      const alive = new Set(source.alive);
      const wronglyMarked = markedDeleted(db).filter((id) => alive.has(id));
      if (wronglyMarked.length > 0) return { marked: wronglyMarked, alive: source.alive };
    }
    return { marked: [], alive: source.alive };
  } finally {
    db.close();
  }
}

describe('a stored run proves only what it covers', () => {
  it('a message is marked deleted only when a run from its source proved its stretch complete and lacked it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.array(step, { minLength: 1, maxLength: 25 }), (size, steps) => {
        expect(play(size, steps).marked).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('the bench-shaped batches (each claiming the chat from its first message) mark nothing deleted', () => {
    expect(play(50, [{ kind: 'import', batch: 10, killAfter: 5 }]).marked).toEqual([]);
  });

  it('a claim wider than the run is cut to its messages and boundary, losing what it cannot show', () => {
    const run = (claim: HistoryRun['coverage'], boundary?: Point): HistoryRun => ({
      messages: [message(5), message(6)],
      coverage: claim,
      reachesNewest: true,
      ...(boundary ? { boundary } : {}),
    });
    expect(provenCoverage(run({ from: pointAt(1), to: pointAt(9), reachesOldest: true }))).toEqual({
      coverage: { from: pointAt(5), to: pointAt(6), reachesOldest: false },
      reachesNewest: false,
    });
    expect(provenCoverage(run({ from: pointAt(5), to: pointAt(9), reachesOldest: true }, pointAt(9)))).toEqual({
      coverage: { from: pointAt(5), to: pointAt(9), reachesOldest: true },
      reachesNewest: true,
    });
    expect(provenCoverage({ messages: [], coverage: { from: pointAt(1), to: pointAt(2), reachesOldest: true } })).toEqual({
      coverage: null,
      reachesNewest: false,
    });
  });
});
