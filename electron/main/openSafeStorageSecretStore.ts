import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import { z } from 'zod';
import { ScrollbackError } from '../../shared/errors.ts';
import type { Logger } from '../core/base/Logger.ts';
import type { SecretStore } from '../core/base/SecretStore.ts';

/** `secrets.json`: each key's value encrypted by safeStorage, in base64; an entry of another shape is dropped, not the others. */
const secretsFileSchema = z
  .record(z.string(), z.unknown())
  .transform((entries) =>
    Object.fromEntries(Object.entries(entries).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
  );

/** The entry of `secrets.json` that records the user's consent to store secrets without a keyring. */
const PLAIN_TEXT_CONSENT = '.plainTextConsent';

/**
 * safeStorage's asynchronous API (Electron 42+, os_crypt_async: more Linux keyrings, key rotation, no blocking
 * D-Bus call on the main thread), used where this Electron offers it; the synchronous calls, deprecated in 45,
 * only where it does not. Both read and write the same ciphertext.
 */
const cipher = {
  async available(): Promise<boolean> {
    if (typeof safeStorage.isAsyncEncryptionAvailable === 'function') return safeStorage.isAsyncEncryptionAvailable();
    return safeStorage.isEncryptionAvailable();
  },
  async encrypt(text: string): Promise<Buffer> {
    if (typeof safeStorage.encryptStringAsync === 'function') return safeStorage.encryptStringAsync(text);
    return safeStorage.encryptString(text);
  },
  /** The text, and whether the key was rotated since (it is then written again with the new one). */
  async decrypt(encrypted: Buffer): Promise<{ text: string; reEncrypt: boolean }> {
    if (typeof safeStorage.decryptStringAsync === 'function') {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(encrypted);
      return { text: result, reEncrypt: shouldReEncrypt };
    }
    return { text: safeStorage.decryptString(encrypted), reEncrypt: false };
  },
};

export type SafeStorageSecretStore = SecretStore & {
  /** Linux with only the `basic_text` backend: encryption there is a fixed password, not protection. */
  isWeak(): boolean;
  /** Resolves when every change so far is in the file (tests; the app need not wait). */
  flushed(): Promise<void>;
};

/**
 * Secrets encrypted with the OS keychain (safeStorage) in `secrets.json` (0600) in the user-data folder,
 * decrypted once here and then answered from memory (the core asks synchronously); a change is encrypted and
 * written in the background, one write after another. On Linux with only the `basic_text` backend nothing is
 * written unless the user explicitly agreed (`consent.allowWeak`), as Signal Desktop and Element do. Electron
 * offers no encryption there until plain-text encryption is switched on (`setUsePlainTextEncryption`, before the
 * first encryption call), so it is switched on only with that consent, which is recorded in the file: the
 * secrets stored with it read again after a restart, and the log says that they are stored without a keyring.
 * Opened only after the app is ready (safeStorage's rule).
 */
export async function openSafeStorageSecretStore(folder: string, logger: Logger): Promise<SafeStorageSecretStore> {
  const file = path.join(folder, 'secrets.json');
  const isWeak = () => process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  // A missing, damaged or foreign file holds no secrets (they are asked for again), never an error.
  const read = (): Record<string, string> => {
    try {
      const parsed = secretsFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  };
  // The file's entries as written: one that cannot be decrypted now (a locked keyring) is kept, not lost.
  const stored = read();
  let agreed = stored[PLAIN_TEXT_CONSENT] === 'yes';
  const usePlainText = () => {
    safeStorage.setUsePlainTextEncryption(true);
    logger.warn('no keyring is available: secrets are stored with plain-text encryption, as the user agreed');
  };
  if (isWeak() && agreed) usePlainText();
  // Without consent nothing can have been stored; and the async encryptor, initialised on its first call, is
  // not started before plain-text encryption is switched on (as Element does for the synchronous check; whether
  // it reads the setting later too is not documented).
  let available = isWeak() && !agreed ? false : await cipher.available();
  const values = new Map<string, string>();
  const rotated: string[] = [];
  for (const [key, encrypted] of Object.entries(stored)) {
    if (key === PLAIN_TEXT_CONSENT || !available) continue;
    try {
      const { text, reEncrypt } = await cipher.decrypt(Buffer.from(encrypted, 'base64'));
      values.set(key, text);
      if (reEncrypt) rotated.push(key);
    } catch {
      logger.warn(`a stored secret (${key.split(':')[0]}) could not be decrypted; it will be asked for again`);
    }
  }

  let writing = Promise.resolve();
  /** Encrypts `key`'s value (or removes it) and writes the file, after every earlier change. */
  const persist = (key: string) => {
    writing = writing.then(async () => {
      try {
        const value = values.get(key);
        if (value === undefined) delete stored[key];
        else stored[key] = (await cipher.encrypt(value)).toString('base64');
        if (agreed) stored[PLAIN_TEXT_CONSENT] = 'yes';
        const temporary = `${file}.tmp`;
        fs.writeFileSync(temporary, JSON.stringify(stored), { mode: 0o600 });
        fs.renameSync(temporary, file);
      } catch (error) {
        logger.error('a secret could not be saved; it is kept for this session only', error);
      }
    });
  };
  for (const key of rotated) persist(key);

  return {
    isWeak,
    flushed: () => writing,
    get: (key) => (key === PLAIN_TEXT_CONSENT ? null : (values.get(key) ?? null)),
    set(key, value, consent) {
      if (key === PLAIN_TEXT_CONSENT) throw new ScrollbackError('INVALID_INPUT', 'That name is reserved.');
      if (isWeak() && !agreed) {
        if (consent?.allowWeak !== true)
          throw new ScrollbackError(
            'FORBIDDEN',
            'No keyring is available (Linux basic_text backend): the token would be stored without real protection. Agree to that explicitly to continue.',
          );
        agreed = true;
        usePlainText();
        // basic_text with plain-text encryption always has its (fixed) key.
        available = true;
      }
      if (!available)
        throw new ScrollbackError('FORBIDDEN', 'This system offers no encryption for secrets, so Scrollback will not store the token.');
      values.set(key, value);
      persist(key);
    },
    delete(key) {
      if (!values.delete(key) && !(key in stored)) return;
      persist(key);
    },
  };
}
