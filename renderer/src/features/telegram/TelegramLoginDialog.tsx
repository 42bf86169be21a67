import { useEffect, useRef } from 'react';
import { TelegramCredentialsStep } from './TelegramCredentialsStep.tsx';
import { TelegramCodeStep, TelegramDoneStep, TelegramPasswordStep, TelegramQrStep } from './TelegramLoginSteps.tsx';
import { useTelegramCredentials, useTelegramLogin } from './useTelegramLogin.ts';
import { useT } from '../../i18n/translate.ts';

/**
 * Log in to Telegram: your own API id and hash (my.telegram.org), then a phone number → code → two-step
 * password, or a QR code scanned with Telegram on a phone. Every step shows Telegram's error in words, and
 * can be retried. The session goes to main's encrypted store; the window never sees it.
 */
export function TelegramLoginDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const login = useTelegramLogin();
  const credentials = useTelegramCredentials();
  const { state, error } = login;
  const t = useT();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  // The code and password live in their steps, so going back to the first step forgets them.
  const close = () => {
    login.cancel();
    onClose();
  };

  return (
    <dialog ref={dialogRef} className="app-dialog telegram-dialog" aria-labelledby="telegram-title" onClose={close}>
      <h2 id="telegram-title">{t('telegram.dialog.title')}</h2>
      {state.step === 'idle' && <TelegramCredentialsStep login={login} form={credentials} onCancel={close} />}
      {state.step === 'code' && <TelegramCodeStep login={login} onCancel={close} />}
      {state.step === 'password' && <TelegramPasswordStep login={login} onCancel={close} />}
      {state.step === 'qr' && state.qrUrl && <TelegramQrStep qrUrl={state.qrUrl} onCancel={close} />}
      {state.step === 'done' && <TelegramDoneStep state={state} onDone={close} />}
      {error && (
        <p className="dialog-error" role="alert" data-testid="telegram-error">
          {error}
        </p>
      )}
    </dialog>
  );
}
