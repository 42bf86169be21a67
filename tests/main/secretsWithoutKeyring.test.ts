import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useTempFolder } from '../support/tempFolder.ts';

/**
 * safeStorage as Electron documents it on Linux with no keyring (the `basic_text` backend): no encryption is
 * available until `setUsePlainTextEncryption(true)`, which lasts for the process. A "restart" is a new
 * process: the flag starts false again.
 */
const storage = vi.hoisted(() => ({ plainText: false }));
vi.mock('electron', () => ({
  safeStorage: {
    getSelectedStorageBackend: () => 'basic_text',
    isEncryptionAvailable: () => storage.plainText,
    setUsePlainTextEncryption: (on: boolean) => void (storage.plainText = on),
    encryptString: (text: string) => {
      if (!storage.plainText) throw new Error('Encryption is not available.');
      return Buffer.from(`v10${text}`);
    },
    decryptString: (data: Buffer) => {
      if (!storage.plainText) throw new Error('Decryption is not available.');
      return data.toString().slice(3);
    },
  },
}));
const { createSafeStorageSecretStore } = await import('../../electron/main/createSafeStorageSecretStore.ts');

const tempFolder = useTempFolder();
const restart = () => void (storage.plainText = false);

describe.skipIf(process.platform !== 'linux')('secrets on Linux without a keyring', () => {
  beforeEach(restart);

  it('with consent: stored (weakly, as agreed), and read again after a restart', () => {
    const folder = tempFolder();
    const store = createSafeStorageSecretStore(folder);
    expect(store.isWeak()).toBe(true);
    store.set('ryze-token:ryze:main', 'token-1234567', { allowWeak: true });
    restart();
    const again = createSafeStorageSecretStore(folder);
    expect(again.get('ryze-token:ryze:main')).toBe('token-1234567');
    // The consent is remembered: the next secret needs no second question.
    again.set('telegram-session:telegram:1', 'session-abcdef');
    expect(again.get('telegram-session:telegram:1')).toBe('session-abcdef');
  });

  it('without consent: refused in words, and nothing is written', () => {
    const folder = tempFolder();
    const store = createSafeStorageSecretStore(folder);
    expect(() => store.set('ryze-token:ryze:main', 'token-1234567')).toThrow(/No keyring is available/);
    expect(fs.existsSync(path.join(folder, 'secrets.json'))).toBe(false);
    expect(store.get('ryze-token:ryze:main')).toBeNull();
    expect(storage.plainText).toBe(false);
  });
});
