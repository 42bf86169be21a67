import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { idleTelegramLogin, type TelegramLoginState } from '../../../../shared/telegramLogin.ts';
import { ScrollbackError } from '../../../../shared/errors.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { translate } from '../../i18n/translate.ts';

/**
 * The login's state as main answers it, one step at a time: `act` sends a step and shows Telegram's error
 * in words if it fails; a QR login is polled; a finished login lists the account's chats.
 */
export function useTelegramLogin() {
  const client = useQueryClient();
  const [state, setState] = useState<TelegramLoginState>(idleTelegramLogin);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function act(run: () => Promise<TelegramLoginState>) {
    setBusy(true);
    setFailure(null);
    try {
      setState(await run());
    } catch (error) {
      setFailure(error instanceof ScrollbackError ? error.message : translate('common.somethingWentWrong'));
    } finally {
      setBusy(false);
    }
  }

  // A QR login is polled: it learns when the code was scanned, and the code is renewed as it expires.
  useEffect(() => {
    if (state.step !== 'qr') return;
    const timer = setTimeout(() => void act(() => scrollback.telegramLoginStatus()), 3000);
    return () => clearTimeout(timer);
  }, [state]);

  useEffect(() => {
    if (state.step === 'done') void client.invalidateQueries({ queryKey: queryKeys.chats() });
  }, [state.step, client]);

  const cancel = () => {
    void scrollback.telegramCancelLogin();
    setState(idleTelegramLogin);
  };
  return { state, busy, error: failure ?? state.error?.message ?? null, act, fail: setFailure, cancel };
}

export type TelegramLogin = ReturnType<typeof useTelegramLogin>;

/** The first step's fields, kept while the dialog is closed and opened again. */
export function useTelegramCredentials() {
  const [apiId, setApiId] = useState('');
  const [apiHash, setApiHash] = useState('');
  const [phone, setPhone] = useState('');
  const [allowWeak, setAllowWeak] = useState(false);
  const [useTakeout, setUseTakeout] = useState(false);
  const credentials = () => ({ apiId: Number(apiId.trim()), apiHash: apiHash.trim(), allowWeakEncryption: allowWeak, useTakeout });
  // Said at the field, in words, before anything is sent (main would only say "expected number").
  const problem = (): string | null => {
    if (!/^\d{1,10}$/.test(apiId.trim())) return translate('telegram.credentials.apiIdProblem', { value: apiId.trim().slice(0, 20) });
    if (!/^[0-9a-f]{32}$/i.test(apiHash.trim())) return translate('telegram.credentials.apiHashProblem');
    return null;
  };
  return {
    fields: { apiId, apiHash, phone, allowWeak, useTakeout },
    set: { apiId: setApiId, apiHash: setApiHash, phone: setPhone, allowWeak: setAllowWeak, useTakeout: setUseTakeout },
    credentials,
    problem,
  };
}

export type TelegramCredentials = ReturnType<typeof useTelegramCredentials>;
