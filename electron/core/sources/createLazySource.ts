import type { SourceKind } from '../../../shared/domain.ts';
import type { HistorySource } from './HistorySource.ts';

/**
 * A source whose implementation is loaded on first use: GramJS alone adds about 40 MB to a process, which
 * a command that only exports from the cache should not pay. A failed load (no session yet) is retried
 * on the next call.
 */
export function createLazySource(id: string, kind: SourceKind, load: () => Promise<HistorySource>): HistorySource {
  let loaded: Promise<HistorySource> | null = null;
  const source = (): Promise<HistorySource> => {
    loaded ??= load().catch((error: unknown) => {
      loaded = null;
      throw error;
    });
    return loaded;
  };
  return {
    id,
    kind,
    listChats: async (signal) => (await source()).listChats(signal),
    async listChatPage(cursor, options, signal) {
      const loadedSource = await source();
      return loadedSource.listChatPage
        ? loadedSource.listChatPage(cursor, options, signal)
        : { chats: await loadedSource.listChats(signal), next: null };
    },
    getLatest: async (chat, limit, signal) => (await source()).getLatest(chat, limit, signal),
    getOlder: async (chat, point, limit, signal) => (await source()).getOlder(chat, point, limit, signal),
    getNewer: async (chat, point, limit, signal) => (await source()).getNewer(chat, point, limit, signal),
    getAround: async (chat, target, limit, signal) => (await source()).getAround(chat, target, limit, signal),
    async searchWindow(chat, request, signal) {
      const loadedSource = await source();
      return loadedSource.searchWindow ? loadedSource.searchWindow(chat, request, signal) : [];
    },
    async firstMessageDate(chat, signal) {
      const loadedSource = await source();
      return loadedSource.firstMessageDate ? loadedSource.firstMessageDate(chat, signal) : null;
    },
    async getMessagesByIds(chat, ids, signal) {
      const loadedSource = await source();
      return loadedSource.getMessagesByIds ? loadedSource.getMessagesByIds(chat, ids, signal) : [];
    },
    async searchAllChats(request, signal) {
      const loadedSource = await source();
      return loadedSource.searchAllChats ? loadedSource.searchAllChats(request, signal) : null;
    },
    async countMessagesSince(chat, dates, signal) {
      const loadedSource = await source();
      return loadedSource.countMessagesSince ? loadedSource.countMessagesSince(chat, dates, signal) : dates.map(() => null);
    },
    async listTopics(chat, signal) {
      const loadedSource = await source();
      return loadedSource.listTopics ? loadedSource.listTopics(chat, signal) : [];
    },
    async countMatches(chat, words, signal) {
      const loadedSource = await source();
      return loadedSource.countMatches ? loadedSource.countMatches(chat, words, signal) : null;
    },
    async watch(onChange, signal) {
      const loadedSource = await source();
      return loadedSource.watch ? loadedSource.watch(onChange, signal) : false;
    },
    async downloadMedia(chat, request, sink, options) {
      const loadedSource = await source();
      return loadedSource.downloadMedia ? loadedSource.downloadMedia(chat, request, sink, options) : null;
    },
  };
}
