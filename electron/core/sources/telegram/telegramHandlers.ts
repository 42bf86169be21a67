import type { IpcHandlers } from '../../../../shared/ipc/contract.ts';
import type { TelegramLoginState } from '../../../../shared/telegramLogin.ts';
import type { ProviderHandlerContext } from '../SourceProvider.ts';
import type { TelegramLogin } from './createTelegramLogin.ts';
import type { TelegramSessionVault } from './createTelegramSessionVault.ts';

type TelegramHandlers = Pick<
  IpcHandlers,
  | 'telegramLoginWithPhone'
  | 'telegramLoginWithQr'
  | 'telegramResendCode'
  | 'telegramSubmitCode'
  | 'telegramSubmitPassword'
  | 'telegramLoginStatus'
  | 'telegramCancelLogin'
>;

/**
 * The login dialog's steps. The session never crosses IPC: a finished login's session goes to the vault,
 * the account is saved and its chats listed.
 */
export function createTelegramHandlers(
  context: ProviderHandlerContext,
  deps: {
    vault: TelegramSessionVault;
    login?: TelegramLogin;
    saveAccount(account: { userId: string; name: string; apiId: number; takeout?: boolean }): string;
  },
): TelegramHandlers {
  let allowWeak = false;
  let useTakeoutForDownloads = false;
  let sessionStored: boolean | null = null;
  let account: TelegramLoginState['account'] = null;
  let loginFlow: TelegramLogin | null = deps.login ?? null;

  /** The real login loads GramJS, so only when someone logs in. */
  async function login(): Promise<TelegramLogin> {
    if (!loginFlow) {
      const [{ createTelegramLogin }, { newTelegramClient }] = await Promise.all([
        import('./createTelegramLogin.ts'),
        import('./telegramAccount.ts'),
      ]);
      loginFlow = createTelegramLogin({
        newClient: (apiId, apiHash) => newTelegramClient(apiId, apiHash, ''),
        connect: (client) => client.connect().then(() => undefined),
      });
    }
    return loginFlow;
  }

  /** After a successful step: the account is added, its session stored, its chats listed. */
  async function settle(state: TelegramLoginState): Promise<TelegramLoginState> {
    if (state.step !== 'done') return state;
    const result = (await login()).takeResult();
    if (result) {
      const sourceId = deps.saveAccount({ userId: result.userId, name: result.name, apiId: result.apiId, takeout: useTakeoutForDownloads });
      sessionStored = deps.vault.set(sourceId, { session: result.session, apiHash: result.apiHash }, { allowWeak });
      account = { sourceId, name: result.name };
      try {
        await context.refreshChats(sourceId);
      } catch (error) {
        context.logger.warn('could not list the chats of the new Telegram account', error);
      }
    }
    return { ...state, account, sessionStored };
  }

  return {
    telegramLoginWithPhone: async ({ apiId, apiHash, phone, allowWeakEncryption, useTakeout }) => {
      allowWeak = allowWeakEncryption;
      useTakeoutForDownloads = useTakeout;
      return settle(await (await login()).startWithPhone({ apiId, apiHash, phone }));
    },
    telegramLoginWithQr: async ({ apiId, apiHash, allowWeakEncryption, useTakeout }) => {
      allowWeak = allowWeakEncryption;
      useTakeoutForDownloads = useTakeout;
      return settle(await (await login()).startWithQr({ apiId, apiHash }));
    },
    telegramResendCode: async () => settle(await (await login()).resendCode()),
    telegramSubmitCode: async ({ code }) => settle(await (await login()).submitCode(code)),
    telegramSubmitPassword: async ({ password }) => settle(await (await login()).submitPassword(password)),
    telegramLoginStatus: async () => {
      const flow = await login();
      if (flow.state().step === 'qr') return settle(await flow.pollQr());
      return flow.state().step === 'done' ? { ...flow.state(), account, sessionStored } : flow.state();
    },
    telegramCancelLogin: async () => {
      const flow = await login();
      await flow.cancel();
      return flow.state();
    },
  };
}
