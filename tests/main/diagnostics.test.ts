import { describe, expect, it } from 'vitest';
import { collectDiagnostics, diagnosticsText, withoutHome } from '../../electron/main/diagnostics.ts';

describe('About Scrollback and Copy diagnostics', () => {
  it('show the app, Electron, Chromium and Node versions, the system and both folders, with the home folder as ~', () => {
    const home = '/home/ana';
    expect(withoutHome('/home/ana/.config/Scrollback', home)).toBe('~/.config/Scrollback');
    expect(withoutHome('/home/anabel/x', home)).toBe('/home/anabel/x');
    expect(withoutHome('C:\\Users\\ana\\AppData', 'C:\\Users\\ana')).toBe('~\\AppData');
    const text = diagnosticsText({
      version: '1.4.0',
      electron: '45.6.1',
      chromium: '142.0.7444.52',
      node: '22.20.0',
      os: 'Linux 6.8.0 (linux x64)',
      dataFolder: '~/.config/Scrollback',
      logFolder: '~/.config/Scrollback/logs',
    });
    expect(text.split('\n')).toEqual([
      'Scrollback 1.4.0',
      'Electron 45.6.1, Chromium 142.0.7444.52, Node 22.20.0',
      'System: Linux 6.8.0 (linux x64)',
      'Data folder: ~/.config/Scrollback',
      'Logs: ~/.config/Scrollback/logs',
    ]);
    const collected = collectDiagnostics('1.4.0', '/srv/data', '/srv/data/logs');
    expect(collected).toMatchObject({ version: '1.4.0', node: process.versions.node, dataFolder: '/srv/data' });
  });
});
