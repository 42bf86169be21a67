import { z } from 'zod';
import { ScrollbackError } from '../../../../shared/errors.ts';
import type { SecretStore } from '../../base/SecretStore.ts';

/** What it takes to use an account again: the GramJS StringSession (a full-access credential) and API hash. */
const telegramSessionSchema = z.object({
  session: z.string(),
  apiHash: z.string(),
  /** The command line's session comes with its own API id; the app's uses the account's stored one. */
  apiId: z.number().int().positive().optional(),
});

export type TelegramSession = z.infer<typeof telegramSessionSchema>;

/** Where an account's session is kept in the secret store. */
export function telegramSessionKey(sourceId: string): string {
  return `telegram-session:${sourceId}`;
}

export interface TelegramSessionVault {
  get(sourceId: string): TelegramSession | null;
  /** Keeps the session encrypted on disk, or, when that is refused (no keyring and no consent), in memory only. Returns whether it is on disk. */
  set(sourceId: string, session: TelegramSession, consent: { allowWeak: boolean }): boolean;
  delete(sourceId: string): void;
}

/**
 * Telegram sessions in the secret store (encrypted with the OS keychain). Where the store refuses — Linux
 * with only the basic_text backend and no explicit consent — the session lives in memory until quit,
 * and the window says so. Nothing of it ever reaches the database, a log, an export or an IPC reply.
 */
export function createTelegramSessionVault(secrets: SecretStore): TelegramSessionVault {
  const memoryOnly = new Map<string, TelegramSession>();
  const key = telegramSessionKey;
  return {
    get(sourceId) {
      const inMemory = memoryOnly.get(sourceId);
      if (inMemory) return inMemory;
      const stored = secrets.get(key(sourceId));
      if (!stored) return null;
      // A value that is not a session (damaged, or written by something else) is no session: log in again.
      try {
        const parsed = telegramSessionSchema.safeParse(JSON.parse(stored));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    set(sourceId, session, consent) {
      try {
        secrets.set(key(sourceId), JSON.stringify(session), consent);
        memoryOnly.delete(sourceId);
        return true;
      } catch (error) {
        if (!(error instanceof ScrollbackError) || error.code !== 'FORBIDDEN') throw error;
        memoryOnly.set(sourceId, session);
        return false;
      }
    },
    delete(sourceId) {
      memoryOnly.delete(sourceId);
      secrets.delete(key(sourceId));
    },
  };
}
