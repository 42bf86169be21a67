import type { Clock } from '../../electron/core/sources/createRequestLimiter.ts';
import { seedFakeChat, type FakeChat, type FakeTelegram } from './fakeTelegram.ts';

/** Messages of the channel before any change. */
export const CHANGED_CHANNEL_SIZE = 3000;

/** The message a round edits, deletes: spread over the whole channel, and never the same one twice in a row. */
export const editedIn = (round: number) => ((round * 37) % CHANGED_CHANNEL_SIZE) + 1;
export const deletedIn = (round: number) => ((round * 53 + 11) % CHANGED_CHANNEL_SIZE) + 1;

/** When round r's changes happen at Telegram: an hour apart, after the channel's last message. */
const roundTime = (round: number) => Date.UTC(2024, 0, 1) + round * 3_600_000;

/**
 * A channel that changes at Telegram, the same way in every process: round r edits three messages (each to
 * "round r: …"), deletes one and posts five. `apply(fake, r)` brings a fresh fake to round r, unpushed (as
 * while the app was closed). The fake must run on `clock`: each round's edits and posts are dated at the
 * round's own time, not at the moment a process happens to replay it, so every process sees the very same
 * channel (the same dates, so the same pages and the same requests) whenever and however fast it runs.
 */
export function changedFakeChannel(): { channel: FakeChat; clock: Clock; apply(fake: FakeTelegram, round: number): void } {
  const channel = seedFakeChat({ type: 'channel', id: 991, accessHash: 5 }, 'Changing channel', CHANGED_CHANNEL_SIZE, {
    start: Date.UTC(2023, 0, 1) / 1000,
  });
  let now = roundTime(0);
  const clock: Clock = { now: () => now, sleep: () => Promise.resolve() };
  return {
    channel,
    clock,
    apply(fake, round) {
      for (let r = 1; r <= round; r++) {
        now = roundTime(r);
        for (const offset of [0, 1000, 2000]) {
          const id = ((editedIn(r) + offset - 1) % CHANGED_CHANNEL_SIZE) + 1;
          if (channel.messages.some((message) => message.id === id)) fake.editMessage(channel, id, `round ${r}: ${id}`, { unseen: true });
        }
        if (channel.messages.some((message) => message.id === deletedIn(r))) fake.deleteMessages(channel, [deletedIn(r)], { unseen: true });
        for (let n = 0; n < 5; n++) fake.postMessage(channel, `round ${r} new ${n}`, { unseen: true });
      }
    },
  };
}
