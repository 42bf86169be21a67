import { z } from 'zod';
import { rememberSecret } from './secretRedactor.ts';

/**
 * Where credentials (RyzeAPI tokens, Telegram sessions) live. The app's store encrypts with the OS keychain
 * (Electron safeStorage); the CLI reads them from its environment; tests and the browser preview keep them
 * in memory. Values never leave the main process: no IPC method returns one, and none is logged or written
 * to the cache. Each source kind's provider names its own keys.
 */
export interface SecretStore {
  get(key: string): string | null;
  /** `consent.allowWeak`: the user agreed to store it even where no keyring protects it. */
  set(key: string, value: string, consent?: { allowWeak: boolean }): void;
  delete(key: string): void;
}

export function createMemorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return rememberingSecrets({
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
    delete: (key) => void values.delete(key),
  });
}

/**
 * A store whose every value, given or handed out, is known to the log writer, which never writes it
 * (see secretRedactor.ts). Every store the app uses is wrapped in this.
 */
export function rememberingSecrets(store: SecretStore): SecretStore {
  return {
    get(key) {
      const value = store.get(key);
      rememberSecret(value);
      for (const part of partsOf(value)) rememberSecret(part);
      return value;
    },
    set(key, value, consent) {
      rememberSecret(value);
      for (const part of partsOf(value)) rememberSecret(part);
      store.set(key, value, consent);
    },
    delete: (key) => store.delete(key),
  };
}

/** A stored JSON credential (a Telegram session with its API hash): each string in it is a secret too. */
function partsOf(value: string | null): string[] {
  if (!value || !value.startsWith('{')) return [];
  try {
    const parsed = z.record(z.string(), z.unknown()).safeParse(JSON.parse(value));
    return parsed.success ? Object.values(parsed.data).filter((part): part is string => typeof part === 'string') : [];
  } catch {
    return [];
  }
}
