import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeBackupSummary } from '../../../shared/backup.ts';
import { parseMediaPolicy } from '../../../electron/core/backup/backupMediaPolicy.ts';
import { backupCommand } from '../../../electron/cli/commands/backupCommand.ts';
import { runCli } from '../../../electron/cli/runCli.ts';
import { openScrollbackCore } from '../../../electron/core/app/openScrollbackCore.ts';
import { createFakeTelegram } from '../../support/fakeTelegram.ts';
import { createCompressedClock, seedFakeAccount } from '../../support/fakeTelegramAccount.ts';
import { openBackupCore } from '../../support/openBackupCore.ts';
import { useTempFolder } from '../../support/tempFolder.ts';

const tempFolder = useTempFolder();

describe('scrollback backup', () => {
  it('reads a media policy like Telegram Desktop’s export dialog', () => {
    expect(parseMediaPolicy('photos,voice,files:20MB')).toEqual([
      { type: 'photos', maxBytes: null },
      { type: 'voice', maxBytes: null },
      { type: 'files', maxBytes: 20 * 1024 * 1024 },
    ]);
    expect(parseMediaPolicy('none')).toEqual([]);
    expect(() => parseMediaPolicy('pictures')).toThrow(/“pictures” is not a media type/);
    expect(() => parseMediaPolicy('files:lots')).toThrow(/not a size/);
  });

  it('says a pass in one line', () => {
    const line = describeBackupSummary({
      startedAt: 0,
      finishedAt: 1,
      chats: 412,
      failedChats: 0,
      newMessages: 18_204,
      edited: 31,
      deletedAtSource: 5,
      mediaFiles: 90,
      mediaBytes: 1.2 * 1024 ** 3,
    });
    expect(line).toBe('412 chats · 18,204 new · 31 edited · 5 deleted at the source · 1.2 GB media');
  });

  it('refuses without an account to back up, in words', async () => {
    const db = path.join(tempFolder(), 'empty.db');
    await openScrollbackCore({ databasePath: db, logger: { info() {}, warn() {}, error() {} } }).close();
    let stderr = '';
    const code = await runCli(['--db', db, 'backup'], {
      stdout: () => undefined,
      stderr: (text) => (stderr += text),
      env: {},
    });
    expect(code).toBe(2);
    expect(stderr).toContain('there is no account to back up');
  });

  it('backs up the account with the kinds and media asked, one progress line, then the summary; --json is one event a line', async () => {
    const clock = createCompressedClock();
    const chats = seedFakeAccount({ dialogs: 24, largeEvery: 12, largeSize: 120 });
    const fake = createFakeTelegram({ chats, clock });
    const { core, sourceId } = openBackupCore(path.join(tempFolder(), 'cli.db'), fake, clock);
    try {
      const out: string[] = [];
      const err: string[] = [];
      const context = {
        core: () => core,
        databasePath: '',
        json: false,
        out: (line: string) => out.push(line),
        err: (line: string) => err.push(line),
      };
      await backupCommand(context, undefined, { kinds: 'private,bots', media: 'none' });
      expect(core.backup.status(sourceId).settings).toMatchObject({ kinds: ['private', 'bots'], media: [] });
      const people = chats.filter((chat) => chat.peer.type === 'user');
      expect(out).toEqual([
        expect.stringMatching(new RegExp(`^${people.length} chats · [\\d,]+ new · 0 edited · 0 deleted at the source · 0 bytes media$`)),
      ]);
      expect(err.at(-1)).toMatch(/^Telegram \(Me\): done · \d+ of \d+ chats · [\d,]+ messages, 0 left · media 0 files, 0 bytes$/);
      expect(
        core
          .listChats()
          .filter((chat) => chat.kind === 'channel')
          .every((chat) => chat.cachedCount === 0),
      ).toBe(true);

      const events: string[] = [];
      await backupCommand({ ...context, json: true, out: (line) => events.push(line) }, 'Telegram (Me)', { kinds: 'channels' });
      const parsed = events.map((line) => JSON.parse(line) as { kind: string; status: { state: string } });
      expect(parsed.every((event) => event.kind === 'backupStatus')).toBe(true);
      expect(parsed.at(-1)?.status.state).toBe('done');
    } finally {
      await core.close();
    }
  });
});
