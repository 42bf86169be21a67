import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkDesktopEntry, linkRegistrationFor } from '../../electron/main/linkRegistration.ts';

const packed = { fromCheckout: false, appArgument: undefined, appImage: undefined };
const checkout = { fromCheckout: true, appArgument: '.', appImage: undefined };

describe('scrollback:// link registration on the three systems', () => {
  it('Windows: the app when packed; from a checkout Electron with the app folder (not Electron’s default app)', () => {
    expect(linkRegistrationFor({ platform: 'win32', execPath: 'C:\\Scrollback\\Scrollback.exe', ...packed })).toEqual({ kind: 'electron' });
    expect(linkRegistrationFor({ platform: 'win32', execPath: 'C:\\repo\\electron.exe', ...checkout })).toEqual({
      kind: 'electron',
      path: 'C:\\repo\\electron.exe',
      args: [path.resolve('.')],
    });
  });

  it('macOS: the app when packed (its Info.plist declares the scheme); nothing from a checkout, with the reason', () => {
    expect(
      linkRegistrationFor({ platform: 'darwin', execPath: '/Applications/Scrollback.app/Contents/MacOS/Scrollback', ...packed }),
    ).toEqual({
      kind: 'electron',
    });
    expect(
      linkRegistrationFor({
        platform: 'darwin',
        execPath: '/repo/node_modules/electron/dist/Electron.app/Contents/MacOS/Electron',
        ...checkout,
      }),
    ).toMatchObject({
      kind: 'none',
      why: expect.stringMatching(/Info\.plist/),
    });
  });

  it('Linux: the installed desktop entry for the deb; an entry of our own for an AppImage and for a checkout', () => {
    expect(linkRegistrationFor({ platform: 'linux', execPath: '/opt/Scrollback/scrollback', ...packed })).toEqual({ kind: 'electron' });
    expect(
      linkRegistrationFor({
        platform: 'linux',
        execPath: '/tmp/.mount_Scroll/scrollback',
        ...packed,
        appImage: '/home/ana/Scrollback.AppImage',
      }),
    ).toEqual({
      kind: 'desktopEntry',
      fileName: 'scrollback-appimage.desktop',
      exec: ['/home/ana/Scrollback.AppImage'],
    });
    expect(linkRegistrationFor({ platform: 'linux', execPath: '/repo/node_modules/electron/dist/electron', ...checkout })).toEqual({
      kind: 'desktopEntry',
      fileName: 'scrollback-checkout.desktop',
      exec: ['/repo/node_modules/electron/dist/electron', path.resolve('.')],
    });
    expect(
      linkRegistrationFor({ platform: 'linux', execPath: 'electron', fromCheckout: true, appArgument: undefined, appImage: undefined })
        .kind,
    ).toBe('none');
  });

  it('the desktop entry quotes its command as the spec says and takes the link as %u', () => {
    const entry = linkDesktopEntry(['/home/ana/My "Apps"/Scrollback.AppImage']);
    expect(entry).toContain('Exec="/home/ana/My \\"Apps\\"/Scrollback.AppImage" %u\n');
    expect(entry).toContain('MimeType=x-scheme-handler/scrollback;\n');
    expect(entry.startsWith('[Desktop Entry]\n')).toBe(true);
  });
});
