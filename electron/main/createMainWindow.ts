import path from 'node:path';
import { BrowserWindow, nativeTheme, screen } from 'electron';
import { mainWindowWebPreferences } from './mainWindowWebPreferences.ts';
import { placeOnDisplays, readWindowState, writeWindowState } from './windowState.ts';

export function createMainWindow(options: { preloadPath: string; stateFolder: string; url: string }): BrowserWindow {
  // The primary display first: a saved place on no connected display opens there.
  const primary = screen.getPrimaryDisplay();
  const displays = [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)];
  const state = placeOnDisplays(
    readWindowState(options.stateFolder),
    displays.map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    width: state.width,
    height: state.height,
    x: state.x,
    y: state.y,
    minWidth: 640,
    minHeight: 420,
    show: false,
    title: 'Scrollback',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#17191c' : '#ffffff',
    webPreferences: { ...mainWindowWebPreferences, preload: path.resolve(options.preloadPath) },
  });
  // Maximised only once ready: maximize() before that shows the window early, blank.
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    writeWindowState(options.stateFolder, { ...bounds, maximized: window.isMaximized() });
  });
  void window.loadURL(options.url);
  return window;
}
