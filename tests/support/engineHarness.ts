import path from 'node:path';
import { ScrollbackError } from '../../shared/errors.ts';
import type { ChatMessage } from '../../shared/domain.ts';
import type { HistoryPage } from '../../shared/history.ts';
import { openCacheDatabase } from '../../electron/core/cache/openCacheDatabase.ts';
import { upsertSource } from '../../electron/core/cache/sourceQueries.ts';
import { upsertChats } from '../../electron/core/cache/chatQueries.ts';
import { createHistoryEngine } from '../../electron/core/history/createHistoryEngine.ts';
import { createDemoSource } from '../../electron/core/sources/demo/createDemoSource.ts';
import type { HistorySource, SourcePage } from '../../electron/core/sources/HistorySource.ts';
import type { WritableDB } from '../../electron/core/cache/CacheDatabase.ts';

export interface SourceControls {
  calls: number;
  offline: boolean;
  /** When set, pages are cut to at most this many messages (a source that returns short pages mid-history). */
  shortPageSize: number | null;
  /** Thrown by the next request only (a flood wait, a dropped connection). */
  nextFailure: Error | null;
}

/**
 * The real engine on a real SQLite file, over the demo source wrapped so tests can count requests, cut
 * pages short and take the source offline: the seam where the outside world begins.
 */
export async function createEngineHarness(folder: string) {
  const db: WritableDB = openCacheDatabase(path.join(folder, 'engine.db'));
  const demo = createDemoSource();
  const controls: SourceControls = { calls: 0, offline: false, shortPageSize: null, nextFailure: null };
  const shorten = (page: SourcePage, keepNewest: boolean): SourcePage => {
    if (controls.shortPageSize === null || page.messages.length <= controls.shortPageSize) return page;
    const sorted = [...page.messages].sort((a, b) => a.sortKey - b.sortKey);
    const kept = keepNewest ? sorted.slice(-controls.shortPageSize) : sorted.slice(0, controls.shortPageSize);
    // A short page is not the end: flags only hold for the side that was kept whole.
    return {
      ...page,
      messages: kept,
      reachedOldest: keepNewest ? false : page.reachedOldest,
      reachedNewest: keepNewest ? page.reachedNewest : false,
    };
  };
  const guard = () => {
    controls.calls++;
    if (controls.offline) throw new ScrollbackError('SOURCE_UNAVAILABLE', 'Test source is offline.');
    const failure = controls.nextFailure;
    controls.nextFailure = null;
    if (failure) throw failure;
  };
  const source: HistorySource = {
    id: demo.id,
    kind: demo.kind,
    listChats: (signal) => demo.listChats(signal),
    getLatest: async (chat, limit, signal) => (guard(), demo.getLatest(chat, limit, signal)),
    getOlder: async (chat, point, limit, signal) => (guard(), shorten(await demo.getOlder(chat, point, limit, signal), true)),
    getNewer: async (chat, point, limit, signal) => (guard(), shorten(await demo.getNewer(chat, point, limit, signal), false)),
    getAround: async (chat, target, limit, signal) => (guard(), demo.getAround(chat, target, limit, signal)),
  };
  upsertSource(db, { id: demo.id, kind: 'demo', name: 'Demo' });
  const chatIds = upsertChats(db, demo.id, await demo.listChats());
  const engine = createHistoryEngine({ db, sourceFor: () => source });
  const chatIdByKey = (key: string) => chatIds[['archive', 'family', 'design', 'ana'].indexOf(key)]!;
  return { db, engine, controls, demo, chatIdByKey };
}

/** Ids of a demo page as numbers (demo ids are index + 1). */
export function idsOf(page: HistoryPage | ChatMessage[]): number[] {
  const messages = Array.isArray(page) ? page : page.messages;
  return messages.map((message) => Number(message.id));
}

export function expectConsecutive(ids: number[]): void {
  for (let i = 1; i < ids.length; i++) {
    if (ids[i] !== ids[i - 1]! + 1) throw new Error(`Not contiguous at ${i}: ${ids[i - 1]} then ${ids[i]}`);
  }
}
