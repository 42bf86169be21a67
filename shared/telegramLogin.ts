import type { ErrorData } from './errors.ts';

/** Where a Telegram login stands, as the window shows it. Never carries the session. */
export interface TelegramLoginState {
  step: 'idle' | 'code' | 'password' | 'qr' | 'done';
  phone: string | null;
  /** Where the code was sent. */
  codeVia: 'app' | 'sms' | 'call' | 'email' | 'other' | null;
  /** The two-step verification hint, when the account has one. */
  passwordHint: string | null;
  /** tg://login?token=… to show as a QR code, and when it expires (epoch ms). */
  qrUrl: string | null;
  qrExpiresAt: number | null;
  /** After success: the account added. */
  account: { sourceId: string; name: string } | null;
  /** False when the session could not be kept encrypted on disk and lives only until Scrollback quits. */
  sessionStored: boolean | null;
  /** The last step's failure (wrong code, flood wait…), shown beside the form. */
  error: ErrorData | null;
}

export const idleTelegramLogin: TelegramLoginState = {
  step: 'idle',
  phone: null,
  codeVia: null,
  passwordHint: null,
  qrUrl: null,
  qrExpiresAt: null,
  account: null,
  sessionStored: null,
  error: null,
};
