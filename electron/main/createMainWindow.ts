import path from 'node:path';
import { BrowserWindow, nativeTheme } from 'electron';
import { mainWindowWebPreferences } from './mainWindowWebPreferences.ts';
import { readWindowState, writeWindowState } from './windowState.ts';

export function createMainWindow(options: { preloadPath: string; stateFolder: string; url: string }): BrowserWindow {
  const state = readWindowState(options.stateFolder);
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
