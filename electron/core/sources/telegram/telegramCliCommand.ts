import type { SourceCliCommand } from '../SourceProvider.ts';
import { saveTelegramAccount } from './saveTelegramAccount.ts';
import { ScrollbackError } from '../../../../shared/errors.ts';
import { secondsInWords, SOURCE_DEADLINE_MS, waitWithDeadline } from '../waitWithDeadline.ts';
import { translator } from '../../i18n/createTranslator.ts';

/**
 * `telegram add`: registers the account of the session in the environment and lists its chats; then
 * `chats`, `history`, `search`, `sync` and `export` work on them (with the same environment).
 */
export const telegramCliCommand: SourceCliCommand = {
  name: 'telegram',
  usage: `  telegram add [--json]         add the Telegram account of SCROLLBACK_TELEGRAM_SESSION (with
                                SCROLLBACK_TELEGRAM_API_ID and SCROLLBACK_TELEGRAM_API_HASH) and list its chats`,
  options: ['json'],
  async run(context, args) {
    if (args.length !== 1 || args[0] !== 'add') throw context.usageError('telegram: the command is `scrollback telegram add`.');
    const session = telegramSessionFromEnvironment(context.env);
    if (!session) {
      throw context.usageError(
        'Set SCROLLBACK_TELEGRAM_SESSION (a session string), SCROLLBACK_TELEGRAM_API_ID and SCROLLBACK_TELEGRAM_API_HASH (from my.telegram.org → API development tools).',
      );
    }
    const { newTelegramClient, whoAmI } = await import('./telegramAccount.ts');
    const client = newTelegramClient(session.apiId, session.apiHash, session.session);
    try {
      const withinDeadline = <T>(work: Promise<T>, call: 'connecting' | 'readAccount') =>
        waitWithDeadline(work, {
          deadlineMs: SOURCE_DEADLINE_MS,
          onTimeout: () =>
            new ScrollbackError(
              'SOURCE_UNAVAILABLE',
              translator()('error.telegram.cliTimeout', {
                wait: secondsInWords(SOURCE_DEADLINE_MS),
                what: translator()('telegram.loginStep', { call }),
              }),
            ),
        });
      await withinDeadline(client.connect(), 'connecting');
      const account = await withinDeadline(whoAmI(client), 'readAccount');
      const sourceId = saveTelegramAccount(context, { userId: account.userId, name: account.name, apiId: session.apiId });
      const chats = (await context.refreshChats(sourceId)) as Array<{ id: number; name: string; kind: string }>;
      if (context.json)
        context.out(
          JSON.stringify({ source: sourceId, chats: chats.map((chat) => ({ id: chat.id, name: chat.name, kind: chat.kind })) }, null, 2),
        );
      else
        context.out(`Added Telegram account ${account.name} as ${sourceId} with ${chats.length} chats. List them with: scrollback chats`);
    } finally {
      // Not waited for: a client that never connected may never finish destroying.
      void client.destroy().catch(() => undefined);
    }
  },
};

/**
 * The command line's Telegram session: SCROLLBACK_TELEGRAM_SESSION (a GramJS StringSession) with
 * SCROLLBACK_TELEGRAM_API_ID and SCROLLBACK_TELEGRAM_API_HASH. Read from the environment each run; never
 * written anywhere.
 */
export function telegramSessionFromEnvironment(env: NodeJS.ProcessEnv): { session: string; apiHash: string; apiId: number } | null {
  const session = env.SCROLLBACK_TELEGRAM_SESSION;
  const apiId = Number(env.SCROLLBACK_TELEGRAM_API_ID);
  const apiHash = env.SCROLLBACK_TELEGRAM_API_HASH;
  if (!session || !apiHash || !Number.isInteger(apiId) || apiId <= 0) return null;
  return { session, apiHash, apiId };
}
