import { whoAmI } from '../../core/sources/telegram/index.ts';
import type { CliContext } from '../CliContext.ts';
import { CliUsageError } from '../CliUsageError.ts';
import { requireTelegramEnvironment } from '../telegramFromEnvironment.ts';

/**
 * `telegram add`: registers the account of the session in the environment and lists its chats; then
 * `chats`, `history`, `search`, `sync` and `export` work on them (with the same environment).
 */
export async function telegramCommand(context: CliContext, args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  if (args.length !== 1 || args[0] !== 'add') throw new CliUsageError('telegram: the command is `scrollback telegram add`.');
  const client = requireTelegramEnvironment(env);
  try {
    await client.connect();
    const account = await whoAmI(client);
    const core = context.core();
    const sourceId = core.addTelegramAccount({ userId: account.userId, name: account.name, apiId: Number(env.SCROLLBACK_TELEGRAM_API_ID) });
    const chats = await core.refreshChats(sourceId);
    if (context.json) context.out(JSON.stringify({ source: sourceId, chats: chats.map((chat) => ({ id: chat.id, name: chat.name, kind: chat.kind })) }, null, 2));
    else context.out(`Added Telegram account ${account.name} as ${sourceId} with ${chats.length} chats. List them with: scrollback chats`);
  } finally {
    await client.destroy().catch(() => undefined);
  }
}
