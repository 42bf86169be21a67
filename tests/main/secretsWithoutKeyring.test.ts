import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../electron/core/base/Logger.ts';
import { useTempFolder } from '../support/tempFolder.ts';

/**
 * safeStorage as Electron 45 documents it on Linux with no keyring (the `basic_text` backend): no encryption is
 * available until `setUsePlainTextEncryption(true)`, which lasts for the process; the asynchronous API
 * (isAsyncEncryptionAvailable, encryptStringAsync, decryptStringAsync with `shouldReEncrypt` after a key
 * rotation) obeys the same rule. A "restart" is a new process: the flag starts false again. The deprecated
 * synchronous calls throw here, so a test fails if the store uses them where the async ones exist.
 */
const storage = vi.hoisted(() => ({ plainText: false, keyVersion: 'v10', asyncCalls: 0 }));
vi.mock('electron', () => {
  const deprecated = () => {
    throw new Error('deprecated in Electron 45: use the async safeStorage API');
  };
  return {
    safeStorage: {
      getSelectedStorageBackend: () => 'basic_text',
      setUsePlainTextEncryption: (on: boolean) => void (storage.plainText = on),
      isEncryptionAvailable: deprecated,
      encryptString: deprecated,
      decryptString: deprecated,
      isAsyncEncryptionAvailable: async () => {
        storage.asyncCalls++;
        return storage.plainText;
      },
      encryptStringAsync: async (text: string) => {
        storage.asyncCalls++;
        if (!storage.plainText) throw new Error('Encryption is not available.');
        return Buffer.from(`${storage.keyVersion}${text}`);
      },
      decryptStringAsync: async (data: Buffer) => {
        storage.asyncCalls++;
        if (!storage.plainText) throw new Error('Decryption is not available.');
        const text = data.toString();
        return { result: text.slice(3), shouldReEncrypt: !text.startsWith(storage.keyVersion) };
      },
    },
  };
});
const { openSafeStorageSecretStore } = await import('../../electron/main/openSafeStorageSecretStore.ts');

const tempFolder = useTempFolder();
const restart = () => {
  storage.plainText = false;
  storage.asyncCalls = 0;
};
const warnings: string[] = [];
const logger: Logger = {
  info: () => undefined,
  warn: (message) => void warnings.push(message),
  error: (message) => void warnings.push(message),
};
const fileOf = (folder: string) => JSON.parse(fs.readFileSync(path.join(folder, 'secrets.json'), 'utf8')) as Record<string, string>;

describe.skipIf(process.platform !== 'linux')('secrets on Linux without a keyring', () => {
  beforeEach(() => {
    restart();
    storage.keyVersion = 'v10';
    warnings.length = 0;
  });

  it('with consent: stored (weakly, as agreed, and the log says so), and read again after a restart, through the async API', async () => {
    const folder = tempFolder();
    const store = await openSafeStorageSecretStore(folder, logger);
    expect(store.isWeak()).toBe(true);
    store.set('ryze-token:ryze:main', 'token-1234567', { allowWeak: true });
    await store.flushed();
    expect(warnings).toEqual([expect.stringMatching(/plain-text encryption, as the user agreed/)]);
    expect(fileOf(folder)['ryze-token:ryze:main']).toBe(Buffer.from('v10token-1234567').toString('base64'));
    restart();
    const again = await openSafeStorageSecretStore(folder, logger);
    expect(again.get('ryze-token:ryze:main')).toBe('token-1234567');
    expect(storage.asyncCalls).toBeGreaterThan(0);
    // The consent is remembered: the next secret needs no second question.
    again.set('telegram-session:telegram:1', 'session-abcdef');
    expect(again.get('telegram-session:telegram:1')).toBe('session-abcdef');
    await again.flushed();
    restart();
    expect((await openSafeStorageSecretStore(folder, logger)).get('telegram-session:telegram:1')).toBe('session-abcdef');
  });

  it('without consent: refused in words, nothing is written, and the encryptor is never started', async () => {
    const folder = tempFolder();
    const store = await openSafeStorageSecretStore(folder, logger);
    expect(() => store.set('ryze-token:ryze:main', 'token-1234567')).toThrow(/No keyring is available/);
    await store.flushed();
    expect(fs.existsSync(path.join(folder, 'secrets.json'))).toBe(false);
    expect(store.get('ryze-token:ryze:main')).toBeNull();
    expect(storage.plainText).toBe(false);
    expect(storage.asyncCalls).toBe(0);
  });

  it('a rotated key: the secret reads, and is written again with the new key', async () => {
    const folder = tempFolder();
    const store = await openSafeStorageSecretStore(folder, logger);
    store.set('ryze-token:ryze:main', 'token-1234567', { allowWeak: true });
    await store.flushed();
    restart();
    storage.keyVersion = 'v11';
    const again = await openSafeStorageSecretStore(folder, logger);
    expect(again.get('ryze-token:ryze:main')).toBe('token-1234567');
    await again.flushed();
    expect(fileOf(folder)['ryze-token:ryze:main']).toBe(Buffer.from('v11token-1234567').toString('base64'));
  });

  it('a secret that cannot be decrypted now is kept in the file, not lost, when another is saved', async () => {
    const folder = tempFolder();
    fs.writeFileSync(path.join(folder, 'secrets.json'), JSON.stringify({ '.plainTextConsent': 'yes', 'locked:1': 'AAAA' }));
    const { safeStorage } = await import('electron');
    const failing = vi.spyOn(safeStorage, 'decryptStringAsync').mockRejectedValueOnce(new Error('The keyring is locked.'));
    const locked = await openSafeStorageSecretStore(folder, logger);
    failing.mockRestore();
    expect(locked.get('locked:1')).toBeNull();
    expect(warnings).toContainEqual(expect.stringMatching(/could not be decrypted/));
    locked.set('new:1', 'fresh-value');
    await locked.flushed();
    expect(fileOf(folder)).toMatchObject({ 'locked:1': 'AAAA', 'new:1': Buffer.from('v10fresh-value').toString('base64') });
  });
});
