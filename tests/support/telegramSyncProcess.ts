// A process that downloads a fake Telegram channel into a cache, for the kill tests: run, SIGKILL it at
// any moment, run it again; it must end with exactly the channel's messages. It halts at the sync's
// `haltAt`-th request for the test to kill. Usage: node … <db> [haltAt|none] [count]
import { openScrollbackCore } from '../../electron/core/app/openScrollbackCore.ts';
import { systemClock } from '../../electron/core/sources/createRequestLimiter.ts';
import { createFakeTelegram, seedFakeChat } from './fakeTelegram.ts';
import { fakeTelegramClient } from './fakeTelegramClient.ts';
import { haltAtRequest, parseHaltAt } from './haltAtRequest.ts';
import { saveTelegramAccount } from '../../electron/core/sources/telegram/saveTelegramAccount.ts';

const [databasePath, haltAtText, countText] = process.argv.slice(2);
const count = Number(countText ?? 20_000);
const channel = seedFakeChat({ type: 'channel', id: 777, accessHash: 4242 }, 'Big channel', count, { deletedEvery: 50 });
const fake = createFakeTelegram({ chats: [channel], clock: systemClock, traps: { shortPageEvery: 4 } });
const core = openScrollbackCore({
  databasePath: databasePath!,
  logger: { info() {}, warn() {}, error() {} },
  telegram: { clientFor: () => fakeTelegramClient(fake), connects: false, pacingMs: 0 },
  sync: { pacingMs: 0, outageRetryDelaysMs: [10, 10, 10] },
});
const sourceId = saveTelegramAccount(core.providerContext, { userId: '42', name: 'Me', apiId: 1 });
const chats = core.listChats().some((chat) => chat.sourceId === sourceId) ? core.listChats() : await core.refreshChats(sourceId);
const chat = chats.find((candidate) => candidate.name === 'Big channel')!;
process.stderr.write('syncing\n');
const requestsMade = haltAtRequest(fake, parseHaltAt(haltAtText));
core.sync.start({ chatId: chat.id, from: null, to: null });
const status = await core.sync.settled(chat.id);
process.stderr.write(`${status.state} in ${requestsMade()} requests\n`);
await core.close();
