// A process that backs up the fake whole account (tests/support/fakeTelegramAccount.ts) into a cache, for
// the kill tests and the bench: run, SIGKILL it at its `haltAt`-th request, run it again; it must end with
// every message of every chat. Each request answered is appended to `<db>.requests` (one line each), so the
// test can count what a restart asked again. Usage: node … <db> [haltAt|none]
import fs from 'node:fs';
import { defaultBackupSettings } from '../../shared/backup.ts';
import { createFakeTelegram } from './fakeTelegram.ts';
import { createCompressedClock, seedFakeAccount } from './fakeTelegramAccount.ts';
import { haltAtRequest, parseHaltAt } from './haltAtRequest.ts';
import { openBackupCore } from './openBackupCore.ts';
import { requestKeyOf } from './requestKeyOf.ts';

const [databasePath, haltAtText] = process.argv.slice(2);
const clock = createCompressedClock();
const fake = createFakeTelegram({ chats: seedFakeAccount(), clock, traps: { floodWaits: new Map([[30, 20]]), drops: new Set([70]) } });
const logFile = `${databasePath!}.requests`;
const invoke = fake.invoke.bind(fake);
fake.invoke = async (request) => {
  const answer = await invoke(request);
  fs.appendFileSync(logFile, `${requestKeyOf(request)}\n`);
  return answer;
};
const requestsMade = haltAtRequest(fake, parseHaltAt(haltAtText));
const { core, sourceId } = openBackupCore(databasePath!, fake, clock);
fs.appendFileSync(logFile, '--- run\n');
// The left channel too (a takeout session the user allowed).
core.backup.setSettings(sourceId, { ...defaultBackupSettings, includeLeft: true });
process.stderr.write('backing up\n');
core.backup.start(sourceId);
const status = await core.backup.settled(sourceId);
process.stderr.write(`${status.state} in ${requestsMade()} requests\n`);
await core.close();
