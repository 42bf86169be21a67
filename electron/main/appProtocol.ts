import fs from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy.ts';
import { contentTypeFor, resolveStaticFile } from '../core/app/staticFiles.ts';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://scrollback`;

/** Must run before the app is ready: app:// behaves like a secure web origin (not file://). */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
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
      const body = Readable.toWeb(createReadStream(media.path)) as ReadableStream;
      return new Response(body, {
        headers: {
          'content-type': media.mimeType,
          'content-length': String(media.size),
          'x-content-type-options': 'nosniff',
          'content-security-policy': "default-src 'none'",
          'cache-control': 'private, max-age=3600',
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
