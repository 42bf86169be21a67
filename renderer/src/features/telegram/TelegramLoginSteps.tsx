import { useState } from 'react';
import type { TelegramLoginState } from '../../../../shared/telegramLogin.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { LabelledField } from '../../ui/LabelledField.tsx';
import { QrCode } from './QrCode.tsx';
import type { TelegramLogin } from './useTelegramLogin.ts';
import { useT } from '../../i18n/translate.ts';

/** The code Telegram sent, or ask for it by SMS instead. */
export function TelegramCodeStep({ login, onCancel }: { login: TelegramLogin; onCancel(): void }) {
  const [code, setCode] = useState('');
  const { state, busy, act } = login;
  const t = useT();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void act(() => scrollback.telegramSubmitCode({ code }));
      }}
    >
      <p className="dialog-note">{t('telegram.code.sent', { via: state.codeVia ?? 'other', phone: state.phone ?? '' })}</p>
      <LabelledField
        label={t('telegram.code.label')}
        autoFocus
        inputMode="numeric"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        data-testid="telegram-code"
        autoComplete="one-time-code"
      />
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" disabled={busy} onClick={() => void act(() => scrollback.telegramResendCode())}>
          {t('telegram.code.bySms')}
        </button>
        <button type="submit" disabled={busy || !code}>
          {t('telegram.logIn')}
        </button>
      </div>
    </form>
  );
}

/** The two-step verification password, with the account's hint. */
export function TelegramPasswordStep({ login, onCancel }: { login: TelegramLogin; onCancel(): void }) {
  const [password, setPassword] = useState('');
  const { state, busy, act } = login;
  const t = useT();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void act(() => scrollback.telegramSubmitPassword({ password }));
      }}
    >
      <p className="dialog-note">
        {t('telegram.password.note')}
        {state.passwordHint ? ` ${t('telegram.password.hint', { hint: state.passwordHint })}` : ''}
      </p>
      <LabelledField
        label={t('telegram.password.label')}
        autoFocus
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        data-testid="telegram-password"
        autoComplete="current-password"
      />
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" disabled={busy || !password}>
          {t('telegram.logIn')}
        </button>
      </div>
    </form>
  );
}

/** The QR code to scan with Telegram on a phone (renewed by the login's polling). */
export function TelegramQrStep({ qrUrl, onCancel }: { qrUrl: string; onCancel(): void }) {
  const t = useT();
  return (
    <div className="qr-step">
      <QrCode text={qrUrl} />
      <p className="dialog-note">{t('telegram.qr.note')}</p>
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** Logged in: whose account, and a warning when the session could not be kept on this computer. */
export function TelegramDoneStep({ state, onDone }: { state: TelegramLoginState; onDone(): void }) {
  const t = useT();
  return (
    <div>
      <p className="dialog-note" data-testid="telegram-done">
        {state.account?.name ? t('telegram.done.loggedInAs', { name: state.account.name }) : t('telegram.done.loggedIn')}
      </p>
      {state.sessionStored === false && (
        <p className="dialog-note warning" role="alert">
          {t('telegram.done.sessionNotKept')}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onDone}>
          {t('common.done')}
        </button>
      </div>
    </div>
  );
}
