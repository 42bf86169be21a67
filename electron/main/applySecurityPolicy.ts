import { app, session, shell, type WebContents } from 'electron';
import { isSafeExternalUrl } from '../../shared/isSafeExternalUrl.ts';

/**
 * Electron's security checklist, applied to every web contents: no permissions but full screen for the app's
 * own page (a video's full-screen button), no navigation away from the app, no new windows; http(s) links the
 * user clicks go to the system browser, anything else nowhere.
 */
export function applySecurityPolicy(isAppUrl: (url: string) => boolean): void {
  const allowed = (permission: string, url: string) => permission === 'fullscreen' && isAppUrl(url);
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(allowed(permission, details.requestingUrl || contents.getURL())),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowed(permission, `${requestingOrigin.replace(/\/$/, '')}/`),
  );
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

export async function openExternalLink(url: string): Promise<void> {
  if (!isSafeExternalUrl(url)) return;
  await shell.openExternal(url);
}
