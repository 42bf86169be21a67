import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBackupSettings, describeBackupSummary } from '../../../shared/backup.ts';
import { databaseOf } from '../../../electron/core/app/openScrollbackCore.ts';
import { createFakeTelegram, type FakeChat } from '../../support/fakeTelegram.ts';
import { createCompressedClock, seedFakeAccount } from '../../support/fakeTelegramAccount.ts';
import { openBackupCore } from '../../support/openBackupCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

const keyOf = (chat: FakeChat) => `${chat.peer.type}${chat.peer.id}`;

describe('backing up a whole Telegram account', () => {
  it('stores every message of every chat once, photos by the default policy, with flood waits and dropped connections kept', async () => {
    const clock = createCompressedClock();
    const chats = seedFakeAccount();
    const fake = createFakeTelegram({
      chats,
      clock,
      traps: {
        floodWaits: new Map([
          [40, 30],
          [210, 7],
        ]),
        drops: new Set([90, 91, 260]),
        fileFloodWaits: new Map([[3, 4]]),
      },
    });
    const { core, sourceId } = openBackupCore(path.join(tempFolder(), 'backup.db'), fake, clock);
    try {
      core.backup.setSettings(sourceId, { ...defaultBackupSettings, includeLeft: true });
      core.backup.start(sourceId);
      const final = await core.backup.settled(sourceId);
      expect(final.error).toBeNull();
      expect(final.state).toBe('done');

      const db = databaseOf(core);
      const stored = db
        .prepare(
          'SELECT c.source_key AS key, count(m.id) AS n, count(DISTINCT m.source_msg_id) AS d FROM chats c LEFT JOIN messages m ON m.chat_id = c.id GROUP BY c.id',
        )
        .all() as Array<{ key: string; n: number; d: number }>;
      const byKey = new Map(stored.map((row) => [row.key, row]));
      expect(core.backup.listChats(sourceId).filter((chat) => chat.state !== 'done')).toEqual([]);
      for (const chat of chats) {
        const row = byKey.get(keyOf(chat));
        expect(row, chat.title).toBeDefined();
        expect(row?.n, chat.title).toBe(chat.messages.length);
        expect(row?.d, chat.title).toBe(chat.messages.length);
      }
      // Media by the policy: every photo's whole file (Telegram Desktop's default: photos up to 8 MB), nothing else.
      const full = db
        .prepare(
          "SELECT c.source_key AS key, l.message_id AS id FROM message_media l JOIN chats c ON c.id = l.chat_id WHERE l.variant = 'full' AND l.message_id != ''",
        )
        .all() as Array<{ key: string; id: string }>;
      const photos = chats.flatMap((chat) =>
        chat.messages
          .filter((message) => message.media?.className === 'MessageMediaPhoto')
          .map((message) => `${keyOf(chat)}/${message.id}`),
      );
      expect(photos.length).toBeGreaterThan(5);
      expect(full.map((row) => `${row.key}/${row.id}`).sort()).toEqual(photos.sort());

      expect(fake.floodViolations).toEqual([]);
      expect(fake.maxInFlight).toBe(1);

      const list = core.backup.listChats(sourceId);
      expect(list).toHaveLength(chats.length);
      expect(list.every((chat) => chat.state === 'done')).toBe(true);
      const named = (name: string) => list.find((chat) => chat.name === name);
      expect(named('Saved Messages')?.kind).toBe('private');
      expect(named('Bot 7')?.kind).toBe('bots');
      expect(named('Channel 7')).toBeUndefined();
      expect(named('Channel 13')?.kind).toBe('channels');
      expect(named('Supergroup 9')?.kind).toBe('groups');
      expect(named('Group 5')?.kind).toBe('groups');
      expect(named('Left channel')?.gone).toBe('left');
      expect(named('Channel 19')?.archived).toBe(true);
      expect(named('Old group')?.kind).toBe('groups');
      // Most recently active first.
      const dates = list.map((chat) => chat.lastActivity ?? 0);
      expect(dates).toEqual([...dates].sort((a, b) => b - a));

      const summary = final.lastSummary;
      expect(summary?.chats).toBe(chats.length);
      expect(summary?.newMessages).toBe(chats.reduce((sum, chat) => sum + chat.messages.length, 0));
      expect(describeBackupSummary(summary!)).toMatch(
        /^301 chats · [\d,]+ new · 0 edited · 0 deleted at the source · [\d.]+ (KB|MB) media$/,
      );
      expect(final.messages.left).toBe(0);
      expect(final.media.left).toBe(0);
      expect(final.nextRunAt).toBe(summary!.finishedAt + 24 * 60 * 60_000);
    } finally {
      await core.close();
    }
  });
});
