import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import { z } from 'zod';
import { ScrollbackError } from '../../shared/errors.ts';
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
 * Secrets encrypted with the OS keychain (safeStorage) in `secrets.json` (0600) in the user-data folder.
 * On Linux with only the `basic_text` backend the encryption is a fixed password, not protection: then
 * nothing is written unless the user explicitly agreed (`consent.allowWeak`), as Signal Desktop and Element do.
 * Electron offers no encryption at all there until plain-text encryption is switched on
 * (`setUsePlainTextEncryption`), so it is switched on only with that consent, which is recorded in the file:
 * the secrets stored with it read again after a restart. Called only after the app is ready (safeStorage's rule).
 */
export function createSafeStorageSecretStore(folder: string): SecretStore & { isWeak(): boolean } {
  const file = path.join(folder, 'secrets.json');
  const isWeak = () => process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  // With the user's recorded consent, a keyring-less Linux encrypts with Electron's fixed plain-text key.
  const usePlainTextIfAgreed = (values: Record<string, string>) => {
    if (isWeak() && values[PLAIN_TEXT_CONSENT] === 'yes') safeStorage.setUsePlainTextEncryption(true);
  };
  // A missing, damaged or foreign file holds no secrets (they are asked for again), never an error.
  const read = (): Record<string, string> => {
    try {
      const parsed = secretsFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  };
  const write = (values: Record<string, string>) => {
    const temporary = `${file}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(values), { mode: 0o600 });
    fs.renameSync(temporary, file);
  };
  return {
    isWeak,
    get(key) {
      const values = read();
      usePlainTextIfAgreed(values);
      const encrypted = key === PLAIN_TEXT_CONSENT ? undefined : values[key];
      if (!encrypted || !safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
      } catch {
        return null;
      }
    },
    set(key, value, consent) {
      const values = read();
      if (isWeak()) {
        if (consent?.allowWeak !== true && values[PLAIN_TEXT_CONSENT] !== 'yes')
          throw new ScrollbackError(
            'FORBIDDEN',
            'No keyring is available (Linux basic_text backend): the token would be stored without real protection. Agree to that explicitly to continue.',
          );
        values[PLAIN_TEXT_CONSENT] = 'yes';
        safeStorage.setUsePlainTextEncryption(true);
      }
      if (!safeStorage.isEncryptionAvailable())
        throw new ScrollbackError('FORBIDDEN', 'This system offers no encryption for secrets, so Scrollback will not store the token.');
      write({ ...values, [key]: safeStorage.encryptString(value).toString('base64') });
    },
    delete(key) {
      const values = read();
      delete values[key];
      write(values);
    },
  };
}
