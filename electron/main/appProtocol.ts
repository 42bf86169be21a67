import fs from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy.ts';
import { contentTypeFor, resolveStaticFile } from '../core/app/staticFiles.ts';
import { byteRangeOf } from '../core/app/byteRange.ts';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://scrollback`;

/**
 * Must run before the app is ready: app:// behaves like a secure web origin (not file://), and streams (a
 * video or voice message plays while it is read, and seeks with Range requests).
 */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/**
 * Serves the built renderer from `rendererFolder` with the CSP header, and `media/…` from the files the
 * media store recorded (`mediaFor`, which may fetch a thumbnail first); nothing else.
 */
export function serveRendererOverAppProtocol(
  rendererFolder: string,
  mediaFor: (pathname: string, signal: AbortSignal) => Promise<{ path: string; mimeType: string; size: number } | null>,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host === 'scrollback' && url.pathname.startsWith('/media/')) {
      let media: { path: string; mimeType: string; size: number } | null;
      try {
        media = await mediaFor(url.pathname, request.signal);
      } catch {
        return new Response('The source could not send this file now.', { status: 503 });
      }
      if (!media) return new Response('Not on this computer, and the source has no such file.', { status: 404 });
      const headers = {
        'content-type': media.mimeType,
        'accept-ranges': 'bytes',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'",
        'cache-control': 'private, max-age=3600',
      };
      // A seek in a video or voice message asks for a part of the file: only that part is read.
      const range = byteRangeOf(request.headers.get('range'), media.size);
      if (range.kind === 'unsatisfiable')
        return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${media.size}` } });
      const part = range.kind === 'part' ? range : { start: 0, end: media.size - 1 };
      const body = media.size === 0 ? null : (Readable.toWeb(createReadStream(media.path, part)) as ReadableStream);
      return new Response(body, {
        status: range.kind === 'part' ? 206 : 200,
        headers: {
          ...headers,
          'content-length': String(media.size === 0 ? 0 : part.end - part.start + 1),
          ...(range.kind === 'part' ? { 'content-range': `bytes ${part.start}-${part.end}/${media.size}` } : {}),
        },
      });
    }
    const file = url.host === 'scrollback' ? resolveStaticFile(rendererFolder, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: {
          'content-type': contentTypeFor(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
