import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { seedFakeAccount } from '../../support/fakeTelegramAccount.ts';
import { runScriptAndKill } from '../../support/killMidway.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

/** One backup process; `haltAt`: the request at which it halts and is killed (null: run to the end). */
function runBackup(dbPath: string, haltAt: number | null) {
  return runScriptAndKill(
    'tests/support/backupAccountProcess.ts',
    [dbPath, haltAt === null ? 'none' : String(haltAt)],
    haltAt === null ? null : /halted at request/,
  );
}

/** The requests each run had answered, from the processes' log (a run begins at its `--- run` line). */
function answeredPerRun(dbPath: string): string[][] {
  const runs: string[][] = [];
  for (const line of fs.readFileSync(`${dbPath}.requests`, 'utf8').split('\n')) {
    if (line === '--- run') runs.push([]);
    else if (line !== '') runs.at(-1)?.push(line);
  }
  return runs;
}

describe('a whole-account backup killed and run again', () => {
  it('five SIGKILLs at random requests, each followed by a restart: every message stored once, at most one request asked again per kill', async () => {
    const dbPath = path.join(tempFolder(), 'backup-kill.db');
    // Each kill lands at a chosen request of its run (listing, history pages, files), so it is mid-work on any machine.
    const haltPoints = fc.sample(fc.integer({ min: 2, max: 140 }), { numRuns: 5, seed: 29 });
    for (const haltAt of haltPoints) {
      const run = await runBackup(dbPath, haltAt);
      expect(run.killed, run.stderr).toBe(true);
    }
    const last = await runBackup(dbPath, null);
    expect(last.stderr).toMatch(/done in \d+ requests/);

    const runs = answeredPerRun(dbPath);
    expect(runs).toHaveLength(6);
    const askedBefore = new Set<string>();
    for (const [index, run] of runs.entries()) {
      const repeated = run.filter((key) => askedBefore.has(key));
      if (index > 0) expect(repeated.length, `run ${index + 1} asked again: ${repeated.join('; ')}`).toBeLessThanOrEqual(1);
      for (const key of run) askedBefore.add(key);
    }

    const db = openCacheDatabase(dbPath);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Map(
        (
          db
            .prepare(
              'SELECT c.source_key AS key, count(m.id) AS n, count(DISTINCT m.source_msg_id) AS d FROM chats c LEFT JOIN messages m ON m.chat_id = c.id GROUP BY c.id',
            )
            .all() as Array<{ key: string; n: number; d: number }>
        ).map((row) => [row.key, row]),
      );
      for (const chat of seedFakeAccount()) {
        const row = stored.get(`${chat.peer.type}${chat.peer.id}`);
        expect(row?.n, chat.title).toBe(chat.messages.length);
        expect(row?.d, chat.title).toBe(chat.messages.length);
      }
      expect(db.prepare('SELECT state FROM backups').get()).toEqual({ state: 'done' });
    } finally {
      db.close();
    }
    // Six processes, each starting a core: minutes on a machine loaded by other processes, whatever the work.
  }, 240_000);
});
