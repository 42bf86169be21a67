import { ScrollbackError } from '../../../../shared/errors.ts';
import type { ProviderContext } from '../SourceProvider.ts';
import { telegramSettingsSchema, telegramSourceId } from './telegramSettings.ts';
import { translator } from '../../i18n/createTranslator.ts';

/** Adds (or updates) a logged-in account; settings already there (a flood wait still running) are kept. */
export function saveTelegramAccount(
  context: ProviderContext,
  account: { userId: string; name: string; apiId: number; takeout?: boolean },
): string {
  if (!/^\d{1,20}$/.test(account.userId))
    throw new ScrollbackError('INVALID_INPUT', translator()('error.telegram.badUserId', { id: account.userId.slice(0, 30) }));
  const id = telegramSourceId(account.userId);
  const existing = context.sourceRecord(id)?.settings ?? {};
  const settings = {
    ...existing,
    userId: account.userId,
    apiId: account.apiId,
    ...(account.takeout === undefined ? {} : { takeout: account.takeout }),
  };
  context.saveSource({ id, kind: 'telegram', name: `Telegram (${account.name})`, settings: telegramSettingsSchema.parse(settings) });
  return id;
}
