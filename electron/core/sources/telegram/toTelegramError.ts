import { ScrollbackError } from '../../../../shared/errors.ts';
import { translator } from '../../i18n/createTranslator.ts';
import type { MessageId } from '../../../../shared/i18n/locales.ts';

const LOG_IN_AGAIN =
  /^(AUTH_KEY_UNREGISTERED|AUTH_KEY_DUPLICATED|AUTH_KEY_INVALID|SESSION_REVOKED|SESSION_EXPIRED|USER_DEACTIVATED(_BAN)?|AUTH_KEY_PERM_EMPTY)$/;

/** Messages for the errors of logging in, each in words a user can act on. */
const LOGIN_MESSAGES: Record<string, MessageId> = {
  PHONE_NUMBER_INVALID: 'error.telegram.phoneInvalid',
  PHONE_NUMBER_BANNED: 'error.telegram.phoneBanned',
  PHONE_CODE_INVALID: 'error.telegram.codeInvalid',
  PHONE_CODE_EXPIRED: 'error.telegram.codeExpired',
  PHONE_CODE_EMPTY: 'error.telegram.codeEmpty',
  PASSWORD_HASH_INVALID: 'error.telegram.passwordInvalid',
  API_ID_INVALID: 'error.telegram.apiIdInvalid',
  AUTH_TOKEN_EXPIRED: 'error.telegram.qrExpired',
};

/**
 * A GramJS failure as a ScrollbackError: FLOOD_WAIT_X (any X, also above GramJS's own 60 s threshold) is
 * RATE_LIMITED with the wait; a revoked or duplicated session asks to log in again (no endless retry); a
 * dropped connection is SOURCE_UNAVAILABLE, which callers retry with growing delays.
 */
export function toTelegramError(error: unknown): ScrollbackError {
  if (error instanceof ScrollbackError) return error;
  const rpc = error as { errorMessage?: string; seconds?: number; code?: number; message?: string };
  const code = rpc.errorMessage ?? '';
  const takeoutDelay = /^TAKEOUT_INIT_DELAY_(\d+)$/.exec(code);
  if (takeoutDelay) {
    // Not a rate limit: Telegram waits for the user to allow the data export from another logged-in app.
    // Asked again every minute, so an approval is noticed soon.
    return new ScrollbackError('RATE_LIMITED', translator()('error.telegram.takeout', { wait: formatWait(Number(takeoutDelay[1])) }), {
      retryAfterMs: Math.min(Number(takeoutDelay[1]), 60) * 1000,
      cause: error,
    });
  }
  if (typeof rpc.seconds === 'number' && /FLOOD|SLOWMODE/.test(code + (rpc.message ?? ''))) {
    return new ScrollbackError('RATE_LIMITED', translator()('error.telegram.flood', { wait: formatWait(rpc.seconds) }), {
      retryAfterMs: rpc.seconds * 1000,
      cause: error,
    });
  }
  if (LOG_IN_AGAIN.test(code)) {
    const reason = code === 'AUTH_KEY_DUPLICATED' ? 'duplicated' : 'revoked';
    return new ScrollbackError('AUTH_REQUIRED', translator()('error.telegram.authLost', { reason }), { cause: error });
  }
  const loginMessage = LOGIN_MESSAGES[code];
  if (loginMessage) return new ScrollbackError('INVALID_INPUT', translator()(loginMessage), { cause: error });
  if (code) return new ScrollbackError('SOURCE_UNAVAILABLE', translator()('error.telegram.refused', { code }), { cause: error });
  return new ScrollbackError('SOURCE_UNAVAILABLE', translator()('error.telegram.unreachable', { reason: rpc.message ?? String(error) }), {
    cause: error,
  });
}

function formatWait(seconds: number): string {
  const t = translator();
  if (seconds < 120) return t('time.short', { unit: 'second', value: seconds });
  if (seconds < 7200) return t('time.short', { unit: 'minute', value: Math.round(seconds / 60) });
  return t('time.short', { unit: 'hour', value: Number((seconds / 3600).toFixed(1)) });
}
