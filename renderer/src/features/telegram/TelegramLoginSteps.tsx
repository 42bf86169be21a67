import { useState } from 'react';
import type { TelegramLoginState } from '../../../../shared/telegramLogin.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { LabelledField } from '../../ui/LabelledField.tsx';
import { QrCode } from './QrCode.tsx';
import type { TelegramLogin } from './useTelegramLogin.ts';

const VIA: Record<string, string> = { app: 'in your Telegram app', sms: 'by SMS', call: 'by a phone call', email: 'by email', other: '' };

/** The code Telegram sent, or ask for it by SMS instead. */
export function TelegramCodeStep({ login, onCancel }: { login: TelegramLogin; onCancel(): void }) {
  const [code, setCode] = useState('');
  const { state, busy, act } = login;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void act(() => scrollback.telegramSubmitCode({ code }));
      }}
    >
      <p className="dialog-note">
        Telegram sent a code {VIA[state.codeVia ?? 'other']} to {state.phone}.
      </p>
      <LabelledField
        label="Code"
        autoFocus
        inputMode="numeric"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        data-testid="telegram-code"
        autoComplete="one-time-code"
      />
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>
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
  );
}

/** The two-step verification password, with the account's hint. */
export function TelegramPasswordStep({ login, onCancel }: { login: TelegramLogin; onCancel(): void }) {
  const [password, setPassword] = useState('');
  const { state, busy, act } = login;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void act(() => scrollback.telegramSubmitPassword({ password }));
      }}
    >
      <p className="dialog-note">This account has two-step verification.{state.passwordHint ? ` Hint: ${state.passwordHint}` : ''}</p>
      <LabelledField
        label="Password"
        autoFocus
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        data-testid="telegram-password"
        autoComplete="current-password"
      />
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" disabled={busy || !password}>
          Log in
        </button>
      </div>
    </form>
  );
}

/** The QR code to scan with Telegram on a phone (renewed by the login's polling). */
export function TelegramQrStep({ qrUrl, onCancel }: { qrUrl: string; onCancel(): void }) {
  return (
    <div className="qr-step">
      <QrCode text={qrUrl} />
      <p className="dialog-note">
        In Telegram on your phone: Settings → Devices → Link Desktop Device, then scan this code. It renews itself every 30 seconds.
      </p>
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** Logged in: whose account, and a warning when the session could not be kept on this computer. */
export function TelegramDoneStep({ state, onDone }: { state: TelegramLoginState; onDone(): void }) {
  return (
    <div>
      <p className="dialog-note" data-testid="telegram-done">
        Logged in as {state.account?.name ?? 'your account'}. Its chats are listed on the left; open one to read it.
      </p>
      {state.sessionStored === false && (
        <p className="dialog-note warning" role="alert">
          This computer has no keyring, so the session is kept only until Scrollback quits. To keep it, log in again with “keep the session
          on disk anyway” ticked.
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
