import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { seedFakeChat } from '../../support/fakeTelegram.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import { runScriptAndKill } from '../../support/killMidway.ts';

const tempFolder = useTempFolder();

/** One sync process; `haltAt`: the sync's request at which it halts and is killed (null: run to the end). */
function runSync(dbPath: string, haltAt: number | null) {
  const args = [dbPath, haltAt === null ? 'none' : String(haltAt)];
  return runScriptAndKill('tests/support/telegramSyncProcess.ts', args, haltAt === null ? null : /halted at request/);
}

describe('Telegram sync killed and restarted', () => {
  it('SIGKILL at 20 random moments, restarted each time: the same final result, integrity ok after every kill', async () => {
    const dbPath = path.join(tempFolder(), 'kill.db');
    // A whole sync takes about 240 requests; each run resumes and is killed within its first 10, so all 20
    // runs die mid-sync by construction, at points spread along it, on any machine.
    const haltPoints = fc.sample(fc.integer({ min: 1, max: 10 }), { numRuns: 20, seed: 4 });
    let killedMidway = 0;
    for (const haltAt of haltPoints) {
      const run = await runSync(dbPath, haltAt);
      if (run.killed) killedMidway++;
      const db = openCacheDatabase(dbPath);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // Whatever was stored is a prefix-free set of real messages: nothing duplicated, nothing invented.
      const rows = db.prepare('SELECT count(*) AS n, count(DISTINCT source_msg_id) AS distinct_ids FROM messages').get() as {
        n: number;
        distinct_ids: number;
      };
      expect(rows.n).toBe(rows.distinct_ids);
      db.close();
    }
    expect(killedMidway).toBe(haltPoints.length);
    const last = await runSync(dbPath, null);
    expect(last.stderr).toContain('done');
    const expected = seedFakeChat({ type: 'channel', id: 777, accessHash: 4242 }, 'Big channel', 20_000, { deletedEvery: 50 }).messages.map(
      (message) => String(message.id),
    );
    const db = openCacheDatabase(dbPath);
    const stored = (db.prepare('SELECT source_msg_id AS id FROM messages ORDER BY sort_key').all() as Array<{ id: string }>).map(
      (row) => row.id,
    );
    expect(stored).toEqual(expected);
    expect(db.prepare('SELECT count(*) AS runs, max(reaches_oldest) AS complete FROM coverage').get()).toEqual({ runs: 1, complete: 1 });
    db.close();
  }, 180_000);
});
