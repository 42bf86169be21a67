import type { TelegramClient } from 'telegram';
import { newTelegramClient } from '../core/sources/telegram/index.ts';
import { CliUsageError } from './CliUsageError.ts';

/**
 * The command line's Telegram session: SCROLLBACK_TELEGRAM_SESSION (a GramJS StringSession) with
 * SCROLLBACK_TELEGRAM_API_ID and SCROLLBACK_TELEGRAM_API_HASH. Read from the environment each run; never
 * written anywhere.
 */
export function telegramClientFromEnvironment(env: NodeJS.ProcessEnv): TelegramClient | null {
  const session = env.SCROLLBACK_TELEGRAM_SESSION;
  const apiId = Number(env.SCROLLBACK_TELEGRAM_API_ID);
  const apiHash = env.SCROLLBACK_TELEGRAM_API_HASH;
  if (!session || !apiHash || !Number.isInteger(apiId) || apiId <= 0) return null;
  return newTelegramClient(apiId, apiHash, session);
}

export function requireTelegramEnvironment(env: NodeJS.ProcessEnv): TelegramClient {
  const client = telegramClientFromEnvironment(env);
  if (!client) {
    throw new CliUsageError(
      'Set SCROLLBACK_TELEGRAM_SESSION (a session string), SCROLLBACK_TELEGRAM_API_ID and SCROLLBACK_TELEGRAM_API_HASH (from my.telegram.org → API development tools).',
    );
  }
  return client;
}
