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
 * Serves the built renderer from `rendererFolder` with the CSP header, and `media/<chat>/<message>` from
 * the files imports recorded (`mediaFor`); nothing else.
 */
export function serveRendererOverAppProtocol(
  rendererFolder: string,
  mediaFor: (pathname: string) => { path: string; contentType: string } | null,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const media = url.host === 'scrollback' && url.pathname.startsWith('/media/') ? mediaFor(url.pathname) : null;
    if (media) {
      const body = Readable.toWeb(createReadStream(media.path)) as ReadableStream;
      return new Response(body, {
        headers: {
          'content-type': media.contentType,
          'x-content-type-options': 'nosniff',
          'content-security-policy': "default-src 'none'",
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
