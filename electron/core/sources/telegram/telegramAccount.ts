import { Api, TelegramClient } from 'telegram';
import { StringSession } from 'telegram/sessions/index.js';
import { Logger, LogLevel } from 'telegram/extensions/Logger.js';
import { toTelegramError } from './toTelegramError.ts';

/**
 * A GramJS client for an account (or, with an empty session, for a login). GramJS's own logger is off:
 * it would print to stdout, and nothing about a session belongs in a log.
 */
export function newTelegramClient(apiId: number, apiHash: string, session: string): TelegramClient {
  return new TelegramClient(new StringSession(session), apiId, apiHash, { connectionRetries: 5, baseLogger: new Logger(LogLevel.NONE) });
}

/** The account a session belongs to (for the command line, which starts from a session). */
export async function whoAmI(client: TelegramClient): Promise<{ userId: string; name: string }> {
  try {
    const [self] = await client.invoke(new Api.users.GetUsers({ id: [new Api.InputUserSelf()] }));
    if (!(self instanceof Api.User)) throw new Error('no user');
    return {
      userId: self.id.toString(),
      name: [self.firstName, self.lastName].filter(Boolean).join(' ') || self.username || self.id.toString(),
    };
  } catch (error) {
    throw toTelegramError(error);
  }
}

/** Ends the session on Telegram's side (log out), so the stolen copy of a session would be worthless too. */
export async function endTelegramSession(client: TelegramClient): Promise<void> {
  await client.invoke(new Api.auth.LogOut());
}
