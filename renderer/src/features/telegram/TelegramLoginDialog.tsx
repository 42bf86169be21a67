import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { idleTelegramLogin, type TelegramLoginState } from '../../../../shared/telegramLogin.ts';
import { ScrollbackError } from '../../../../shared/errors.ts';
import { QrCode } from './QrCode.tsx';
import { queryKeys } from '../../bridge/queryKeys.ts';

const VIA: Record<string, string> = { app: 'in your Telegram app', sms: 'by SMS', call: 'by a phone call', email: 'by email', other: '' };

/**
 * Log in to Telegram: your own API id and hash (my.telegram.org), then a phone number → code → two-step
 * password, or a QR code scanned with Telegram on a phone. Every step shows Telegram's error in words, and
 * can be retried. The session goes to main's encrypted store; the window never sees it.
 */
export function TelegramLoginDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const client = useQueryClient();
  const [state, setState] = useState<TelegramLoginState>(idleTelegramLogin);
  const [apiId, setApiId] = useState('');
  const [apiHash, setApiHash] = useState('');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [allowWeak, setAllowWeak] = useState(false);
  const [useTakeout, setUseTakeout] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  // A QR login is polled: it learns when the code was scanned, and the code is renewed as it expires.
  useEffect(() => {
    if (state.step !== 'qr') return;
    const timer = setTimeout(() => void act(() => scrollback.telegramLoginStatus()), 3000);
    return () => clearTimeout(timer);
  }, [state]);

  useEffect(() => {
    if (state.step === 'done') void client.invalidateQueries({ queryKey: queryKeys.chats() });
  }, [state.step, client]);

  async function act(run: () => Promise<TelegramLoginState>) {
    setBusy(true);
    setFailure(null);
    try {
      setState(await run());
    } catch (error) {
      setFailure(error instanceof ScrollbackError ? error.message : 'Something went wrong.');
    } finally {
      setBusy(false);
    }
  }
  const credentials = () => ({ apiId: Number(apiId.trim()), apiHash: apiHash.trim(), allowWeakEncryption: allowWeak, useTakeout });
  // Said at the field, in words, before anything is sent (main would only say "expected number").
  const credentialsProblem = (): string | null => {
    if (!/^\d{1,10}$/.test(apiId.trim()))
      return `The API id is a number (my.telegram.org → API development tools → “App api_id”); “${apiId.trim().slice(0, 20)}” is not one.`;
    if (!/^[0-9a-f]{32}$/i.test(apiHash.trim()))
      return 'The API hash is the 32 letters and digits shown as “App api_hash” on my.telegram.org; check it was copied whole.';
    return null;
  };
  const login = (run: () => Promise<TelegramLoginState>) => {
    const problem = credentialsProblem();
    if (problem) setFailure(problem);
    else void act(run);
  };
  const close = () => {
    void scrollback.telegramCancelLogin();
    setState(idleTelegramLogin);
    setCode('');
    setPassword('');
    onClose();
  };
  const error = failure ?? state.error?.message ?? null;

  return (
    <dialog ref={dialogRef} className="app-dialog telegram-dialog" aria-labelledby="telegram-title" onClose={close}>
      <h2 id="telegram-title">Log in to Telegram</h2>
      {state.step === 'idle' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            login(() => scrollback.telegramLoginWithPhone({ ...credentials(), phone }));
          }}
        >
          <p className="dialog-note">
            Use your own API id and hash: log in at my.telegram.org, open <em>API development tools</em>, create an app, and copy both here.
          </p>
          <label>
            API id
            <input
              required
              inputMode="numeric"
              value={apiId}
              onChange={(e) => setApiId(e.target.value)}
              data-testid="telegram-api-id"
              autoComplete="off"
            />
          </label>
          <label>
            API hash
            <input
              required
              value={apiHash}
              onChange={(e) => setApiHash(e.target.value)}
              data-testid="telegram-api-hash"
              autoComplete="off"
              spellCheck={false}
            />
          </label>
          <label>
            Phone number
            <input
              type="tel"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              placeholder="+44 7700 900123"
              data-testid="telegram-phone"
              autoComplete="tel"
            />
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={useTakeout} onChange={(e) => setUseTakeout(e.target.checked)} /> Download whole chats through a
            Telegram data-export session (Telegram asks you to allow it in another app; it is gentler on rate limits)
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={allowWeak} onChange={(e) => setAllowWeak(e.target.checked)} /> If this computer has no keyring,
            keep the session on disk anyway (weaker protection)
          </label>
          <div className="dialog-buttons">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button
              type="button"
              disabled={busy || !apiId || !apiHash}
              onClick={() => login(() => scrollback.telegramLoginWithQr(credentials()))}
              data-testid="telegram-qr"
            >
              Use a QR code
            </button>
            <button type="submit" disabled={busy || !phone} data-testid="telegram-send-code">
              Send code
            </button>
          </div>
        </form>
      )}
      {state.step === 'code' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void act(() => scrollback.telegramSubmitCode({ code }));
          }}
        >
          <p className="dialog-note">
            Telegram sent a code {VIA[state.codeVia ?? 'other']} to {state.phone}.
          </p>
          <label>
            Code
            <input
              autoFocus
              inputMode="numeric"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              data-testid="telegram-code"
              autoComplete="one-time-code"
            />
          </label>
          <div className="dialog-buttons">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="button" disabled={busy} onClick={() => void act(() => scrollback.telegramResendCode())}>
              Send by SMS instead
            </button>
            <button type="submit" disabled={busy || !code}>
              Log in
            </button>
          </div>
        </form>
      )}
      {state.step === 'password' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void act(() => scrollback.telegramSubmitPassword({ password }));
          }}
        >
          <p className="dialog-note">This account has two-step verification.{state.passwordHint ? ` Hint: ${state.passwordHint}` : ''}</p>
          <label>
            Password
            <input
              autoFocus
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="telegram-password"
              autoComplete="current-password"
            />
          </label>
          <div className="dialog-buttons">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" disabled={busy || !password}>
              Log in
            </button>
          </div>
        </form>
      )}
      {state.step === 'qr' && state.qrUrl && (
        <div className="qr-step">
          <QrCode text={state.qrUrl} />
          <p className="dialog-note">
            In Telegram on your phone: Settings → Devices → Link Desktop Device, then scan this code. It renews itself every 30 seconds.
          </p>
          <div className="dialog-buttons">
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {state.step === 'done' && (
        <div>
          <p className="dialog-note" data-testid="telegram-done">
            Logged in as {state.account?.name ?? 'your account'}. Its chats are listed on the left; open one to read it.
          </p>
          {state.sessionStored === false && (
            <p className="dialog-note warning" role="alert">
              This computer has no keyring, so the session is kept only until Scrollback quits. To keep it, log in again with “keep the
              session on disk anyway” ticked.
            </p>
          )}
          <div className="dialog-buttons">
            <button type="button" onClick={close}>
              Done
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="dialog-error" role="alert" data-testid="telegram-error">
          {error}
        </p>
      )}
    </dialog>
  );
}
