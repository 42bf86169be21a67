import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy.ts';
import { ScrollbackError } from '../../shared/errors.ts';
import { dispatchIpcCall } from '../../shared/ipc/dispatchIpcCall.ts';
import type { IpcHandlers } from '../../shared/ipc/contract.ts';
import type { Logger } from '../core/base/Logger.ts';
import type { EventHub } from '../core/app/createEventHub.ts';
import { contentTypeFor, resolveStaticFile } from '../core/app/staticFiles.ts';
import { harnessBridgeScript } from './harnessBridgeScript.ts';
import type { HarnessFileTransfers } from './createHarnessFileTransfers.ts';

/** A stored file is served as bytes of its recorded type, sandboxed, and kept by the page for a while. */
const MEDIA_HEADERS = { 'content-security-policy': "default-src 'none'", 'cache-control': 'private, max-age=3600' };

export interface LoopbackHarness {
  /** Open this in a browser: it carries the session token in the fragment. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const BRIDGE_PATH = '/harness-bridge.js';
const EVENTS_PATH = '/events';
const MAX_BODY_BYTES = 1_000_000;
/**
 * Serves the built renderer to a real browser and answers its `window.scrollback` calls with the real core,
 * over the same contract as the preload. Bound to 127.0.0.1 only; every call needs the random token; the
 * Host header must be the loopback address (no DNS rebinding); responses carry the app's CSP.
 */
export async function startLoopbackHarness(options: {
  handlers: IpcHandlers;
  rendererFolder: string;
  port?: number;
  logger: Logger;
  /** Media files of the store, at media/<chat>/<message>/<variant> (as the app:// protocol serves them). */
  mediaFor?: (pathname: string, signal: AbortSignal) => Promise<{ path: string; mimeType: string; size: number } | null>;
  /** What the core pushes; streamed to the page at /events (the window polls nothing). */
  events?: Pick<EventHub, 'subscribe'>;
  /** Uploads and downloads in place of the native dialogs (the preview); none when left out. */
  transfers?: HarnessFileTransfers;
}): Promise<LoopbackHarness> {
  const token = crypto.randomBytes(24).toString('base64url');
  const root = path.resolve(options.rendererFolder);
  const indexHtml = (await fs.readFile(path.join(root, 'index.html'), 'utf8')).replace(
    '<head>',
    `<head>\n    <script src="${BRIDGE_PATH}"></script>`,
  );
  const bridge = harnessBridgeScript({ transfers: options.transfers !== undefined });
  let expectedHost = '';

  const handleRequest = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const headers = {
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    };
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { ...headers, 'content-type': type });
      response.end(body);
    };
    if (request.headers.host !== expectedHost) return send(421, 'text/plain', 'Wrong host');
    const url = new URL(request.url ?? '/', `http://${expectedHost}`);

    const hasToken = () => {
      const presented = String(request.headers['x-scrollback-token'] ?? '');
      return presented.length === token.length && crypto.timingSafeEqual(Buffer.from(presented), Buffer.from(token));
    };
    const refused = () =>
      send(
        403,
        'application/json',
        JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: 'Missing or wrong harness token.' } }),
      );

    if (options.transfers && (await options.transfers.handle(request, response, url, hasToken()))) return;

    if (request.method === 'GET' && url.pathname === EVENTS_PATH) {
      if (!hasToken()) return refused();
      // One long response per page: each pushed event is a `data:` line (the server-sent events format).
      response.writeHead(200, { ...headers, 'content-type': 'text/event-stream' });
      response.write(': events\n\n');
      const unsubscribe = options.events?.subscribe((event) => response.write(`data: ${JSON.stringify(event)}\n\n`)) ?? (() => undefined);
      response.on('close', unsubscribe);
      return;
    }

    if (request.method === 'POST' && url.pathname.startsWith('/rpc/')) {
      if (!hasToken()) return refused();
      let body = '';
      for await (const chunk of request) {
        body += chunk;
        if (body.length > MAX_BODY_BYTES)
          return send(
            413,
            'application/json',
            JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: 'Request too large.' } }),
          );
      }
      let input: unknown;
      try {
        input = body === '' ? undefined : JSON.parse(body);
      } catch {
        return send(
          400,
          'application/json',
          JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: 'The request body is not JSON.' } }),
        );
      }
      // A page that gives up on a call (a superseded search count) closes its request: the handler's
      // signal is aborted, so the work stops in the core too.
      const cancelled = new AbortController();
      response.on('close', () => {
        if (!response.writableFinished) cancelled.abort();
      });
      const result = await dispatchIpcCall(
        options.handlers,
        url.pathname.slice('/rpc/'.length),
        input ?? undefined,
        (error, method) => options.logger.error(`${method} failed`, error),
        cancelled.signal,
      );
      if (!response.destroyed) send(200, 'application/json', JSON.stringify(result));
      return;
    }
    if (request.method !== 'GET') return send(405, 'text/plain', 'Method not allowed');
    if (url.pathname === BRIDGE_PATH) return send(200, contentTypeFor(BRIDGE_PATH), bridge);
    if (url.pathname.startsWith('/media/') && options.mediaFor) {
      // An image the page drops (a row scrolled away) closes its request: the fetch behind it stops.
      const dropped = new AbortController();
      response.on('close', () => {
        if (!response.writableFinished) dropped.abort();
      });
      let media: { path: string; mimeType: string; size: number } | null;
      try {
        media = await options.mediaFor(url.pathname, dropped.signal);
      } catch (error) {
        if (dropped.signal.aborted || response.destroyed) return;
        options.logger.warn(`media ${url.pathname} failed`, error);
        return send(503, 'text/plain', 'The source could not send this file now.');
      }
      if (!media) return send(404, 'text/plain', 'Not on this computer, and the source has no such file.');
      if (response.destroyed) return;
      response.writeHead(200, { ...headers, ...MEDIA_HEADERS, 'content-type': media.mimeType, 'content-length': String(media.size) });
      return createReadStream(media.path).pipe(response);
    }
    if (url.pathname === '/' || url.pathname === '/index.html') return send(200, contentTypeFor('index.html'), indexHtml);
    const file = resolveStaticFile(root, url.pathname);
    if (!file) return send(404, 'text/plain', 'Not found');
    try {
      return send(200, contentTypeFor(file), await fs.readFile(file));
    } catch {
      return send(404, 'text/plain', 'Not found');
    }
  };
  // A request that fails past its own handling (a body stream cut off, an upload folder gone) is logged
  // and answered, never left as an unhandled rejection.
  const server = http.createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      options.logger.error(`${request.method ?? 'GET'} ${request.url ?? '/'} failed`, error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('The harness could not answer this request.');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new ScrollbackError('INTERNAL', 'The preview server did not start on a TCP port.');
  const port = address.port;
  expectedHost = `127.0.0.1:${port}`;
  return {
    url: `http://${expectedHost}/#token=${token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
