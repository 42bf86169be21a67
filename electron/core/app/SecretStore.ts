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
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
    delete: (key) => void values.delete(key),
  };
}
