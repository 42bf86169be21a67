import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCoreHandlers } from '../../electron/core/app/createCoreHandlers.ts';
import { startLoopbackHarness, type LoopbackHarness } from '../../electron/harness/startLoopbackHarness.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy.ts';
import { openTestCoreWithDemo, silentLogger } from '../support/openTestCore.ts';
import { databaseOf, type ScrollbackCore } from '../../electron/core/app/openScrollbackCore.ts';
import { cacheWholeDemoChat } from '../support/cacheDemoChat.ts';
import { useTempFolder } from '../support/tempFolder.ts';

const tempFolder = useTempFolder();
let harness: LoopbackHarness | null = null;
let opened: ScrollbackCore | null = null;
afterEach(async () => {
  await harness?.close();
  await opened?.close();
  harness = null;
  opened = null;
});

async function start() {
  const folder = tempFolder();
  const renderer = path.join(folder, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
  fs.writeFileSync(path.join(folder, 'secret.txt'), 'outside the renderer');
  const core = await openTestCoreWithDemo(folder);
  opened = core;
  harness = await startLoopbackHarness({
    handlers: createCoreHandlers(core, {
      version: 't',
      openExternalLink: () => undefined,
      logger: silentLogger,
      chooseFilesToImport: async () => null,
      chooseExportTarget: async () => null,
      showInFolder: () => undefined,
    }),
    rendererFolder: renderer,
    logger: silentLogger,
    events: core.events,
  });
  const token = new URL(harness.url).hash.replace('#token=', '');
  return { token, base: `http://127.0.0.1:${harness.port}` };
}

/** A raw request, so the Host header can be anything. */
function request(port: number, options: { method?: string; path: string; host?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: options.host ?? `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('loopback harness', () => {
  it('listens on 127.0.0.1 only and serves the page with the app’s CSP and the bridge', async () => {
    await start();
    expect(new URL(harness!.url).hostname).toBe('127.0.0.1');
    const page = await request(harness!.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await request(harness!.port, { path: '/harness-bridge.js' })).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(page.body).toContain('<script src="/harness-bridge.js"></script>');
  });

  it('answers calls only with the token, and through the contract', async () => {
    const { token } = await start();
    const call = (headers: Record<string, string>, body = 'null') =>
      request(harness!.port, { method: 'POST', path: '/rpc/listChats', headers: { 'content-type': 'application/json', ...headers }, body });
    expect((await call({})).status).toBe(403);
    expect((await call({ 'x-scrollback-token': 'x'.repeat(token.length) })).status).toBe(403);
    const ok = await call({ 'x-scrollback-token': token });
    expect(JSON.parse(ok.body)).toMatchObject({
      ok: true,
      value: expect.arrayContaining([expect.objectContaining({ messageCount: 1_000_000 })]),
    });
    const bad = await request(harness!.port, {
      method: 'POST',
      path: '/rpc/getHistoryPage',
      headers: { 'x-scrollback-token': token },
      body: '{"chatId":"one"}',
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses other Host headers (DNS rebinding) and paths outside the renderer', async () => {
    const { token } = await start();
    expect((await request(harness!.port, { path: '/', host: 'evil.example:80' })).status).toBe(421);
    expect(
      (
        await request(harness!.port, {
          method: 'POST',
          path: '/rpc/listChats',
          host: 'localhost',
          headers: { 'x-scrollback-token': token },
        })
      ).status,
    ).toBe(421);
    for (const probe of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const response = await request(harness!.port, { path: probe });
      expect(response.body).not.toContain('outside the renderer');
    }
  });

  it('aborts a handler whose caller gave up (a superseded count stops in the core), and streams pushed events', async () => {
    const { token } = await start();
    const core = opened!;
    // A count over a cached chat, counted in slices with a yield between them… cancelled by the page at once.
    const chat = core.listChats().find((candidate) => candidate.messageCount === 24_000)!;
    const events: string[] = [];
    const stream = await fetch(`http://127.0.0.1:${harness!.port}/events`, { headers: { 'x-scrollback-token': token } });
    const reader = stream.body!.getReader();
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        events.push(new TextDecoder().decode(value));
      }
    })();
    const controller = new AbortController();
    let settled: unknown = null;
    const original = core.search.count;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    core.search.count = async (filter, signal) => {
      started();
      try {
        const total = await original(filter, signal);
        settled = { aborted: signal?.aborted, total };
        return total;
      } catch (error) {
        settled = { aborted: signal?.aborted, error: String(error) };
        throw error;
      }
    };
    cacheWholeDemoChat(databaseOf(core), chat.id, 'family');
    const pending = fetch(`http://127.0.0.1:${harness!.port}/rpc/countSearchMatches`, {
      method: 'POST',
      signal: controller.signal,
      headers: { 'content-type': 'application/json', 'x-scrollback-token': token },
      body: JSON.stringify({ chatId: chat.id, from: null, to: null, query: 'a', sender: '', kinds: [] }),
    }).catch((error: Error) => error.name);
    await running;
    controller.abort();
    expect(await pending).toBe('AbortError');
    await expect.poll(() => settled, { timeout: 30_000 }).toEqual({ aborted: true, error: expect.any(String) });
    core.events.emit({ kind: 'chatChanged', chatId: chat.id });
    await expect.poll(() => events.join(''), { timeout: 30_000 }).toContain(`data: {"kind":"chatChanged","chatId":${chat.id}}`);
    await reader.cancel();
  });
});
