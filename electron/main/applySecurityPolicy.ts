import { app, session, shell, type WebContents } from 'electron';
import { isSafeExternalUrl } from '../../shared/isSafeExternalUrl.ts';

/**
 * Electron's security checklist, applied to every web contents: no permissions, no navigation away from
 * the app, no new windows; http(s) links the user clicks go to the system browser, anything else nowhere.
 */
export function applySecurityPolicy(isAppUrl: (url: string) => boolean): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
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
