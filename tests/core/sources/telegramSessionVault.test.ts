import { describe, expect, it } from 'vitest';
import { createMemorySecretStore, type SecretStore } from '../../../electron/core/base/SecretStore.ts';
import { createTelegramSessionVault } from '../../../electron/core/sources/telegram/createTelegramSessionVault.ts';
import { ScrollbackError } from '../../../shared/errors.ts';

/** A store like safeStorage on Linux with only basic_text: it refuses unless the user consented. */
function weakKeyringStore(): SecretStore & { written: Map<string, string> } {
  const written = new Map<string, string>();
  return {
    written,
    get: (key) => written.get(key) ?? null,
    set(key, value, consent) {
      if (!consent?.allowWeak) throw new ScrollbackError('FORBIDDEN', 'No keyring is available.');
      written.set(key, value);
    },
    delete: (key) => void written.delete(key),
  };
}

describe('Telegram session vault', () => {
  it('keeps the session in memory only when the keyring is weak and the user did not agree', () => {
    const store = weakKeyringStore();
    const vault = createTelegramSessionVault(store);
    expect(vault.set('telegram:42', { session: 'S', apiHash: 'H' }, { allowWeak: false })).toBe(false);
    expect(store.written.size).toBe(0);
    expect(vault.get('telegram:42')).toEqual({ session: 'S', apiHash: 'H' });
    // A new process (a new vault over the same store) has nothing: log in again.
    expect(createTelegramSessionVault(store).get('telegram:42')).toBeNull();
  });

  it('stores it when the user agreed, and forgets it on log out', () => {
    const store = weakKeyringStore();
    const vault = createTelegramSessionVault(store);
    expect(vault.set('telegram:42', { session: 'S', apiHash: 'H' }, { allowWeak: true })).toBe(true);
    expect(createTelegramSessionVault(store).get('telegram:42')).toEqual({ session: 'S', apiHash: 'H' });
    vault.delete('telegram:42');
    expect(createTelegramSessionVault(store).get('telegram:42')).toBeNull();
  });

  it('reads a damaged or foreign stored value as no session (log in again), never as a half session', () => {
    const store = weakKeyringStore();
    for (const stored of ['{"session": "S"', '{"session": "S"}', '{"session": 5, "apiHash": "H"}', '"S"', 'null']) {
      store.written.set('telegram-session:telegram:42', stored);
      expect(createTelegramSessionVault(store).get('telegram:42')).toBeNull();
    }
    store.written.set('telegram-session:telegram:42', '{"session": "S", "apiHash": "H", "apiId": 7}');
    expect(createTelegramSessionVault(store).get('telegram:42')).toEqual({ session: 'S', apiHash: 'H', apiId: 7 });
  });

  it('keeps several accounts apart', () => {
    const vault = createTelegramSessionVault(createMemorySecretStore());
    vault.set('telegram:1', { session: 'one', apiHash: 'h' }, { allowWeak: false });
    vault.set('telegram:2', { session: 'two', apiHash: 'h' }, { allowWeak: false });
    expect([vault.get('telegram:1')?.session, vault.get('telegram:2')?.session]).toEqual(['one', 'two']);
  });
});
