import type { TelegramClient } from 'telegram';
import { ScrollbackError } from '../../../../shared/errors.ts';
import type { SourceRecord } from '../../cache/sourceQueries.ts';
import type { Clock } from '../createRequestLimiter.ts';
import { createLazySource } from '../createLazySource.ts';
import type { ProviderContext, ProviderHandlerContext, SourceProvider } from '../SourceProvider.ts';
import type { TelegramLogin } from './createTelegramLogin.ts';
import {
  createTelegramSessionVault,
  telegramSessionKey,
  type TelegramSession,
  type TelegramSessionVault,
} from './createTelegramSessionVault.ts';
import { telegramCliCommand, telegramSessionFromEnvironment } from './telegramCliCommand.ts';
import { createTelegramHandlers } from './telegramHandlers.ts';
import { saveTelegramAccount } from './saveTelegramAccount.ts';
import { telegramSettingsSchema } from './telegramSettings.ts';
import { translator } from '../../i18n/createTranslator.ts';

export interface TelegramProviderOptions {
  /**
   * The GramJS client of an account, from its stored session (null: no session, the account answers
   * AUTH_REQUIRED). By default a real client; tests pass clients whose `invoke` is a fake Telegram.
   */
  clientFor?(record: SourceRecord, session: TelegramSession | null): TelegramClient | null | Promise<TelegramClient | null>;
  /** Connect clients before use (the real network); false for tests' fake clients. */
  connects?: boolean;
  clock?: Clock;
  pacingMs?: number;
  /** The login flow; by default the real one (GramJS loaded on first use). */
  login?: TelegramLogin;
}

/** Telegram accounts through GramJS, which is loaded only when a Telegram chat is used (about 40 MB). */
export function createTelegramProvider(options: TelegramProviderOptions = {}): SourceProvider & {
  /** The live client of an account, if one was built (to log out on Telegram). */
  clientOf(sourceId: string): TelegramClient | null;
  vaultFor(context: ProviderContext): TelegramSessionVault;
} {
  /** GramJS clients in use, destroyed on log out and quit (disconnect() alone leaves its update loop running). */
  const liveClients = new Map<string, TelegramClient>();
  let vault: TelegramSessionVault | null = null;
  const vaultFor = (context: ProviderContext) => (vault ??= createTelegramSessionVault(context.secrets));

  async function defaultClientFor(record: SourceRecord, session: TelegramSession | null): Promise<TelegramClient | null> {
    if (!session) return null;
    const { newTelegramClient } = await import('./telegramAccount.ts');
    return newTelegramClient(session.apiId ?? telegramSettingsSchema.parse(record.settings).apiId, session.apiHash, session.session);
  }

  const provider = {
    kind: 'telegram' as const,
    addLabel: 'Log in to Telegram…',
    removeLabel: 'Log out',
    clientOf: (sourceId: string) => liveClients.get(sourceId) ?? null,
    vaultFor,
    createSource(record: SourceRecord, context: ProviderContext) {
      const settings = telegramSettingsSchema.parse(record.settings);
      return createLazySource(record.id, 'telegram', async () => {
        const session = vaultFor(context).get(record.id);
        const client = (await (options.clientFor ?? defaultClientFor)(record, session)) ?? null;
        if (!client) {
          throw new ScrollbackError('AUTH_REQUIRED', translator()('error.telegram.loggedOut', { name: record.name }));
        }
        liveClients.set(record.id, client);
        const { createTelegramSource } = await import('./createTelegramSource.ts');
        return createTelegramSource(client, {
          connect: options.connects === false ? undefined : () => client.connect().then(() => undefined),
          takeout: settings.takeout === true,
          id: record.id,
          clock: options.clock,
          pacingMs: options.pacingMs ?? 1000,
          floodWaitUntil: settings.floodWaitUntil ?? null,
          // Persisted, so a restart during a long flood wait still sends nothing before it ends.
          onFloodWait: (until) => {
            const current = context.sourceRecord(record.id);
            if (current) context.saveSource({ ...current, settings: { ...current.settings, floodWaitUntil: until } });
          },
        });
      });
    },
    async release(sourceId: string) {
      const client = liveClients.get(sourceId);
      liveClients.delete(sourceId);
      if (client && options.connects !== false) await client.destroy().catch(() => undefined);
    },
    async beforeRemove(record: SourceRecord, context: ProviderContext) {
      // End the session on Telegram first (best effort: offline, the local wipe still happens).
      try {
        const client = liveClients.get(record.id);
        if (client) await (await import('./telegramAccount.ts')).endTelegramSession(client);
      } catch (error) {
        context.logger.warn('Telegram log out failed; the session is wiped locally anyway', error);
      }
      vaultFor(context).delete(record.id);
    },
    handlers: (context: ProviderHandlerContext) =>
      createTelegramHandlers(context, {
        vault: vaultFor(context),
        login: options.login,
        saveAccount: (account) => saveTelegramAccount(context, account),
      }),
    cli: telegramCliCommand,
    credentialFromEnvironment(key: string, env: NodeJS.ProcessEnv) {
      if (!key.startsWith(telegramSessionKey(''))) return null;
      const session = telegramSessionFromEnvironment(env);
      return session ? JSON.stringify(session) : null;
    },
  };
  return provider;
}
