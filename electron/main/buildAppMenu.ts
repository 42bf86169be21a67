import { Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { AppEvent, MenuCommand } from '../../shared/ipc/events.ts';
import { appEventChannel } from '../../shared/ipc/methods.ts';

/** What the Help menu does; main supplies it (it knows the folders and the versions). */
export interface HelpActions {
  logFolder: string;
  showAbout(): void;
  reportProblem(): void;
}

export function buildAppMenu(getWindow: () => BrowserWindow | null, isDevelopment: boolean, help: HelpActions): Menu {
  const send = (command: MenuCommand) => () => {
    const event: AppEvent = { kind: 'menuCommand', command };
    getWindow()?.webContents.send(appEventChannel, event);
  };
  // The window handles these shortcuts itself (they work in the browser harness too); the menu shows
  // them and sends the command when clicked, without registering the keys a second time.
  const template: MenuItemConstructorOptions[] = [
    // macOS: About sits in the app menu, as on every Mac app.
    ...(process.platform === 'darwin'
      ? [
          {
            role: 'appMenu' as const,
            submenu: [
              { label: 'About Scrollback', click: help.showAbout },
              { type: 'separator' as const },
              { role: 'services' as const },
              { type: 'separator' as const },
              { role: 'hide' as const },
              { role: 'hideOthers' as const },
              { role: 'unhide' as const },
              { type: 'separator' as const },
              { role: 'quit' as const },
            ],
          },
        ]
      : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', registerAccelerator: false, click: send('importFiles') },
        { label: 'Export Chat…', accelerator: 'CmdOrCtrl+E', registerAccelerator: false, click: send('exportChat') },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&Go',
      submenu: [
        { label: 'Jump to Date…', accelerator: 'CmdOrCtrl+G', registerAccelerator: false, click: send('jumpToDate') },
        { label: 'Jump to Latest', accelerator: 'CmdOrCtrl+End', registerAccelerator: false, click: send('jumpToLatest') },
        { label: 'Filter Chats', accelerator: 'CmdOrCtrl+K', registerAccelerator: false, click: send('focusChatFilter') },
        { type: 'separator' },
        { label: 'Find in Chat…', accelerator: 'CmdOrCtrl+F', registerAccelerator: false, click: send('find') },
        { label: 'Find in All Chats…', accelerator: 'CmdOrCtrl+Shift+F', registerAccelerator: false, click: send('findAll') },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Show or Hide Chat List', accelerator: 'CmdOrCtrl+B', registerAccelerator: false, click: send('toggleSidebar') },
        { type: 'separator' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'resetZoom' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isDevelopment ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        // The log a user can send with a report: every unexpected error is there with its stack.
        { label: 'Open Log Folder', click: () => void shell.openPath(help.logFolder) },
        { label: 'Report a Problem…', click: help.reportProblem },
        ...(process.platform === 'darwin' ? [] : [{ type: 'separator' as const }, { label: 'About Scrollback', click: help.showAbout }]),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
