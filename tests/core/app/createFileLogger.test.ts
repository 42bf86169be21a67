import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../electron/core/app/createFileLogger.ts';
import { openScrollbackCore } from '../../../electron/core/app/openScrollbackCore.ts';
import { createMemorySecretStore } from '../../../electron/core/base/SecretStore.ts';
import { dispatchIpcCall } from '../../../shared/ipc/dispatchIpcCall.ts';
import { useTempFolder } from '../../support/tempFolder.ts';
import { handlersFor } from '../../support/handlersFor.ts';

const tempFolder = useTempFolder();

/** The log's text once `lastLine` (the last thing logged) is in it: the stream writes asynchronously, as fast as the machine lets it. */
async function logText(folder: string, lastLine: string): Promise<string> {
  const logs = path.join(folder, 'logs');
  const read = () =>
    fs
      .readdirSync(logs)
      .map((name) => fs.readFileSync(path.join(logs, name), 'utf8'))
      .join('');
  await expect.poll(read, { timeout: 30_000, interval: 20 }).toContain(lastLine);
  return read();
}

describe('the log file', () => {
  it('is in the data folder and gets every INTERNAL error with its stack, while the window gets only the code', async () => {
    const folder = tempFolder();
    const logger = await createFileLogger(folder, { stderr: false });
    const core = openScrollbackCore({ databasePath: path.join(folder, 'scrollback.db'), logger });
    const handlers = handlersFor(core, logger);
    core.listChats = () => {
      throw new TypeError('the chat list broke in an unexpected way');
    };
    const result = await dispatchIpcCall(
      handlers,
      'listChats',
      undefined,
      (error, method) => logger.error(`${method} failed`, error),
      new AbortController().signal,
    );
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('log') } });
    logger.flush();
    const text = await logText(folder, 'listChats failed');
    const line = JSON.parse(text.split('\n').find((candidate) => candidate.includes('listChats failed'))!);
    expect(line).toMatchObject({ level: 'error', msg: 'listChats failed', error: { message: 'the chat list broke in an unexpected way' } });
    expect(line.error.stack).toMatch(/TypeError: the chat list broke[\s\S]*createFileLogger\.test\.ts/);
    await core.close();
  });

  it('never writes a credential: values that passed through a secret store, and secret-named fields', async () => {
    const folder = tempFolder();
    const logger = await createFileLogger(folder, { stderr: false });
    const secrets = createMemorySecretStore();
    const token = 'ryze-token-7f3a9c21d4e8';
    secrets.set('ryze-token:ryze:main', token);
    secrets.set(
      'telegram-session:telegram:1',
      JSON.stringify({ session: '1BVtsOKABu0session-string', apiHash: '0123456789abcdef0123456789abcdef' }),
    );
    logger.warn(`request to https://ryzeapi.cloud failed with token ${token}`, new Error(`401 for ${token}`));
    logger.error('login failed', { apiHash: 'plain-field-value', nested: { password: 'hunter2-password' } });
    logger.info('session 1BVtsOKABu0session-string was refused');
    logger.flush();
    const text = await logText(folder, 'was refused');
    expect(text).toContain('failed with token [secret]');
    for (const secret of [token, '1BVtsOKABu0session-string', '0123456789abcdef0123456789abcdef', 'plain-field-value', 'hunter2-password'])
      expect(text).not.toContain(secret);
  });
});
