import { describe, expect, it } from 'vitest';
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { queryKeys } from '../../renderer/src/bridge/queryKeys.ts';

/** A real query client holding one query per key, none of them stale yet. */
function clientHolding(keys: QueryKey[]): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  for (const key of keys) client.setQueryData(key, 'data');
  return client;
}

/** The keys a prefix invalidation marks stale, as react-query itself matches them. */
async function invalidatedBy(prefix: QueryKey, keys: QueryKey[]): Promise<QueryKey[]> {
  const client = clientHolding(keys);
  await client.invalidateQueries({ queryKey: prefix });
  return client
    .getQueryCache()
    .findAll()
    .filter((query) => query.state.isInvalidated)
    .map((query) => query.queryKey);
}

describe('query keys', () => {
  it('reach every window of a chat, and no other chat, from the chat prefix (what a changed message updates)', async () => {
    const windows = [
      queryKeys.history.window(7, null, 'latest'),
      queryKeys.history.window(7, 'topic-3', 'around:42'),
      queryKeys.history.window(8, null, 'latest'),
    ];
    expect(await invalidatedBy(queryKeys.history.chat(7), windows)).toEqual(windows.slice(0, 2));
  });

  it('reach a message’s versions from the chat’s, and the chat list without its first screen', async () => {
    const keys = [
      queryKeys.versions.message(7, 'm1'),
      queryKeys.versions.message(8, 'm1'),
      queryKeys.chats(),
      queryKeys.chatsFirstScreen(),
    ];
    expect(await invalidatedBy(queryKeys.versions.chat(7), keys)).toEqual([keys[0]]);
    // The first screen is kept until the whole list replaces it: invalidating the list must not refetch it.
    expect(await invalidatedBy(queryKeys.chats(), keys)).toEqual([queryKeys.chats()]);
  });

  it('write pushed updates to the very key the query reads (the same value, not just the same shape)', () => {
    const client = clientHolding([]);
    client.setQueryData(queryKeys.sync(5), 'pushed');
    client.setQueryData(queryKeys.media.download(5, 'm9'), 'pushed');
    client.setQueryData(queryKeys.jobs.import(), 'pushed');
    expect(client.getQueryData(queryKeys.sync(5))).toBe('pushed');
    expect(client.getQueryData(queryKeys.media.download(5, 'm9'))).toBe('pushed');
    expect(client.getQueryData(queryKeys.jobs.export())).toBeUndefined();
    expect(client.getQueryData(queryKeys.jobs.import())).toBe('pushed');
  });

  it('keep the key families apart: no family is a prefix of another', () => {
    const families = [
      queryKeys.chats(),
      queryKeys.chatsFirstScreen(),
      queryKeys.sourceKinds(),
      queryKeys.importFormats(),
      queryKeys.sourceRetry('s'),
      queryKeys.history.chat(1),
      queryKeys.versions.chat(1),
      queryKeys.newerCount(1, null),
      queryKeys.coverage(1),
      queryKeys.topics(1),
      queryKeys.changes(1, 0),
      queryKeys.density(1, 2020, 0),
      queryKeys.sourceDensity(1, 0),
      queryKeys.sync(1),
      queryKeys.search.results('{}', 'newest'),
      queryKeys.search.count('{}'),
      queryKeys.search.senders(null, ''),
      queryKeys.media.gallery(1, 'visual'),
      queryKeys.media.around(1, 'm'),
      queryKeys.media.download(1, 'm'),
      queryKeys.media.settings(),
      queryKeys.refreshSettings(),
      queryKeys.jobs.import(),
      queryKeys.exports.ofChat(1),
      queryKeys.exports.estimate({}),
      queryKeys.exports.formats(),
    ];
    const heads = families.map((key) => key[0]);
    expect(new Set(heads).size).toBe(heads.length);
    expect(queryKeys.jobs.import()).not.toEqual(queryKeys.jobs.export());
  });
});
