import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/runCli.ts';
import { createFakeClock, seedRyzeChat, startFakeRyzeApiServer } from '../support/fakeRyzeApiServer.ts';
import { useTempFolder } from '../support/tempFolder.ts';

const tempFolder = useTempFolder();
const TOKEN = 'ryze-token-9b1e-do-not-leak';
const JID = '120363000000000002@g.us';
let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

describe('scrollback ryze (CLI)', () => {
  it('adds an instance and a chat, then history, search and sync work on it; the token appears nowhere', async () => {
    const server = await startFakeRyzeApiServer({
      token: TOKEN,
      instance: 'main',
      chats: { [JID]: seedRyzeChat(JID, 400) },
      clock: createFakeClock(),
    });
    close = server.close;
    const folder = tempFolder();
    const db = path.join(folder, 'cli.db');
    let output = '';
    const cli = async (...args: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await runCli(['--db', db, ...args], {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        env: { SCROLLBACK_RYZE_TOKEN: TOKEN },
      });
      output += stdout + stderr;
      return { code, stdout, stderr };
    };
    expect((await cli('ryze', 'add', '--instance', 'main', '--base-url', server.baseUrl)).code).toBe(0);
    const added = await cli('ryze', 'chat', 'add', JID, '--json');
    expect(added.code).toBe(0);
    const chatId = String((JSON.parse(added.stdout) as { id: number }).id);
    const history = await cli('history', chatId, '--limit', '30', '--json');
    expect(history.code).toBe(0);
    expect((JSON.parse(history.stdout) as { messages: unknown[] }).messages).toHaveLength(30);
    expect((await cli('sync', chatId)).code).toBe(0);
    const search = await cli('search', chatId, '--query', 'café', '--json');
    expect((JSON.parse(search.stdout) as { total: { onComputer: number } }).total.onComputer).toBe(Math.ceil(400 / 11));
    // Without the token the cached messages still browse, and the reason is said.
    const offline = await runCli(['--db', db, 'history', chatId], { stdout: () => {}, stderr: (t) => (output += t), env: {} });
    expect(offline).toBe(0);
    expect(output).toMatch(/Showing the cache: No RyzeAPI token/);
    // The credential is in no output and nowhere in the data folder.
    expect(output).not.toContain(TOKEN);
    for (const file of fs.readdirSync(folder)) expect(fs.readFileSync(path.join(folder, file)).includes(TOKEN)).toBe(false);
  });

  it('refuses a chat that is not a number or JID, naming what is expected', async () => {
    const db = path.join(tempFolder(), 'cli.db');
    let stderr = '';
    await runCli(['--db', db, 'ryze', 'add', '--instance', 'main'], {
      stdout: () => {},
      stderr: () => {},
      env: { SCROLLBACK_RYZE_TOKEN: 'x' },
    });
    const code = await runCli(['--db', db, 'ryze', 'chat', 'add', 'bob@example.com'], {
      stdout: () => {},
      stderr: (t) => (stderr += t),
      env: {},
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/not a WhatsApp number or JID.*@g\.us/);
  });
});
