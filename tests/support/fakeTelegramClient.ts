import { TelegramClient } from 'telegram';
import { StringSession } from 'telegram/sessions/index.js';
import { Logger, LogLevel } from 'telegram/extensions/Logger.js';
import type { FakeTelegram } from './fakeTelegram.ts';

/**
 * A real GramJS client (never connected) whose `invoke` is the fake Telegram: everything above the
 * network — request objects, TL classes, errors — is GramJS's own.
 */
export function fakeTelegramClient(fake: FakeTelegram, session = ''): TelegramClient {
  const client = new TelegramClient(new StringSession(session), 12345, '0123456789abcdef0123456789abcdef', { connectionRetries: 0, baseLogger: new Logger(LogLevel.NONE) });
  (client as unknown as { invoke: FakeTelegram['invoke'] }).invoke = (request) => fake.invoke(request);
  return client;
}
