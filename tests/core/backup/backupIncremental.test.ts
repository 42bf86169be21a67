import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBackupSettings } from '../../../shared/backup.ts';
import { databaseOf } from '../../../electron/core/app/openScrollbackCore.ts';
import { createBackupService } from '../../../electron/core/backup/createBackupService.ts';
import { createFakeTelegram, seedFakeChat, type FakeChat } from '../../support/fakeTelegram.ts';
import { createCompressedClock } from '../../support/fakeTelegramAccount.ts';
import { openBackupCore } from '../../support/openBackupCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

/** A small account whose chats were active in the last days (so a refresh's re-check reaches their messages). */
function recentAccount(now: number): FakeChat[] {
  const day = 86_400;
  const start = Math.floor(now / 1000) - 3 * day;
  return [
    seedFakeChat({ type: 'user', id: 2001, accessHash: 11 }, 'Ana', 40, { start }),
    seedFakeChat({ type: 'channel', id: 2002, accessHash: 12 }, 'News', 150, { start: start + 100 }),
    seedFakeChat({ type: 'user', id: 2003, accessHash: 13 }, 'Ben', 12, { start: start + 200 }),
  ];
}

describe('a whole-account backup kept current', () => {
  it('after the first pass is incremental: new messages, edits and deletions at the source counted; new dialogs join; a chat one left is kept and marked', async () => {
    const clock = createCompressedClock();
    const chats = recentAccount(clock.now());
    const fake = createFakeTelegram({ chats, clock });
    const { core, sourceId } = openBackupCore(path.join(tempFolder(), 'incremental.db'), fake, clock);
    try {
      core.backup.setSettings(sourceId, { ...defaultBackupSettings, media: [] });
      core.backup.start(sourceId);
      const first = await core.backup.settled(sourceId);
      expect(first.lastSummary).toMatchObject({ chats: 3, newMessages: 40 + 150 + 12 });

      const [ana, news, ben] = chats as [FakeChat, FakeChat, FakeChat];
      for (const text of ['one', 'two', 'three']) fake.postMessage(news, text);
      fake.editMessage(ana, 38, 'changed at the source');
      fake.deleteMessages(ana, [39]);
      chats.push(seedFakeChat({ type: 'user', id: 2004, accessHash: 14 }, 'Chen', 7, { start: Math.floor(clock.now() / 1000) - 600 }));
      ben.left = true;
      const historyBefore = fake.historyCalls;

      core.backup.start(sourceId);
      const second = await core.backup.settled(sourceId);
      expect(second.state).toBe('done');
      expect(second.pass).toBe('incremental');
      expect(second.lastSummary).toMatchObject({ chats: 4, failedChats: 0, newMessages: 3 + 7, edited: 1, deletedAtSource: 1 });
      // Refreshes, not whole downloads: a few requests a chat.
      expect(fake.historyCalls - historyBefore).toBeLessThan(20);
      const list = core.backup.listChats(sourceId);
      expect(list.find((chat) => chat.name === 'Ben')).toMatchObject({ gone: 'left', state: 'done', messagesStored: 12 });
      expect(list.find((chat) => chat.name === 'Chen')).toMatchObject({ state: 'done', messagesStored: 7 });
      const stored = databaseOf(core).prepare('SELECT count(*) AS n FROM messages WHERE deleted_at IS NOT NULL').get() as { n: number };
      expect(stored.n).toBe(1);
    } finally {
      await core.close();
    }
  });

  it('runs again on its schedule (daily unless changed), and Pause keeps its place for Resume', async () => {
    const clock = createCompressedClock();
    const chats = recentAccount(clock.now());
    const fake = createFakeTelegram({ chats, clock });
    const { core, sourceId } = openBackupCore(path.join(tempFolder(), 'schedule.db'), fake, clock);
    const timers: Array<{ run: () => void; ms: number }> = [];
    const backup = createBackupService({
      db: databaseOf(core),
      sourceFor: (id) => core.sources.sourceFor(id),
      sync: core.sync,
      refresh: core.refresh,
      media: core.media,
      now: () => clock.now(),
      sleep: (ms, signal) => clock.sleep(ms, signal),
      setTimer: (run, ms) => {
        timers.push({ run, ms });
        return { cancel: () => undefined };
      },
    });
    try {
      expect(backup.status(sourceId).settings.everyMinutes).toBe(24 * 60);
      backup.setSettings(sourceId, { ...defaultBackupSettings, media: [], everyMinutes: 60 });
      backup.startSchedules();
      // Paused as soon as it starts: nothing is lost, and Resume goes on with the same pass.
      backup.start(sourceId);
      backup.pause(sourceId);
      const paused = await backup.settled(sourceId);
      expect(paused.state).toBe('paused');
      backup.resume(sourceId);
      const done = await backup.settled(sourceId);
      expect(done.state).toBe('done');
      expect(done.lastSummary?.newMessages).toBe(40 + 150 + 12);
      expect(done.nextRunAt).toBe((done.lastSummary?.finishedAt ?? 0) + 60 * 60_000);
      expect(timers.at(-1)?.ms).toBe(60 * 60_000 - (clock.now() - (done.lastSummary?.finishedAt ?? 0)));

      fake.postMessage(chats[0]!, 'while away');
      timers.at(-1)?.run();
      const next = await backup.settled(sourceId);
      expect(next.state).toBe('done');
      expect(next.lastSummary).toMatchObject({ newMessages: 1, chats: 3 });
    } finally {
      await backup.stop();
      await core.close();
    }
  });
});
