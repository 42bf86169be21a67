import { comparePositions, type MessagePosition } from '../../../shared/cursor.ts';
import type { WritableDB } from '../cache/CacheDatabase.ts';
import { adjustSourceCount, chatIdsOfSource, findChatIdByKey, getChatRecord } from '../cache/chatQueries.ts';
import { markDeletedByIds } from '../cache/messageQueries.ts';
import { boundsOf, storeHistoryRun, type StoredRun } from '../cache/storeHistoryRun.ts';
import { cacheErrorOf } from '../cache/cacheErrors.ts';
import type { HistorySource, LiveChange, LiveChatScope } from '../sources/HistorySource.ts';
import type { Logger } from '../base/Logger.ts';

/** What a pushed change did to one chat's cache, for the window. */
export interface ChatLiveChange {
  chatId: number;
  /** New messages stored after what was the chat's newest. */
  added: number;
  /** Messages edited, deleted at the source, or back after a deletion mark. */
  changedIds: string[];
}

export interface LiveUpdatesDeps {
  db: WritableDB;
  /** Every source set up now, by id. */
  sourceIds(): string[];
  sourceFor(sourceId: string): HistorySource;
  onChange(change: ChatLiveChange): void;
  logger: Logger;
  now?(): number;
}

export interface LiveUpdates {
  /** Starts listening to every source that pushes changes and is not listened to yet (idempotent). */
  listen(): Promise<void>;
  /**
   * A page that reached the chat's newest message was stored: while its source is listened to and nothing
   * was missed since, the next pushed message follows it and extends the covered run.
   */
  noteStored(chatId: number, stored: StoredRun): void;
  /** The chat's newest message as far as pushed updates say (null when not known to be current). */
  provenNewest(chatId: number): MessagePosition | null;
  /** Whether a source's changes are pushed (listened to now) rather than polled. */
  isListening(sourceId: string): boolean;
  stop(): void;
}

/**
 * Keeps the cache current while the app runs from what sources push (Telegram's updates): new messages are
 * stored at once, and extend the covered run only when they follow the chat's newest message as proven by a
 * page fetched while listening, with nothing missed since (an `interrupted` forgets that proof, so the gap
 * stays a gap until it is fetched); edits keep the earlier version; deletions mark the message and keep it.
 */
export function createLiveUpdates(deps: LiveUpdatesDeps): LiveUpdates {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const controller = new AbortController();
  const listening = new Map<string, Promise<boolean>>();
  const active = new Set<string>();
  /** Per chat: its newest message, proven by a page fetched while its source was listened to. */
  const newest = new Map<number, { sourceId: string; position: MessagePosition }>();

  function chatsIn(sourceId: string, where: LiveChatScope): number[] {
    if (where === 'all') return chatIdsOfSource(db, sourceId, null);
    if ('chatKey' in where) {
      const chatId = findChatIdByKey(db, sourceId, where.chatKey);
      return chatId === null ? [] : [chatId];
    }
    return chatIdsOfSource(db, sourceId, where.chatKeyPrefixes);
  }

  function apply(sourceId: string, change: LiveChange): void {
    switch (change.kind) {
      case 'interrupted':
        for (const chatId of chatsIn(sourceId, change.where)) newest.delete(chatId);
        return;
      case 'deleted':
        for (const chatId of chatsIn(sourceId, change.where)) {
          const marked = markDeletedByIds(db, chatId, change.ids, now());
          adjustSourceCount(db, chatId, -marked.length);
          if (marked.length > 0) deps.onChange({ chatId, added: 0, changedIds: marked });
        }
        return;
      case 'messages': {
        const chatId = findChatIdByKey(db, sourceId, change.chatKey);
        // A chat not listed here yet comes with the next listing of the source's chats.
        if (chatId === null) return;
        const chat = getChatRecord(db, chatId);
        const bounds = boundsOf(change.messages);
        if (!bounds) return;
        const tail = change.edited ? undefined : newest.get(chatId);
        const follows = tail !== undefined && comparePositions(bounds.oldest, tail.position) > 0;
        const stored = storeHistoryRun(db, chat, {
          messages: change.messages,
          coverage: follows ? { from: tail.position, to: bounds.newest, reachesOldest: false } : null,
          ...(follows ? { boundary: tail.position } : {}),
          sweepsCoverage: false,
          seenAt: now(),
        });
        if (follows)
          newest.set(chatId, { sourceId, position: { date: bounds.newest.date, sortKey: bounds.newest.sortKey, id: bounds.newest.id } });
        const changedIds = [...stored.edited, ...stored.deleted, ...stored.restored];
        // An edit of a message not cached here stores it outside any covered run: nothing in the window changes.
        const added = change.edited ? 0 : stored.inserted;
        adjustSourceCount(db, chatId, added);
        if (added > 0 || changedIds.length > 0) deps.onChange({ chatId, added, changedIds });
      }
    }
  }

  function listenTo(sourceId: string): Promise<boolean> {
    let source: HistorySource;
    try {
      source = deps.sourceFor(sourceId);
    } catch {
      return Promise.resolve(false);
    }
    if (!source.watch) return Promise.resolve(false);
    const onChange = (change: LiveChange) => {
      try {
        apply(sourceId, change);
      } catch (error) {
        // The cache refused (a full disk): the change is lost here, and the next refresh fetches it; nothing
        // of this source is known to be current any more.
        newest.forEach((entry, chatId) => entry.sourceId === sourceId && newest.delete(chatId));
        deps.logger.warn(`a pushed change of ${sourceId} could not be stored`, cacheErrorOf(db, error) ?? error);
      }
    };
    return source.watch(onChange, controller.signal).then(
      (watching) => {
        if (watching) active.add(sourceId);
        return watching;
      },
      (error: unknown) => {
        listening.delete(sourceId);
        deps.logger.warn(`could not listen to ${sourceId}; its chats are refreshed instead`, error);
        return false;
      },
    );
  }

  return {
    async listen() {
      if (controller.signal.aborted) return;
      for (const sourceId of deps.sourceIds()) if (!listening.has(sourceId)) listening.set(sourceId, listenTo(sourceId));
      await Promise.all(listening.values());
    },
    noteStored(chatId, stored) {
      if (!stored.newestProven) return;
      const sourceId = getChatRecord(db, chatId).sourceId;
      if (!active.has(sourceId)) return;
      const known = newest.get(chatId);
      // A page requested before a pushed message arrived may come back without it: the later proof stands.
      if (!known || comparePositions(stored.newestProven, known.position) > 0)
        newest.set(chatId, { sourceId, position: stored.newestProven });
    },
    provenNewest: (chatId) => newest.get(chatId)?.position ?? null,
    isListening: (sourceId) => active.has(sourceId),
    stop() {
      controller.abort();
      newest.clear();
      active.clear();
    },
  };
}
