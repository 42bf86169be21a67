import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScrollbackError } from '../../../shared/errors.ts';
import { openScrollbackCore } from '../../../electron/core/app/openScrollbackCore.ts';
import type { SecretStore } from '../../../electron/core/base/SecretStore.ts';
import { createEnvironmentSecretStore } from '../../../electron/cli/createEnvironmentSecretStore.ts';
import { ryzeTokenKey } from '../../../electron/core/sources/ryze/ryzeSettings.ts';
import { silentLogger } from '../../support/openTestCore.ts';
import { createFakeClock, seedRyzeChat, startFakeRyzeApiServer } from '../../support/fakeRyzeApiServer.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import { handlersFor } from '../../support/handlersFor.ts';

const tempFolder = useTempFolder();
const signal = new AbortController().signal;

/** Linux with only the basic_text backend: storing is refused unless the user accepted weaker protection. */
function weakKeyringStore(): SecretStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: (key) => values.get(key) ?? null,
    set(key, value, consent) {
      if (!consent?.allowWeak) throw new ScrollbackError('FORBIDDEN', 'No keyring protects secrets here.');
      values.set(key, value);
    },
    delete: (key) => void values.delete(key),
  };
}

function openWithHandlers(secrets: SecretStore) {
  const core = openScrollbackCore({ databasePath: path.join(tempFolder(), 'providers.db'), logger: silentLogger, secrets });
  const handlers = handlersFor(core);
  return { core, handlers };
}

describe('source providers', () => {
  it('a RyzeAPI token the keyring refuses leaves no connection behind (it used to answer AUTH_REQUIRED forever)', async () => {
    const secrets = weakKeyringStore();
    const { core, handlers } = openWithHandlers(secrets);
    const input = { instance: 'main', baseUrl: 'http://127.0.0.1:9', token: 'secret-token', allowWeakEncryption: false };
    await expect(Promise.resolve().then(() => handlers.addRyzeConnection(input, signal))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(core.listSources().filter((source) => source.kind === 'ryze')).toEqual([]);
    const added = await handlers.addRyzeConnection({ ...input, allowWeakEncryption: true }, signal);
    expect(added).toMatchObject({ id: 'ryze:main', kind: 'ryze' });
    expect(secrets.values.get(ryzeTokenKey('ryze:main'))).toBe('secret-token');
    await core.close();
  });

  it('says which part of a RyzeAPI connection is wrong, before storing anything', async () => {
    const { core, handlers } = openWithHandlers(weakKeyringStore());
    const add = (instance: string, baseUrl: string) =>
      Promise.resolve().then(() => handlers.addRyzeConnection({ instance, baseUrl, token: 't', allowWeakEncryption: true }, signal));
    await expect(add('bad name!', '')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('instance name') });
    await expect(add('main', 'not a url')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('is not a URL'),
    });
    await expect(add('main', 'ftp://host')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('http(s)') });
    await expect(add('main', 'https://user:pw@host')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('user name or password'),
    });
    expect(core.listSources().filter((source) => source.kind === 'ryze')).toEqual([]);
    await core.close();
  });

  it('tries the connection before saving it, saying which of base URL, instance or token was refused', async () => {
    const jid = '120363000000000009@g.us';
    const server = await startFakeRyzeApiServer({
      token: 'right-token',
      instance: 'phone',
      chats: { [jid]: seedRyzeChat(jid, 10) },
      clock: createFakeClock(),
    });
    const { core, handlers } = openWithHandlers(weakKeyringStore());
    const add = (instance: string, baseUrl: string, token: string) =>
      Promise.resolve().then(() =>
        handlers.addRyzeConnection({ instance, baseUrl, token, allowWeakEncryption: true, tryChat: jid }, signal),
      );
    try {
      await expect(add('phone', server.baseUrl, 'wrong-token')).rejects.toMatchObject({
        code: 'AUTH_REQUIRED',
        message: expect.stringContaining('refused the token'),
      });
      await expect(add('tablet', server.baseUrl, 'right-token')).rejects.toMatchObject({
        code: 'SOURCE_NOT_FOUND',
        message: expect.stringContaining('no instance named “tablet”'),
      });
      await expect(add('phone', 'http://127.0.0.1:9', 'right-token')).rejects.toMatchObject({
        code: 'SOURCE_UNAVAILABLE',
        message: expect.stringContaining('Nothing answered as RyzeAPI at http://127.0.0.1:9: check the base URL'),
      });
      expect(core.listSources().filter((source) => source.kind === 'ryze')).toEqual([]);
      expect(await add('phone', server.baseUrl, 'right-token')).toMatchObject({ id: 'ryze:phone' });
    } finally {
      await core.close();
      await server.close();
    }
  });

  it('removes a source of any kind with its data and its credentials', async () => {
    const secrets = weakKeyringStore();
    const { core, handlers } = openWithHandlers(secrets);
    await handlers.addRyzeConnection({ instance: 'main', baseUrl: '', token: 'secret-token', allowWeakEncryption: true }, signal);
    await handlers.addRyzeChat({ sourceId: 'ryze:main', numberOrJid: '5511999999999' }, signal);
    expect(core.listChats().some((chat) => chat.sourceId === 'ryze:main')).toBe(true);
    await handlers.removeSource({ sourceId: 'ryze:main' }, signal);
    expect(core.listSources().map((source) => source.id)).not.toContain('ryze:main');
    expect(core.listChats().some((chat) => chat.sourceId === 'ryze:main')).toBe(false);
    expect(secrets.values.has(ryzeTokenKey('ryze:main'))).toBe(false);
    await expect(Promise.resolve().then(() => handlers.removeSource({ sourceId: 'ryze:main' }, signal))).rejects.toMatchObject({
      code: 'SOURCE_NOT_FOUND',
    });
    await core.close();
  });

  it('lists every kind with what the window offers for it, from the registry', async () => {
    const { core, handlers } = openWithHandlers(weakKeyringStore());
    const kinds = await handlers.listSourceKinds(undefined, signal);
    expect(kinds.map((info) => info.kind).sort()).toEqual(['demo', 'import', 'ryze', 'telegram']);
    expect(kinds.find((info) => info.kind === 'telegram')).toMatchObject({ addLabel: 'Log in to Telegram…', removeLabel: 'Log out' });
    expect(kinds.find((info) => info.kind === 'import')?.addLabel).toBeNull();
    await core.close();
  });

  it('the command line reads each kind’s credential from its environment variable and stores none', () => {
    const { core } = openWithHandlers(weakKeyringStore());
    const store = createEnvironmentSecretStore(
      {
        SCROLLBACK_RYZE_TOKEN: 'from-env',
        SCROLLBACK_TELEGRAM_SESSION: 's',
        SCROLLBACK_TELEGRAM_API_ID: '5',
        SCROLLBACK_TELEGRAM_API_HASH: 'h',
      },
      () => Object.values(core.providers),
    );
    expect(store.get(ryzeTokenKey('ryze:x'))).toBe('from-env');
    expect(JSON.parse(store.get('telegram-session:telegram:1')!)).toEqual({ session: 's', apiHash: 'h', apiId: 5 });
    expect(store.get('something-else')).toBeNull();
    expect(() => store.set('k', 'v')).toThrow(/stores no credentials/);
    return core.close();
  });
});
