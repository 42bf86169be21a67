import type { TelegramLoginState } from '../../../../shared/telegramLogin.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { LabelledField } from '../../ui/LabelledField.tsx';
import type { TelegramCredentials, TelegramLogin } from './useTelegramLogin.ts';

/** The first step: your own API id and hash (my.telegram.org), then a phone number, or a QR code instead. */
export function TelegramCredentialsStep({ login, form, onCancel }: { login: TelegramLogin; form: TelegramCredentials; onCancel(): void }) {
  const { fields, set } = form;
  const start = (run: () => Promise<TelegramLoginState>) => {
    const problem = form.problem();
    if (problem) login.fail(problem);
    else void login.act(run);
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        start(() => scrollback.telegramLoginWithPhone({ ...form.credentials(), phone: fields.phone }));
      }}
    >
      <p className="dialog-note">
        Use your own API id and hash: log in at my.telegram.org, open <em>API development tools</em>, create an app, and copy both here.
      </p>
      <LabelledField
        label="API id"
        required
        inputMode="numeric"
        value={fields.apiId}
        onChange={(e) => set.apiId(e.target.value)}
        data-testid="telegram-api-id"
        autoComplete="off"
      />
      <LabelledField
        label="API hash"
        required
        value={fields.apiHash}
        onChange={(e) => set.apiHash(e.target.value)}
        data-testid="telegram-api-hash"
        autoComplete="off"
        spellCheck={false}
      />
      <LabelledField
        label="Phone number"
        type="tel"
        value={fields.phone}
        onChange={(e) => set.phone(e.target.value)}
        placeholder="+44 7700 900123"
        data-testid="telegram-phone"
        autoComplete="tel"
      />
      <label className="checkbox">
        <input type="checkbox" checked={fields.useTakeout} onChange={(e) => set.useTakeout(e.target.checked)} /> Download whole chats
        through a Telegram data-export session (Telegram asks you to allow it in another app; it is gentler on rate limits)
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={fields.allowWeak} onChange={(e) => set.allowWeak(e.target.checked)} /> If this computer has no
        keyring, keep the session on disk anyway (weaker protection)
      </label>
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          disabled={login.busy || !fields.apiId || !fields.apiHash}
          onClick={() => start(() => scrollback.telegramLoginWithQr(form.credentials()))}
          data-testid="telegram-qr"
        >
          Use a QR code
        </button>
        <button type="submit" disabled={login.busy || !fields.phone} data-testid="telegram-send-code">
          Send code
        </button>
      </div>
    </form>
  );
}
