import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TelegramClient } from 'telegram';
import { StringSession } from 'telegram/sessions/index.js';
import { Logger, LogLevel } from 'telegram/extensions/Logger.js';
import { ScrollbackError } from '../../../shared/errors.ts';
import { createTelegramLogin } from '../../../electron/core/sources/telegram/createTelegramLogin.ts';
import { createTelegramSource } from '../../../electron/core/sources/telegram/createTelegramSource.ts';
import { createRyzeApiClient } from '../../../electron/core/sources/ryze/createRyzeApiClient.ts';
import { createFakeClock } from '../../support/fakeRyzeApiServer.ts';

const API = { apiId: 12345, apiHash: '0123456789abcdef0123456789abcdef' };
const PHONE = '+447700900123';
const CHAT = { key: 'user:7', peer: { type: 'user' as const, id: '7', accessHash: '1' } };

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/**
 * Telegram or RyzeAPI unreachable the worst way: a TCP server on 127.0.0.1 that accepts every connection and
 * never sends a byte. `connected` resolves once the first connection has arrived.
 */
async function startSilentServer(): Promise<{ port: number; connections: () => number; connected: Promise<void> }> {
  const sockets: net.Socket[] = [];
  let arrived!: () => void;
  const connected = new Promise<void>((resolve) => (arrived = resolve));
  const server = net.createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    arrived();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return { port: (server.address() as net.AddressInfo).port, connections: () => sockets.length, connected };
}

/**
 * A real GramJS client whose only way to Telegram is the silent server (as an MTProto proxy: GramJS dials a
 * data center's fixed port otherwise): it sends its handshake there and hears nothing back.
 */
function clientOfSilentTelegram(port: number): TelegramClient {
  const client = new TelegramClient(new StringSession(''), API.apiId, API.apiHash, {
    connectionRetries: 5,
    baseLogger: new Logger(LogLevel.NONE),
    proxy: { ip: '127.0.0.1', port, secret: '00112233445566778899aabbccddeeff', MTProxy: true },
  });
  closers.push(() => client.destroy().catch(() => undefined));
  return client;
}

/** A GramJS client whose requests are never answered (sent into a network that swallows them). */
function clientThatNeverAnswers(): TelegramClient {
  const client = new TelegramClient(new StringSession(''), API.apiId, API.apiHash, {
    connectionRetries: 0,
    baseLogger: new Logger(LogLevel.NONE),
  });
  (client as unknown as { invoke: () => Promise<never> }).invoke = () => new Promise<never>(() => undefined);
  return client;
}

describe('Telegram login never waits without end', () => {
  it('fails within its deadline, in words, when Telegram accepts the connection and never answers (real GramJS)', async () => {
    const silent = await startSilentServer();
    const login = createTelegramLogin({
      newClient: () => clientOfSilentTelegram(silent.port),
      connect: (client) => client.connect().then(() => undefined),
      deadlineMs: 200,
    });
    const state = await login.startWithPhone({ ...API, phone: PHONE });
    expect(silent.connections()).toBeGreaterThan(0);
    expect(state.step).toBe('idle');
    expect(state.error).toMatchObject({
      code: 'SOURCE_UNAVAILABLE',
      message: expect.stringMatching(/^Telegram did not answer within 0\.2 s \(connecting\)\. Check the internet connection/),
    });
  });

  it('a step whose request is never answered fails within its deadline and can be tried again', async () => {
    const login = createTelegramLogin({ newClient: clientThatNeverAnswers, deadlineMs: 200 });
    const state = await login.startWithPhone({ ...API, phone: PHONE });
    expect(state.error).toMatchObject({ code: 'SOURCE_UNAVAILABLE', message: expect.stringMatching(/within 0\.2 s \(sending the code\)/) });
    expect((await login.startWithPhone({ ...API, phone: PHONE })).error?.code).toBe('SOURCE_UNAVAILABLE');
  });

  it('Cancel releases a login waiting to connect at once, says so, and the login starts over', async () => {
    const silent = await startSilentServer();
    // The deadline is far away: only Cancel can end this wait before the test's own timeout.
    const login = createTelegramLogin({
      newClient: () => clientOfSilentTelegram(silent.port),
      connect: (client) => client.connect().then(() => undefined),
      deadlineMs: 600_000,
    });
    const events: string[] = [];
    const pending = login.startWithPhone({ ...API, phone: PHONE }).then((state) => {
      events.push('step settled');
      return state;
    });
    await silent.connected;
    events.push('cancel');
    await login.cancel();
    const state = await pending;
    expect(events).toEqual(['cancel', 'step settled']);
    expect(state.error).toEqual({ code: 'CANCELLED', message: 'The login was cancelled.' });
    expect(login.state()).toMatchObject({ step: 'idle', error: null });
  });

  it('Cancel releases a step waiting for an answer, and its late answer changes nothing', async () => {
    let answer!: (value: unknown) => void;
    const client = clientThatNeverAnswers();
    let asked!: () => void;
    const wasAsked = new Promise<void>((resolve) => (asked = resolve));
    (client as unknown as { invoke: () => Promise<unknown> }).invoke = () => {
      asked();
      return new Promise((resolve) => (answer = resolve));
    };
    const login = createTelegramLogin({ newClient: () => client, deadlineMs: 600_000 });
    const pending = login.startWithPhone({ ...API, phone: PHONE });
    await wasAsked;
    await login.cancel();
    expect((await pending).error?.code).toBe('CANCELLED');
    answer({ phoneCodeHash: 'late', type: null });
    await new Promise((resolve) => setImmediate(resolve));
    expect(login.state()).toMatchObject({ step: 'idle', error: null });
  });
});

describe('Telegram requests never wait without end', () => {
  it('a request never answered fails within the deadline, in words, and the next request is not stuck behind it', async () => {
    const source = createTelegramSource(clientThatNeverAnswers(), { id: 'telegram:1', deadlineMs: 200 });
    for (let attempt = 0; attempt < 2; attempt++) {
      const failure = await source.getLatest(CHAT, 10).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ScrollbackError);
      expect(failure).toMatchObject({
        code: 'SOURCE_UNAVAILABLE',
        message: expect.stringMatching(/^Telegram did not answer within 0\.2 s \(messages\.GetHistory\); check the internet connection/),
      });
    }
  });

  it('connecting that never completes fails within the deadline (real GramJS against a silent server)', async () => {
    const silent = await startSilentServer();
    const client = clientOfSilentTelegram(silent.port);
    const source = createTelegramSource(client, {
      id: 'telegram:1',
      deadlineMs: 200,
      connect: () => client.connect().then(() => undefined),
    });
    await expect(source.getLatest(CHAT, 10)).rejects.toMatchObject({
      code: 'SOURCE_UNAVAILABLE',
      message: expect.stringMatching(/within 0\.2 s \(connecting\)/),
    });
  });

  it('Cancel releases a request in flight at once', async () => {
    const client = clientThatNeverAnswers();
    let asked!: () => void;
    const wasAsked = new Promise<void>((resolve) => (asked = resolve));
    (client as unknown as { invoke: () => Promise<never> }).invoke = () => {
      asked();
      return new Promise<never>(() => undefined);
    };
    const source = createTelegramSource(client, { id: 'telegram:1', deadlineMs: 600_000 });
    const controller = new AbortController();
    const pending = source.getLatest(CHAT, 10, controller.signal);
    await wasAsked;
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('RyzeAPI requests never wait without end', () => {
  function clientFor(port: number, maxAttempts: number) {
    return createRyzeApiClient({
      baseUrl: `http://127.0.0.1:${port}`,
      instance: 'main',
      token: 'ryze-secret-token',
      clock: createFakeClock(),
      timeoutMs: 200,
      maxAttempts,
    });
  }

  it('a history request to a server that never answers fails within the deadline, in words', async () => {
    const silent = await startSilentServer();
    const failure = await clientFor(silent.port, 2)
      .fetchHistory({ number: '120363000000000001@g.us', count: 50 })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ScrollbackError);
    expect(failure).toMatchObject({
      code: 'SOURCE_UNAVAILABLE',
      message: 'RyzeAPI could not be reached (no answer within 0.2 s) after 2 attempts; check the connection. Nothing was changed.',
    });
    expect(silent.connections()).toBeGreaterThan(0);
  });

  it('a media request to a server that never answers fails within its deadline, in words', async () => {
    const silent = await startSilentServer();
    await expect(clientFor(silent.port, 1).fetchMedia('m1')).rejects.toMatchObject({
      code: 'SOURCE_UNAVAILABLE',
      message: expect.stringMatching(/^RyzeAPI did not answer within 0\.6 s \(a media file\)/),
    });
  });

  it('Cancel releases a history request in flight at once and says so', async () => {
    const silent = await startSilentServer();
    const client = createRyzeApiClient({ baseUrl: `http://127.0.0.1:${silent.port}`, instance: 'main', token: 't', timeoutMs: 600_000 });
    const controller = new AbortController();
    const pending = client.fetchHistory({ number: '120363000000000001@g.us', count: 50 }, controller.signal);
    await silent.connected;
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED', message: 'The request was cancelled.' });
  });

  it('Cancel releases a media request in flight at once and says so', async () => {
    const silent = await startSilentServer();
    const client = createRyzeApiClient({ baseUrl: `http://127.0.0.1:${silent.port}`, instance: 'main', token: 't', timeoutMs: 600_000 });
    const controller = new AbortController();
    const pending = client.fetchMedia('m1', controller.signal);
    await silent.connected;
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED', message: 'The download was cancelled.' });
  });
});
