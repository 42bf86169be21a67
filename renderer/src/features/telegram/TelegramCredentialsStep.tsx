import { FormattedMessage } from 'react-intl';
import type { TelegramLoginState } from '../../../../shared/telegramLogin.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { LabelledField } from '../../ui/LabelledField.tsx';
import type { TelegramCredentials, TelegramLogin } from './useTelegramLogin.ts';
import { useT } from '../../i18n/translate.ts';

/** The first step: your own API id and hash (my.telegram.org), then a phone number, or a QR code instead. */
export function TelegramCredentialsStep({ login, form, onCancel }: { login: TelegramLogin; form: TelegramCredentials; onCancel(): void }) {
  const { fields, set } = form;
  const t = useT();
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
        <FormattedMessage id="telegram.credentials.note" values={{ em: (chunks) => <em>{chunks}</em> }} />
      </p>
      <LabelledField
        label={t('telegram.credentials.apiId')}
        required
        inputMode="numeric"
        value={fields.apiId}
        onChange={(e) => set.apiId(e.target.value)}
        data-testid="telegram-api-id"
        autoComplete="off"
      />
      <LabelledField
        label={t('telegram.credentials.apiHash')}
        required
        value={fields.apiHash}
        onChange={(e) => set.apiHash(e.target.value)}
        data-testid="telegram-api-hash"
        autoComplete="off"
        spellCheck={false}
      />
      <LabelledField
        label={t('telegram.credentials.phone')}
        type="tel"
        value={fields.phone}
        onChange={(e) => set.phone(e.target.value)}
        placeholder={t('telegram.credentials.phoneExample')}
        data-testid="telegram-phone"
        autoComplete="tel"
      />
      <label className="checkbox">
        <input type="checkbox" checked={fields.useTakeout} onChange={(e) => set.useTakeout(e.target.checked)} />{' '}
        {t('telegram.credentials.takeout')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={fields.allowWeak} onChange={(e) => set.allowWeak(e.target.checked)} />{' '}
        {t('telegram.credentials.allowWeak')}
      </label>
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          disabled={login.busy || !fields.apiId || !fields.apiHash}
          onClick={() => start(() => scrollback.telegramLoginWithQr(form.credentials()))}
          data-testid="telegram-qr"
        >
          {t('telegram.credentials.useQr')}
        </button>
        <button type="submit" disabled={login.busy || !fields.phone} data-testid="telegram-send-code">
          {t('telegram.credentials.sendCode')}
        </button>
      </div>
    </form>
  );
}
