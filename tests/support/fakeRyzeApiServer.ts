import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import type { RyzeMessage } from '../../electron/core/sources/ryze/createRyzeApiClient.ts';

export interface FakeClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Virtual time: sleeping advances it at once, so a minute of rate limiting costs nothing in a test. */
export function createFakeClock(start = Date.parse('2026-01-01T00:00:00Z')): FakeClock {
  let time = start;
  return {
    now: () => time,
    sleep: async (ms) => {
      time += Math.max(0, ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * RyzeAPI's chat-history endpoint as documented (seed 004): POST /api/chat/history/{instance} with a
 * `token` (or Authorization) header; body {number, count = 50, from, to} with inclusive ISO bounds; newest
 * first; hasMore only means "returned == count"; the documented error bodies; 100 requests per minute,
 * answered with 429 and Retry-After beyond that. Failures can be injected (500s, hanging requests).
 */
export async function startFakeRyzeApiServer(options: {
  token: string;
  instance: string;
  chats: Record<string, RyzeMessage[]>;
  clock: FakeClock;
}) {
  const requests: Array<{ at: number; body: Record<string, unknown> }> = [];
  const failures: Array<'500' | 'hang'> = [];
  const chats = new Map(
    Object.entries(options.chats).map(([jid, messages]) => [
      jid,
      [...messages].sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp) || (a.id < b.id ? 1 : -1)),
    ]),
  );
  const recentStarts: number[] = [];

  const mediaRequests: string[] = [];
  const handle = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    /** The global 100 requests a minute, for history and media alike; true when this one was refused. */
    const limited = () => {
      const now = options.clock.now();
      while (recentStarts.length > 0 && recentStarts[0]! <= now - 60_000) recentStarts.shift();
      if (recentStarts.length >= 100) {
        send(
          429,
          { success: false, error: { message: 'Too many requests' } },
          { 'retry-after': String(Math.ceil((recentStarts[0]! + 60_000 - now) / 1000)) },
        );
        return true;
      }
      recentStarts.push(now);
      return false;
    };
    /** Media as the ingestion pipeline stored it: images only, and not every one (then 404). */
    const media = async (instance: string, messageId: string) => {
      if (limited()) return;
      mediaRequests.push(messageId);
      const token = request.headers.token;
      if (token !== options.token) return error(401, 'Invalid token');
      if (instance !== options.instance) return error(404, 'Instance not found');
      const found = [...chats.values()].flat().find((message) => message.id === messageId);
      if (!found || found.type !== 'image' || storedWithoutMedia(found.id)) return error(404, 'Message not found or no media available');
      const jpeg = await fakeImage(found.id);
      send(200, { message_id: found.id, mime_type: 'image/jpeg', media_type: 'image', base64: jpeg.toString('base64') });
    };
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    const error = (status: number, message: string) => send(status, { success: false, error: { message } });
    let raw = '';
    for await (const chunk of request) raw += chunk;
    const mediaMatch = /^\/api\/chat\/base64\/([^/?]*)\?messageId=([^&]*)$/.exec(request.url ?? '');
    if (request.method === 'GET' && mediaMatch) return media(decodeURIComponent(mediaMatch[1]!), decodeURIComponent(mediaMatch[2]!));
    const match = /^\/api\/chat\/history\/([^/?]*)$/.exec(request.url ?? '');
    if (request.method !== 'POST' || !match) return error(404, 'Not found');
    if (limited()) return;
    const now = options.clock.now();
    const failure = failures.shift();
    if (failure === '500') return error(500, 'Internal error');
    if (failure === 'hang') return; // never answers: the client's timeout must fire
    const token = request.headers.token ?? request.headers.authorization;
    if (token !== options.token) return error(401, 'Invalid token');
    const instance = decodeURIComponent(match[1]!);
    if (instance === '') return error(400, 'Instance name is required');
    if (instance !== options.instance) return error(404, 'Instance not found');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch (parseError) {
      return error(400, `Invalid request body: ${(parseError as Error).message}`);
    }
    requests.push({ at: now, body });
    if (typeof body.number !== 'string' || body.number === '') return error(400, 'Number is required');
    for (const bound of ['from', 'to'] as const) {
      const value = body[bound];
      if (value !== undefined && (typeof value !== 'string' || !ISO_8601.test(value) || Number.isNaN(Date.parse(value)))) {
        return error(400, `invalid '${bound}' date format. Use ISO 8601 format (e.g., '2026-02-16T18:32:39Z')`);
      }
    }
    const jid = body.number.includes('@') ? body.number : `${body.number}@s.whatsapp.net`;
    const all = chats.get(jid) ?? [];
    const from = typeof body.from === 'string' ? Date.parse(body.from) : Number.NEGATIVE_INFINITY;
    const to = typeof body.to === 'string' ? Date.parse(body.to) : Number.POSITIVE_INFINITY;
    const count = typeof body.count === 'number' && body.count > 0 ? Math.floor(body.count) : 50;
    const messages = all.filter((m) => Date.parse(m.timestamp) >= from && Date.parse(m.timestamp) <= to).slice(0, count);
    send(200, {
      success: true,
      message: `Retrieved ${messages.length} messages from chat history`,
      chat_jid: jid,
      messages,
      count: messages.length,
      hasMore: messages.length === count,
    });
  };
  const server = http.createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    mediaRequests,
    /** History changing at WhatsApp between polls: a new message, an edit (its text), a deletion (gone from history). */
    post(jid: string, message: RyzeMessage) {
      const list = chats.get(jid) ?? [];
      list.push(message);
      list.sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp) || (a.id < b.id ? 1 : -1));
      chats.set(jid, list);
    },
    edit(jid: string, id: string, content: string) {
      const found = chats.get(jid)?.find((message) => message.id === id);
      if (!found) throw new Error(`the fake has no message ${id} in ${jid}`);
      found.content = content;
    },
    remove(jid: string, id: string) {
      const list = chats.get(jid) ?? [];
      const index = list.findIndex((message) => message.id === id);
      if (index < 0) throw new Error(`the fake has no message ${id} in ${jid}`);
      list.splice(index, 1);
    },
    failNext(kind: '500' | 'hang', times: number) {
      for (let i = 0; i < times; i++) failures.push(kind);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every fourth image's media was never stored by the ingestion pipeline (RyzeAPI answers 404). */
export function storedWithoutMedia(messageId: string): boolean {
  return parseInt(messageId.slice(4), 16) % 4 === 0;
}

/** A photo's bytes, deterministic per message. */
export function fakeImage(messageId: string): Promise<Buffer> {
  const seed = parseInt(messageId.slice(4), 16);
  return sharp({ create: { width: 1024, height: 768, channels: 3, background: { r: (seed * 37) % 256, g: (seed * 91) % 256, b: 160 } } })
    .jpeg()
    .toBuffer();
}

/**
 * A WhatsApp group chat of `count` messages: several senders, own messages with an empty senderJid, long
 * gaps, three bursts of 300 messages sharing one second, and timestamps written with offsets.
 */
export function seedRyzeChat(jid: string, count: number): RyzeMessage[] {
  const senders = ['5511911111111@s.whatsapp.net', '5511922222222@s.whatsapp.net', '5511933333333@s.whatsapp.net'];
  const messages: RyzeMessage[] = [];
  let time = Date.parse('2024-03-01T08:00:00Z') / 1000;
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const bursts = new Set([Math.floor(count * 0.2), Math.floor(count * 0.5), Math.floor(count * 0.8)]);
  for (let i = 0; i < count;) {
    if (bursts.has(i)) {
      time += 60;
      for (let k = 0; k < 300 && i < count; k++, i++) messages.push(message(i, time));
      continue;
    }
    time += random() < 0.01 ? 40 * 86_400 : 1 + Math.floor(random() * 900);
    messages.push(message(i, time));
    i++;
  }
  return messages;

  function message(i: number, seconds: number): RyzeMessage {
    const fromMe = i % 7 === 0;
    // Every third timestamp carries a -03:00 offset: the same instant, written differently.
    const instant = new Date(seconds * 1000);
    const timestamp =
      i % 3 === 0
        ? new Date(instant.getTime() - 3 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '-03:00')
        : instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
    return {
      id: `3EB0${i.toString(16).toUpperCase().padStart(12, '0')}`,
      fromMe,
      timestamp,
      content: `message ${i} ${i % 11 === 0 ? 'café olá' : 'hello'}`,
      type: i % 13 === 0 ? 'image' : 'text',
      chatJid: jid,
      senderJid: fromMe ? '' : senders[i % senders.length]!,
    };
  }
}
