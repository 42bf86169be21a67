// A process that keeps a fake Telegram channel up to date, for the kill test: the channel has changed by
// `round` rounds of edits, deletions and new messages since it was downloaded; the process downloads it if
// it is not yet, then refreshes it whole, halting at the refresh's `haltAt`-th request for the test to kill.
// Usage: node … <db> <round> [haltAt|none]
import { openScrollbackCore } from '../../electron/core/app/openScrollbackCore.ts';
import { saveTelegramAccount } from '../../electron/core/sources/telegram/saveTelegramAccount.ts';
import { changedFakeChannel } from './changedFakeChannel.ts';
import { fakeTelegramClient } from './fakeTelegramClient.ts';
import { haltAtRequest, parseHaltAt } from './haltAtRequest.ts';
import { createFakeTelegram } from './fakeTelegram.ts';

const [databasePath, roundText, haltAtText] = process.argv.slice(2);
const { channel, clock, apply } = changedFakeChannel();
const fake = createFakeTelegram({ chats: [channel], clock });
apply(fake, Number(roundText));
const core = openScrollbackCore({
  databasePath: databasePath!,
  logger: { info() {}, warn() {}, error() {} },
  telegram: { clientFor: () => fakeTelegramClient(fake), connects: false, pacingMs: 0 },
  sync: { pacingMs: 0, outageRetryDelaysMs: [10, 10, 10] },
  refresh: { recheckDays: 100_000, recheckPages: 1_000 },
});
const sourceId = saveTelegramAccount(core.providerContext, { userId: '42', name: 'Me', apiId: 1 });
const chats = core.listChats().some((chat) => chat.sourceId === sourceId) ? core.listChats() : await core.refreshChats(sourceId);
const chat = chats.find((candidate) => candidate.name === 'Changing channel')!;
if (!core.getChat(chat.id).oldestReached) {
  core.sync.start({ chatId: chat.id, from: null, to: null });
  await core.sync.settled(chat.id);
}
process.stderr.write('refreshing\n');
const requestsMade = haltAtRequest(fake, parseHaltAt(haltAtText));
const result = await core.refresh.refresh(chat.id);
process.stderr.write(`done in ${requestsMade()} requests ${JSON.stringify(result)}\n`);
await core.close();
