import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCacheDatabase } from '../../../electron/core/cache/openCacheDatabase.ts';
import { createFakeTelegram } from '../../support/fakeTelegram.ts';
import { changedFakeChannel } from '../../support/changedFakeChannel.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import { runScriptAndKill } from '../../support/killMidway.ts';

const tempFolder = useTempFolder();

/** One refresh process; `haltAt`: the refresh's request at which it halts and is killed (null: run to the end). */
function runRefresh(dbPath: string, round: number, haltAt: number | null) {
  const args = [dbPath, String(round), haltAt === null ? 'none' : String(haltAt)];
  return runScriptAndKill('tests/support/telegramRefreshProcess.ts', args, haltAt === null ? null : /halted at request/);
}

describe('a refresh killed and run again', () => {
  it('SIGKILL during 10 refreshes of a changing channel: integrity ok, no duplicate, every version kept, and the last run matches Telegram', async () => {
    const dbPath = path.join(tempFolder(), 'refresh-kill.db');
    const first = await runRefresh(dbPath, 0, null);
    expect(first.stderr).toContain('done');
    // Each kill lands at a chosen request of the refresh, so every run dies mid-work on any machine.
    const requestsPerRefresh = Number(/done in (\d+) requests/.exec(first.stderr)?.[1]);
    expect(requestsPerRefresh).toBeGreaterThan(10);
    const haltPoints = fc.sample(fc.integer({ min: 1, max: requestsPerRefresh - 2 }), { numRuns: 10, seed: 18 });
    let killedMidway = 0;
    for (const [index, haltAt] of haltPoints.entries()) {
      const run = await runRefresh(dbPath, index + 1, haltAt);
      if (run.killed) killedMidway++;
      const db = openCacheDatabase(dbPath);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const ids = db.prepare('SELECT count(*) AS n, count(DISTINCT source_msg_id) AS d FROM messages').get() as { n: number; d: number };
      expect(ids.n).toBe(ids.d);
      // A version and the row's count of versions are written in one transaction: never one without the other.
      const torn = db
        .prepare(
          `SELECT count(*) AS n FROM messages m WHERE m.earlier_versions <> (SELECT count(*) FROM message_versions v WHERE v.message_id = m.id)`,
        )
        .get() as { n: number };
      expect(torn.n).toBe(0);
      db.close();
    }
    expect(killedMidway).toBe(haltPoints.length);
    // The last round, run to its end: the archive is Telegram's channel, plus every deleted message marked.
    const rounds = haltPoints.length;
    expect((await runRefresh(dbPath, rounds, null)).stderr).toContain('done');
    const { channel, clock, apply } = changedFakeChannel();
    apply(createFakeTelegram({ chats: [channel], clock }), rounds);
    const db = openCacheDatabase(dbPath);
    const rows = db.prepare('SELECT source_msg_id AS id, text, deleted_at FROM messages ORDER BY sort_key').all() as Array<{
      id: string;
      text: string;
      deleted_at: number | null;
    }>;
    expect(rows.filter((row) => row.deleted_at === null).map((row) => [row.id, row.text])).toEqual(
      channel.messages.map((message) => [String(message.id), message.message]),
    );
    const markedDeleted = rows.filter((row) => row.deleted_at !== null).map((row) => Number(row.id));
    expect(markedDeleted.sort((a, b) => a - b)).toEqual([...channel.deleted].sort((a, b) => a - b));
    // Each message edited in several rounds keeps the texts of the rounds this computer saw, oldest first.
    const versions = db
      .prepare(
        `SELECT m.source_msg_id AS id, group_concat(v.text, ' | ') AS texts FROM message_versions v JOIN messages m ON m.id = v.message_id GROUP BY v.message_id`,
      )
      .all() as Array<{ id: string; texts: string }>;
    expect(versions.length).toBeGreaterThan(20);
    for (const { texts } of versions) {
      const seen = texts.split(' | ');
      expect(new Set(seen).size).toBe(seen.length);
    }
    db.close();
  }, 180_000);
});
