import path from 'node:path';
import { Api } from 'telegram';
import bigInt from 'big-integer';
import { databaseOf, openScrollbackCore } from '../../electron/core/app/openScrollbackCore.ts';
import { getChatRecord } from '../../electron/core/cache/chatQueries.ts';
import { storeBatchAsPage } from './storeBatchesAsPages.ts';
import { sourceMessage, type SourceMessage } from '../../electron/core/model/SourceMessage.ts';
import { saveTelegramAccount } from '../../electron/core/sources/telegram/saveTelegramAccount.ts';
import { createFakeTelegram, seedFakeChat } from '../../tests/support/fakeTelegram.ts';
import { fakeTelegramClient } from '../../tests/support/fakeTelegramClient.ts';
import { createFakeClock } from '../../tests/support/fakeRyzeApiServer.ts';
import { countFigure, finish, type Figures } from '../benchResults.ts';

/** Messages the fake Telegram holds of the chat: the newest ones (a refresh never asks for older). */
const AT_SOURCE = 5_000;
/** A message every 5 minutes: 1,000,000 of them span 9.5 years, and the 7 days a refresh re-checks hold 2,016. */
const SPACING_S = 300;
const OVERLAP = 100;

/**
 * Refreshing a 1,000,000-message Telegram chat that changed by 100 messages since it was downloaded (90 new,
 * 5 edited, 5 deleted, as between two days of use): how many requests Telegram gets, beside the least that
 * could find the changes. (Its wall time with an unpaced fake had no floor doing the same work, and is left out:
 * at Telegram's pace the requests are the time.)
 * The cache holds all 1,000,000 (stored as one covered run, as a finished download leaves it); the fake
 * Telegram holds the chat's newest 5,000 with the same ids and dates (older ones come back as deleted ids,
 * which the refresh never reaches).
 */
export async function runLiveBench(folder: string, options: { quick: boolean }): Promise<Figures> {
  const count = options.quick ? 100_000 : 1_000_000;
  const offset = count - AT_SOURCE;
  const base = Date.UTC(2016, 0, 1) / 1000;
  const channel = seedFakeChat({ type: 'channel', id: 4040, accessHash: 77 }, 'Big live channel', AT_SOURCE);
  // The download's cached run reaches OVERLAP messages into what the fake holds, so the two join; those
  // are the same messages on both sides (same text, sender and date).
  const cachedUpTo = offset + OVERLAP;
  for (const message of channel.messages) {
    message.id += offset;
    message.date = base + message.id * SPACING_S;
    if (message.replyTo instanceof Object && 'replyToMsgId' in message.replyTo && message.replyTo.replyToMsgId)
      message.replyTo.replyToMsgId += offset;
    if (message.id <= cachedUpTo) {
      message.message = `message ${message.id}`;
      message.entities = undefined;
      message.media = undefined;
      message.editDate = undefined;
      message.replyTo = undefined;
      message.groupedId = undefined;
      message.out = false;
      message.fromId = new Api.PeerUser({ userId: bigInt(101) });
    }
  }
  // Telegram's clock: a minute after the chat's last message, so what arrives follows it in time.
  const fake = createFakeTelegram({ chats: [channel], clock: createFakeClock((base + count * SPACING_S + 60) * 1000) });
  const core = openScrollbackCore({
    databasePath: path.join(folder, 'live.db'),
    logger: { info() {}, warn() {}, error() {} },
    telegram: { clientFor: () => fakeTelegramClient(fake), connects: false, pacingMs: 0 },
  });
  try {
    const sourceId = saveTelegramAccount(core.providerContext, { userId: '42', name: 'Bench', apiId: 1 });
    const [chat] = await core.refreshChats(sourceId);
    const db = databaseOf(core);
    const record = getChatRecord(db, chat!.id);
    const bulk = (from: number, to: number): SourceMessage[] =>
      Array.from({ length: to - from + 1 }, (_, i) =>
        sourceMessage({
          id: String(from + i),
          sortKey: from + i,
          date: (base + (from + i) * SPACING_S) * 1000,
          sender: { key: 'user101', name: 'Ana Costa' },
          out: false,
          text: `message ${from + i}`,
        }),
      );
    let previous: SourceMessage | null = null;
    for (let start = 1; start <= cachedUpTo; start += 50_000) {
      const batch = bulk(start, Math.min(cachedUpTo, start + 49_999));
      if (storeBatchAsPage(db, record, batch, previous) > 0) throw new Error('the bulk ingest marked messages deleted at the source');
      previous = batch.at(-1)!;
    }
    // The newest 5,000 as the download left them, joined to the rest: the chat is whole on this computer.
    await core.refresh.refresh(chat!.id);
    if (core.getChat(chat!.id).cachedCount !== count)
      throw new Error(`the bench chat holds ${core.getChat(chat!.id).cachedCount}, not ${count}`);

    // At Telegram since then: 90 new messages, 5 edits and 5 deletions among the recent ones.
    const recent = channel.messages.slice(-300);
    for (let i = 0; i < 5; i++) fake.editMessage(channel, recent[i * 50 + 10]!.id, `corrected ${i}`, { unseen: true });
    fake.deleteMessages(
      channel,
      [0, 1, 2, 3, 4].map((i) => recent[i * 50 + 30]!.id),
      { unseen: true },
    );
    for (let i = 0; i < 90; i++) fake.postMessage(channel, `new ${i}`, { unseen: true });
    // The least a refresh could ask: Telegram's pages of 100 (its largest) that hold every changed message,
    // from the oldest one edited or deleted to the newest new one.
    const oldestChanged = recent[10]!.id;
    const holdingChanges = channel.messages.filter((message) => message.id >= oldestChanged).length;
    const minimum = Math.ceil(holdingChanges / 100);
    const requestsBefore = fake.log.length;
    const result = await core.refresh.refresh(chat!.id);
    const requests = fake.log.length - requestsBefore;
    if (result.added !== 90 || result.edited !== 5 || result.deleted !== 5)
      throw new Error(`the refresh found ${JSON.stringify(result)}, not 90 new, 5 edited and 5 deleted`);
    return {
      refresh_1m_changed_100_requests: finish(
        countFigure({
          what: `requests to Telegram of a refresh of a ${count.toLocaleString('en-US')}-message chat that changed by 100 messages (90 new, 5 edited, 5 deleted) since it was downloaded`,
          unit: 'requests',
          value: requests,
          floor: {
            what: `pages of 100 (Telegram's largest) holding every changed message: the newest ${holdingChanges} down to the oldest edited one`,
            value: minimum,
          },
          target: { max: 1.5 },
          note: fake.log
            .slice(requestsBefore)
            .map((entry) => entry.request)
            .join(', '),
        }),
      ),
    };
  } finally {
    await core.close();
  }
}
