import path from 'node:path';

export const LINK_SCHEME = 'scrollback';

/** How this run registers itself for `scrollback://` links. */
export type LinkRegistration =
  /** app.setAsDefaultProtocolClient with these arguments. */
  | { kind: 'electron'; path?: string; args?: string[] }
  /** A desktop entry of our own (Linux, where no installed one names this binary), made the scheme's default. */
  | { kind: 'desktopEntry'; fileName: string; exec: string[] }
  /** Nothing can be registered from this run; `why` is logged. */
  | { kind: 'none'; why: string };

/**
 * How links reach this app, by platform and by how it runs (Electron's documented recipes):
 * - Windows and macOS, packed: the app itself (the registry; the Info.plist electron-builder wrote from `protocols`).
 * - Windows from a checkout: the running binary is bare Electron, so it is registered with the app's folder as
 *   its argument, or Windows would open Electron's default app. macOS from a checkout: Electron.app's
 *   Info.plist does not declare the scheme and cannot be changed at run time, so nothing is registered.
 * - Linux, deb: Electron registers the installed desktop entry (package.json's desktopName), whose MimeType
 *   electron-builder filled from `protocols`. An AppImage or a checkout has no installed entry naming this
 *   binary: a desktop entry of our own is written (Exec: the AppImage, or Electron with the app's folder) and
 *   made the scheme's default with xdg-mime.
 */
export function linkRegistrationFor(run: {
  platform: NodeJS.Platform;
  /** process.defaultApp: Electron started with an app folder (a checkout, `npm start`/`npm run dev`). */
  fromCheckout: boolean;
  execPath: string;
  /** process.argv[1] from a checkout: the app's folder or main script. */
  appArgument: string | undefined;
  /** $APPIMAGE inside an AppImage: the file the user runs. */
  appImage: string | undefined;
}): LinkRegistration {
  const appFolder = run.fromCheckout && run.appArgument ? path.resolve(run.appArgument) : null;
  if (run.fromCheckout && !appFolder) return { kind: 'none', why: 'started from a checkout without an app folder argument' };
  switch (run.platform) {
    case 'win32':
      return appFolder ? { kind: 'electron', path: run.execPath, args: [appFolder] } : { kind: 'electron' };
    case 'darwin':
      return appFolder
        ? {
            kind: 'none',
            why: "from a checkout on macOS, Electron.app's Info.plist does not declare scrollback:// (the packed app's does)",
          }
        : { kind: 'electron' };
    default:
      if (appFolder) return { kind: 'desktopEntry', fileName: 'scrollback-checkout.desktop', exec: [run.execPath, appFolder] };
      if (run.appImage) return { kind: 'desktopEntry', fileName: 'scrollback-appimage.desktop', exec: [run.appImage] };
      return { kind: 'electron' };
  }
}

/** A desktop entry that opens `scrollback://` links with `exec` (quoted as the Desktop Entry spec says). */
export function linkDesktopEntry(exec: readonly string[]): string {
  const quote = (argument: string) => `"${argument.replace(/[\\"`$]/g, (character) => `\\${character}`)}"`;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Scrollback',
    `Exec=${exec.map(quote).join(' ')} %u`,
    'NoDisplay=true',
    'Terminal=false',
    `MimeType=x-scheme-handler/${LINK_SCHEME};`,
    '',
  ].join('\n');
}
