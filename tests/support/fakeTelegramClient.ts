import { randomBytes } from 'node:crypto';
import { TelegramClient } from 'telegram';
import { StringSession } from 'telegram/sessions/index.js';
import { AuthKey } from 'telegram/crypto/AuthKey.js';
import { Logger, LogLevel } from 'telegram/extensions/Logger.js';
import type { FakeTelegram } from './fakeTelegram.ts';

/**
 * A real GramJS client (never connected) whose `invoke` is the fake Telegram and whose updates are the
 * fake's pushed ones: everything above the network — request objects, TL classes, errors, the session,
 * update dispatch to event handlers — is GramJS's own.
 */
export function fakeTelegramClient(fake: FakeTelegram, session = ''): TelegramClient {
  const client = new TelegramClient(new StringSession(session), 12345, '0123456789abcdef0123456789abcdef', {
    connectionRetries: 0,
    baseLogger: new Logger(LogLevel.NONE),
  });
  (client as unknown as { invoke: FakeTelegram['invoke'] }).invoke = (request) => fake.invoke(request);
  fake.attach(client);
  return client;
}

/** A session string in GramJS's real format (data center 2 and a random 2048-bit auth key), as after a login. */
export async function fakeSessionString(): Promise<string> {
  const session = new StringSession('');
  session.setDC(2, '149.154.167.51', 443);
  const key = new AuthKey();
  await key.setKey(randomBytes(256));
  session.setAuthKey(key);
  return session.save();
}
