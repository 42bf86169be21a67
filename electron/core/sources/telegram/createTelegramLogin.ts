import { Api, type TelegramClient } from 'telegram';
import { computeCheck } from 'telegram/Password.js';
import { ScrollbackError, toErrorData } from '../../../../shared/errors.ts';
import { idleTelegramLogin, type TelegramLoginState } from '../../../../shared/telegramLogin.ts';
import { toTelegramError } from './toTelegramError.ts';
import { secondsInWords, SOURCE_DEADLINE_MS, waitWithDeadline } from '../waitWithDeadline.ts';
import { translator } from '../../i18n/createTranslator.ts';

/** A finished login: what the caller stores (the session, as a secret) and shows. */
export interface TelegramLoginResult {
  userId: string;
  name: string;
  apiId: number;
  apiHash: string;
  session: string;
}

export interface TelegramLoginDeps {
  /** A new client for these credentials, with an empty session; connected before use. */
  newClient(apiId: number, apiHash: string): TelegramClient;
  /** Connects a new client (the real network); tests leave it out. */
  connect?(client: TelegramClient): Promise<void>;
  /** How long connecting, and each request of a step, may take before the step fails; 30 s by default. */
  deadlineMs?: number;
}

export interface TelegramLogin {
  state(): TelegramLoginState;
  startWithPhone(credentials: { apiId: number; apiHash: string; phone: string }): Promise<TelegramLoginState>;
  resendCode(): Promise<TelegramLoginState>;
  submitCode(code: string): Promise<TelegramLoginState>;
  submitPassword(password: string): Promise<TelegramLoginState>;
  /** Starts (or refreshes) a QR login; call again to learn whether it was scanned and to renew the code. */
  startWithQr(credentials: { apiId: number; apiHash: string }): Promise<TelegramLoginState>;
  pollQr(): Promise<TelegramLoginState>;
  /** The session once logged in, handed over once; the login forgets it. */
  takeResult(): TelegramLoginResult | null;
  /** Ends the login at once: a step still waiting for Telegram returns at once, saying it was cancelled. */
  cancel(): Promise<void>;
}

function codeVia(type: Api.auth.TypeSentCodeType): TelegramLoginState['codeVia'] {
  if (type instanceof Api.auth.SentCodeTypeApp) return 'app';
  if (type instanceof Api.auth.SentCodeTypeSms) return 'sms';
  if (type instanceof Api.auth.SentCodeTypeCall || type instanceof Api.auth.SentCodeTypeFlashCall) return 'call';
  if (type instanceof Api.auth.SentCodeTypeEmailCode) return 'email';
  return 'other';
}

/** The network calls of a login, as its timeout error names them (`telegram.loginStep`). */
type LoginCall =
  'connecting' | 'passwordHint' | 'qrDataCenter' | 'qrCode' | 'sendCode' | 'resendCode' | 'checkCode' | 'preparePassword' | 'checkPassword';

/** Waits for one network call of a step, within the step's deadline and until Cancel; `call` names it. */
type Wait = <T>(work: Promise<T>, call: LoginCall) => Promise<T>;

const cancelledLogin = () => new ScrollbackError('CANCELLED', translator()('error.login.cancelled'));

/**
 * Logging in to Telegram, step by step, with explicit API calls: phone → code (in the app or by SMS) →
 * two-step password (SRP, with its hint) when the account has one; or a QR code scanned from a logged-in
 * phone, renewed as it expires. Each Telegram error becomes a message the form can show; a failed step
 * can be retried without starting over. Connecting and every request wait at most `deadlineMs`, and
 * Cancel releases a waiting step at once (GramJS may go on trying in the background: its client is
 * destroyed, and whatever it answers late is dropped).
 */
export function createTelegramLogin(deps: TelegramLoginDeps): TelegramLogin {
  const deadlineMs = deps.deadlineMs ?? SOURCE_DEADLINE_MS;
  /** Aborted by Cancel; a fresh one for the next login. */
  let cancelling = new AbortController();
  let state: TelegramLoginState = idleTelegramLogin;
  let client: TelegramClient | null = null;
  let credentials: { apiId: number; apiHash: string } | null = null;
  let phoneCodeHash = '';
  let result: TelegramLoginResult | null = null;

  async function freshClient(apiId: number, apiHash: string, wait: Wait): Promise<TelegramClient> {
    if (!Number.isInteger(apiId) || apiId <= 0) throw new ScrollbackError('INVALID_INPUT', translator()('error.login.apiId'));
    if (!/^[0-9a-f]{32}$/i.test(apiHash)) throw new ScrollbackError('INVALID_INPUT', translator()('error.login.apiHash'));
    dispose();
    credentials = { apiId, apiHash };
    const created = deps.newClient(apiId, apiHash);
    client = created;
    if (deps.connect) {
      try {
        await wait(deps.connect(created), 'connecting');
      } catch (error) {
        // Unreachable or cancelled: GramJS would go on retrying, so this client is given up.
        if (client === created) dispose();
        throw error;
      }
    }
    return created;
  }

  /** Forgets the client; its destroying is not waited for (a client that never connected may never finish). */
  function dispose(): void {
    const old = client;
    client = null;
    // destroy(), not disconnect(): disconnect leaves GramJS's update loop pinging.
    if (old && deps.connect) void old.destroy().catch(() => undefined);
  }

  /**
   * Runs a step; a failure stays on the same step with its error shown. A step that Cancel ended says so to
   * its caller and changes nothing (the login is back at the start).
   */
  async function step(run: (wait: Wait) => Promise<TelegramLoginState>): Promise<TelegramLoginState> {
    const { signal } = cancelling;
    const wait: Wait = (work, call) =>
      waitWithDeadline(work, {
        deadlineMs,
        signal,
        onAbort: cancelledLogin,
        onTimeout: () =>
          new ScrollbackError(
            'SOURCE_UNAVAILABLE',
            translator()('error.telegram.loginTimeout', {
              wait: secondsInWords(deadlineMs),
              what: translator()('telegram.loginStep', { call }),
            }),
          ),
      });
    try {
      const next = await run(wait);
      if (signal.aborted) return { ...idleTelegramLogin, error: cancelledLogin().toData() };
      state = next;
    } catch (error) {
      if (signal.aborted) return { ...idleTelegramLogin, error: cancelledLogin().toData() };
      state = { ...state, error: toErrorData(toTelegramError(error)) };
    }
    return state;
  }

  function need(): TelegramClient {
    if (!client || !credentials) throw new ScrollbackError('INVALID_INPUT', translator()('error.login.startAgain'));
    return client;
  }

  function finish(authorization: Api.auth.TypeAuthorization): TelegramLoginState {
    if (!(authorization instanceof Api.auth.Authorization) || !(authorization.user instanceof Api.User)) {
      throw new ScrollbackError('INVALID_INPUT', translator()('error.login.noAccount'));
    }
    const user = authorization.user;
    const name = [user.firstName, user.lastName].filter(Boolean).join(' ') || user.username || user.phone || user.id.toString();
    result = {
      userId: user.id.toString(),
      name,
      apiId: credentials!.apiId,
      apiHash: credentials!.apiHash,
      session: String(need().session.save()),
    };
    return { ...idleTelegramLogin, step: 'done', phone: state.phone };
  }

  async function askPassword(wait: Wait): Promise<TelegramLoginState> {
    const password = await wait(need().invoke(new Api.account.GetPassword()), 'passwordHint');
    return { ...state, step: 'password', passwordHint: password.hint ?? null, qrUrl: null, qrExpiresAt: null, error: null };
  }

  async function handleQr(token: Api.auth.TypeLoginToken, wait: Wait): Promise<TelegramLoginState> {
    if (token instanceof Api.auth.LoginTokenSuccess) return finish(token.authorization);
    if (token instanceof Api.auth.LoginTokenMigrateTo) {
      const imported = await wait(need().invoke(new Api.auth.ImportLoginToken({ token: token.token })), 'qrDataCenter');
      return handleQr(imported, wait);
    }
    const url = `tg://login?token=${Buffer.from(token.token).toString('base64url')}`;
    return { ...idleTelegramLogin, step: 'qr', qrUrl: url, qrExpiresAt: token.expires * 1000 };
  }

  async function exportQrToken(wait: Wait): Promise<TelegramLoginState> {
    try {
      const token = await wait(
        need().invoke(new Api.auth.ExportLoginToken({ apiId: credentials!.apiId, apiHash: credentials!.apiHash, exceptIds: [] })),
        'qrCode',
      );
      return await handleQr(token, wait);
    } catch (error) {
      if ((error as { errorMessage?: string }).errorMessage === 'SESSION_PASSWORD_NEEDED') return askPassword(wait);
      throw error;
    }
  }

  return {
    state: () => state,
    startWithPhone: ({ apiId, apiHash, phone }) =>
      step(async (wait) => {
        const digits = phone.replace(/[\s()-]/g, '');
        if (!/^\+?\d{6,16}$/.test(digits)) throw new ScrollbackError('INVALID_INPUT', translator()('error.login.phoneFormat'));
        state = { ...idleTelegramLogin, phone: digits };
        const current = await freshClient(apiId, apiHash, wait);
        const sent = (await wait(
          current.invoke(new Api.auth.SendCode({ phoneNumber: digits, apiId, apiHash, settings: new Api.CodeSettings({}) })),
          'sendCode',
        )) as Api.auth.SentCode;
        phoneCodeHash = sent.phoneCodeHash;
        return { ...idleTelegramLogin, step: 'code', phone: digits, codeVia: codeVia(sent.type) };
      }),
    resendCode: () =>
      step(async (wait) => {
        const sent = (await wait(
          need().invoke(new Api.auth.ResendCode({ phoneNumber: state.phone!, phoneCodeHash })),
          'resendCode',
        )) as Api.auth.SentCode;
        phoneCodeHash = sent.phoneCodeHash;
        return { ...state, codeVia: codeVia(sent.type), error: null };
      }),
    submitCode: (code) =>
      step(async (wait) => {
        const trimmed = code.replace(/\s/g, '');
        if (!/^\d{4,8}$/.test(trimmed)) throw new ScrollbackError('INVALID_INPUT', translator()('error.login.codeFormat'));
        try {
          const authorization = await wait(
            need().invoke(new Api.auth.SignIn({ phoneNumber: state.phone!, phoneCodeHash, phoneCode: trimmed })),
            'checkCode',
          );
          return finish(authorization);
        } catch (error) {
          if ((error as { errorMessage?: string }).errorMessage === 'SESSION_PASSWORD_NEEDED') return askPassword(wait);
          throw error;
        }
      }),
    submitPassword: (password) =>
      step(async (wait) => {
        if (password === '') throw new ScrollbackError('INVALID_INPUT', translator()('error.login.passwordEmpty'));
        const current = need();
        const info = await wait(current.invoke(new Api.account.GetPassword()), 'preparePassword');
        const check = await computeCheck(info, password);
        return finish(await wait(current.invoke(new Api.auth.CheckPassword({ password: check })), 'checkPassword'));
      }),
    startWithQr: ({ apiId, apiHash }) =>
      step(async (wait) => {
        state = { ...idleTelegramLogin };
        await freshClient(apiId, apiHash, wait);
        return exportQrToken(wait);
      }),
    pollQr: () =>
      step(async (wait) => {
        if (state.step !== 'qr') return state;
        // Asking again tells whether the code was scanned, and renews it when it has expired.
        return exportQrToken(wait);
      }),
    takeResult() {
      const taken = result;
      result = null;
      if (taken) dispose();
      return taken;
    },
    async cancel() {
      cancelling.abort();
      cancelling = new AbortController();
      state = idleTelegramLogin;
      result = null;
      dispose();
    },
  };
}
