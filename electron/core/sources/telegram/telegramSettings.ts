import { z } from 'zod';

/** A Telegram account's stored settings; the session itself is a credential, kept in the secret store. */
export const telegramSettingsSchema = z.object({
  userId: z.string().regex(/^\d{1,20}$/),
  apiId: z.number().int().positive(),
  /** Downloads go through a takeout (data export) session. */
  takeout: z.boolean().optional(),
  /** Epoch ms before which nothing may be sent (a FLOOD_WAIT), kept across restarts. */
  floodWaitUntil: z.number().nullable().optional(),
});
export type TelegramSettings = z.infer<typeof telegramSettingsSchema>;

export function telegramSourceId(userId: string): string {
  return `telegram:${userId}`;
}
