import { openScrollbackCore, type ScrollbackCore } from '../../electron/core/app/openScrollbackCore.ts';
import type { Clock } from '../../electron/core/sources/createRequestLimiter.ts';
import { saveTelegramAccount } from '../../electron/core/sources/telegram/saveTelegramAccount.ts';
import type { FakeTelegram } from './fakeTelegram.ts';
import { fakeTelegramClient } from './fakeTelegramClient.ts';

/**
 * A core whose Telegram account is the fake, at Telegram's real pace (a second between background
 * requests) on `clock`, with outages retried after 10 s: what the backup tests, the kill process and the
 * bench open.
 */
export function openBackupCore(databasePath: string, fake: FakeTelegram, clock: Clock): { core: ScrollbackCore; sourceId: string } {
  const core = openScrollbackCore({
    databasePath,
    logger: { info() {}, warn() {}, error() {} },
    telegram: { clientFor: () => fakeTelegramClient(fake), connects: false, pacingMs: 1000, clock },
    sync: {
      sleep: (ms, signal) => clock.sleep(ms, signal),
      now: () => clock.now(),
      pacingMs: 0,
      outageRetryDelaysMs: [10_000, 10_000, 10_000],
    },
  });
  const sourceId = saveTelegramAccount(core.providerContext, { userId: '100', name: 'Me', apiId: 1 });
  return { core, sourceId };
}
