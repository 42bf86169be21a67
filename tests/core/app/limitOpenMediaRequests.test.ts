import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { upsertChats } from '../../../electron/core/cache/chatQueries.ts';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { upsertSource } from '../../../electron/core/cache/sourceQueries.ts';
import { limitOpenMediaRequests } from '../../../electron/core/app/limitOpenMediaRequests.ts';
import { mediaFileForPath } from '../../../electron/core/app/mediaFileForPath.ts';
import { createMediaService } from '../../../electron/core/media/createMediaService.ts';
import { createMediaStore } from '../../../electron/core/media/createMediaStore.ts';
import type { HistorySource } from '../../../electron/core/sources/HistorySource.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

/** A source whose chat photos never finish arriving: it counts the downloads started and those stopped. */
function stallingSource() {
  const counts = { started: [] as string[], stopped: [] as string[] };
  const notUsed = () => Promise.reject(new Error('not used by this test'));
  const source: HistorySource = {
    id: 'stalling',
    kind: 'telegram',
    listChats: notUsed,
    getLatest: notUsed,
    getOlder: notUsed,
    getNewer: notUsed,
    getAround: notUsed,
    downloadMedia: (chat, _request, _sink, options) =>
      new Promise((_resolve, reject) => {
        counts.started.push(chat.key);
        options.signal?.addEventListener('abort', () => {
          counts.stopped.push(chat.key);
          reject(options.signal?.reason);
        });
      }),
  };
  return { source, counts };
}

/** A clock the test moves: the deadline fires when the test says, never by wall time. */
function fakeSchedule() {
  const timers = new Set<() => void>();
  return {
    schedule: (_ms: number, run: () => void) => {
      timers.add(run);
      return () => void timers.delete(run);
    },
    fireAll: () => [...timers].forEach((run) => run()),
    pending: () => timers.size,
  };
}

describe('a media request the window abandoned is cancelled in the core', () => {
  it('the oldest open request past the limit, and any past its deadline, stop their source downloads; a file still asked for by another row goes on', async () => {
    const folder = tempFolder();
    const db = openCacheDatabase(path.join(folder, 'cache.db'));
    upsertSource(db, { id: 'stalling', kind: 'telegram', name: 'Telegram' });
    const chatIds = upsertChats(
      db,
      'stalling',
      ['a', 'b', 'c', 'd'].map((key) => ({
        key,
        name: key,
        kind: 'private',
        messageCount: null,
        lastMessageDate: null,
        avatar: { preview: 'AQID' },
      })),
    );
    const { source, counts } = stallingSource();
    const media = createMediaService({
      db,
      store: createMediaStore(db, path.join(folder, 'media')),
      sourceFor: () => source,
      onStatus: () => undefined,
    });
    const clock = fakeSchedule();
    const open = limitOpenMediaRequests((pathname, signal) => mediaFileForPath(media, pathname, signal), {
      maxOpen: 2,
      timeoutMs: 60_000,
      schedule: clock.schedule,
    });
    const avatar = (index: number) => open(`/media/${chatIds[index]}/avatar`).catch((error: unknown) => error);

    const first = avatar(0);
    const second = avatar(1);
    await expect.poll(() => counts.started).toEqual(['a', 'b']);
    // A third row scrolls into view: the first, scrolled past, is abandoned and its download stops.
    const third = avatar(2);
    await expect.poll(() => counts.stopped).toEqual(['a']);
    expect(await first).toMatchObject({ code: 'CANCELLED' });
    await expect.poll(() => counts.started).toEqual(['a', 'b', 'c']);

    // The same photo asked for again (its row shown again) while the older request for it is abandoned: one
    // fetch serves both, so it goes on.
    const thirdAgain = avatar(2);
    expect(await second).toMatchObject({ code: 'CANCELLED' });
    expect(clock.pending()).toBe(2);
    expect(counts.stopped).toEqual(['a', 'b']);
    expect(counts.started).toEqual(['a', 'b', 'c']);

    // Past the deadline nothing waits any more: the last download stops too, and no timer is left behind.
    clock.fireAll();
    await expect.poll(() => counts.stopped).toEqual(['a', 'b', 'c']);
    expect(await third).toMatchObject({ code: 'CANCELLED' });
    expect(await thirdAgain).toMatchObject({ code: 'CANCELLED' });
    expect(clock.pending()).toBe(0);
    db.close();
  });
});
