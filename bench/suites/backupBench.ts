import fs from 'node:fs';
import path from 'node:path';
import { Api } from 'telegram';
import { defaultBackupSettings } from '../../shared/backup.ts';
import { createFakeTelegram } from '../../tests/support/fakeTelegram.ts';
import { createCompressedClock, seedFakeAccount } from '../../tests/support/fakeTelegramAccount.ts';
import { runScriptAndKill } from '../../tests/support/killMidway.ts';
import { openBackupCore } from '../../tests/support/openBackupCore.ts';
import { countFigure, finish, type Figures } from '../benchResults.ts';

/**
 * A whole-account backup of the fake account of 300 dialogs of every kind (most chats short, every 25th
 * long: 1,500 messages, spread over every kind), at Telegram's pace (a second between background requests) on a compressed clock:
 * - how many history requests it asks beside the least that can fetch every chat (Σ ceil(messages/100));
 * - the messages ETA said at 10 % of the messages beside the time the rest then took (their ratio);
 * - how many requests a restart asks again after a kill -9 at a random request (the kill test's process).
 */
export async function runBackupBench(folder: string, options: { quick: boolean }): Promise<Figures> {
  const clock = createCompressedClock();
  const chats = seedFakeAccount({ largeEvery: 25, largeSize: options.quick ? 400 : 1_500 });
  const fake = createFakeTelegram({ chats, clock });
  const { core, sourceId } = openBackupCore(path.join(folder, 'backup-bench.db'), fake, clock);
  const total = chats.filter((chat) => !chat.left).reduce((sum, chat) => sum + chat.messages.length, 0);
  let predicted: { at: number; etaMs: number } | null = null;
  let historyDoneAt = 0;
  // The ETA is read as each history request goes out (a point of the work, not of the wall clock), and the
  // moment the last history page was answered is kept (media are left out: the ETA is of the messages).
  const invoke = fake.invoke.bind(fake);
  fake.invoke = async (request) => {
    if (!predicted && request instanceof Api.messages.GetHistory) {
      const status = core.backup.status(sourceId);
      if (status.etaMs.messages !== null && status.messages.stored >= total / 10)
        predicted = { at: clock.now(), etaMs: status.etaMs.messages };
    }
    const answer = await invoke(request);
    if (request instanceof Api.messages.GetHistory) historyDoneAt = clock.now();
    return answer;
  };
  try {
    core.backup.setSettings(sourceId, { ...defaultBackupSettings, media: [] });
    core.backup.start(sourceId);
    const final = await core.backup.settled(sourceId);
    if (final.state !== 'done') throw new Error(`the backup ended ${final.state}: ${final.error?.message ?? ''}`);
  } finally {
    await core.close();
  }
  const requests = fake.historyCalls;
  const minimum = chats.filter((chat) => !chat.left).reduce((sum, chat) => sum + Math.max(1, Math.ceil(chat.messages.length / 100)), 0);
  const at10 = predicted as { at: number; etaMs: number } | null;

  // Kills: each run halts at a random request and is killed; the next run's answered requests are compared.
  const dbPath = path.join(folder, 'backup-kill.db');
  let worst = 0;
  const kills = process.env.H1_NO_KILLS ? 0 : options.quick ? 1 : 5;
  let seed = 29;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  // Halts within the first 120 requests of each run, so five runs end mid-pass (the whole takes about 700);
  // a run that ends before its halt finished the pass (a later one would begin the next pass): the last.
  let killed = 0;
  for (const haltAt of [...Array.from({ length: kills }, () => 2 + Math.floor(next() * 120)), null]) {
    const run = await runScriptAndKill(
      'tests/support/backupAccountProcess.ts',
      [dbPath, haltAt === null ? 'none' : String(haltAt)],
      haltAt === null ? null : /halted at request/,
    );
    if (!run.killed) break;
    killed++;
  }
  const asked = new Set<string>();
  let run: string[] = [];
  const finishRun = (first: boolean) => {
    if (!first) worst = Math.max(worst, run.filter((key) => asked.has(key)).length);
    for (const key of run) asked.add(key);
    run = [];
  };
  let index = 0;
  for (const line of fs.readFileSync(`${dbPath}.requests`, 'utf8').split('\n')) {
    if (line === '--- run') {
      if (index > 0) finishRun(index === 1);
      index++;
    } else if (line !== '') run.push(line);
  }
  finishRun(index === 1);

  const etaActual = at10 ? historyDoneAt - at10.at : Number.NaN;
  return {
    backup_history_requests: finish(
      countFigure({
        what: `history requests of a whole-account backup: ${chats.length - 1} chats, ${total.toLocaleString('en-US')} messages`,
        unit: 'requests',
        value: requests,
        floor: { what: 'Σ ceil(messages/100) over the chats: the least that can fetch every chat (100 a request)', value: minimum },
        target: { max: 1.05 },
      }),
    ),
    backup_eta_at_10_percent: finish(
      countFigure({
        what: 'the messages ETA said when 10 % of the messages were stored (compressed clock)',
        unit: 'ms',
        value: at10 ? Math.round(at10.etaMs) : Number.NaN,
        floor: { what: 'the time the rest of the history then took, same run', value: Math.round(etaActual) },
        target: { min: 0.75, max: 1.25, text: 'within ±25 %' },
      }),
    ),
    backup_resume_repeated_requests: finish(
      countFigure({
        what: `requests a restart asks again after a kill -9 at a random request (worst of ${killed} kills of the 300-dialog backup)`,
        unit: 'requests',
        value: worst,
        floor: { what: 'the one request in flight at the kill (answered, never stored)', value: 1 },
        target: { max: 1 },
      }),
    ),
  };
}
