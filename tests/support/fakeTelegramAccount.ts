import { Api } from 'telegram';
import bigInt from 'big-integer';
import type { Clock } from '../../electron/core/sources/createRequestLimiter.ts';
import { seedFakeChat, seedFakeForum, type FakeChat, type FakePeer } from './fakeTelegram.ts';

/**
 * A whole Telegram account for the backup tests: `dialogs` dialogs of every kind — Saved Messages, people,
 * bots, basic groups, supergroups, broadcast channels, a forum, a basic group migrated to a supergroup
 * (both listed), an archived stretch (every tenth), two pinned — plus one channel one has left (listed only
 * by channels.getLeftChannels). Most chats are short (a few messages, as most chats are); every
 * `largeEvery`-th is long enough to take several pages. Activity dates differ, so the most recently active
 * order is well defined.
 */
export function seedFakeAccount(
  options: { dialogs?: number; largeEvery?: number; largeSize?: number; smallMax?: number } = {},
): FakeChat[] {
  const dialogs = options.dialogs ?? 300;
  const largeEvery = options.largeEvery ?? 60;
  const largeSize = options.largeSize ?? 230;
  const smallMax = options.smallMax ?? 12;
  const base = Date.UTC(2024, 0, 1) / 1000;
  const chats: FakeChat[] = [];
  const sizeOf = (index: number) => (index % largeEvery === largeEvery - 1 ? largeSize : 1 + ((index * 7) % smallMax));
  const seeded = (peer: FakePeer, title: string, index: number, extra: Partial<FakeChat> = {}): FakeChat => ({
    ...seedFakeChat(peer, title, sizeOf(index), { start: base + index * 3600 }),
    ...extra,
  });
  // Saved Messages: the chat with oneself (the fake's own user is 100, access hash 7).
  chats.push(seeded({ type: 'user', id: 100, accessHash: 7 }, 'Saved Messages', 0, { pinned: true }));
  const forum = seedFakeForum({ type: 'channel', id: 5_900, accessHash: 5_900 * 7 }, 'Forum', 24).chat;
  chats.push(forum);
  chats.push(seeded({ type: 'chat', id: 8_900, accessHash: 0 }, 'Old group', 2, { migratedTo: 5_901 }));
  chats.push(seeded({ type: 'channel', id: 5_901, accessHash: 5_901 * 7 }, 'Old group (supergroup)', 3));
  for (let index = chats.length; index < dialogs; index++) {
    const archived = index % 10 === 9;
    const pinned = index === 4;
    const extra = { ...(archived ? { archived } : {}), ...(pinned ? { pinned } : {}) };
    if (index % 15 === 7)
      chats.push(
        seeded({ type: 'user', id: 1_000 + index, accessHash: (1_000 + index) * 7 }, `Bot ${index}`, index, { ...extra, bot: true }),
      );
    else if (index % 6 === 1)
      chats.push(
        seeded({ type: 'channel', id: 5_000 + index, accessHash: (5_000 + index) * 7 }, `Channel ${index}`, index, {
          ...extra,
          broadcast: true,
        }),
      );
    else if (index % 6 === 3)
      chats.push(seeded({ type: 'channel', id: 5_000 + index, accessHash: (5_000 + index) * 7 }, `Supergroup ${index}`, index, extra));
    else if (index % 12 === 5) chats.push(seeded({ type: 'chat', id: 8_000 + index, accessHash: 0 }, `Group ${index}`, index, extra));
    else chats.push(seeded({ type: 'user', id: 1_000 + index, accessHash: (1_000 + index) * 7 }, `Person ${index}`, index, extra));
  }
  chats.push(seeded({ type: 'channel', id: 5_999, accessHash: 5_999 * 7 }, 'Left channel', 5, { broadcast: true, left: true }));
  // Each chat's photos are photos of their own (seedFakeChat names them after the message id).
  for (const [index, chat] of chats.entries())
    for (const message of chat.messages)
      if (message.media instanceof Api.MessageMediaPhoto && message.media.photo instanceof Api.Photo) {
        const id = (index + 1) * 1_000_000 + message.id;
        message.media.photo.id = bigInt(id);
        message.media.photo.fileReference = Buffer.from(`ref-photo-${id}-1`);
      }
  return chats;
}

/**
 * A compressed clock: time passes only when something sleeps, at once (a 30 s flood wait takes no real
 * time, yet every request still keeps its pace and its waits in the clock's own time).
 */
export function createCompressedClock(start = Date.UTC(2026, 0, 1)): Clock {
  let time = start;
  return {
    now: () => time,
    async sleep(ms, signal) {
      signal?.throwIfAborted();
      time += Math.max(0, ms);
      await new Promise((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
    },
  };
}
