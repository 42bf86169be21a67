import { Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { AppEvent, MenuCommand } from '../../shared/ipc/events.ts';
import { appEventChannel } from '../../shared/ipc/methods.ts';
import { mainT } from './mainTranslator.ts';

/** What the Help menu does; main supplies it (it knows the folders and the versions). */
export interface HelpActions {
  logFolder: string;
  showAbout(): void;
  reportProblem(): void;
}

export function buildAppMenu(getWindow: () => BrowserWindow | null, isDevelopment: boolean, help: HelpActions): Menu {
  const t = mainT();
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
              { label: t('menu.about'), click: help.showAbout },
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
      label: t('menu.file'),
      submenu: [
        { label: t('menu.file.import'), accelerator: 'CmdOrCtrl+O', registerAccelerator: false, click: send('importFiles') },
        { label: t('menu.file.export'), accelerator: 'CmdOrCtrl+E', registerAccelerator: false, click: send('exportChat') },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: t('menu.go'),
      submenu: [
        { label: t('menu.go.jumpToDate'), accelerator: 'CmdOrCtrl+G', registerAccelerator: false, click: send('jumpToDate') },
        { label: t('menu.go.jumpToLatest'), accelerator: 'CmdOrCtrl+End', registerAccelerator: false, click: send('jumpToLatest') },
        { label: t('menu.go.filterChats'), accelerator: 'CmdOrCtrl+K', registerAccelerator: false, click: send('focusChatFilter') },
        { type: 'separator' },
        { label: t('menu.go.find'), accelerator: 'CmdOrCtrl+F', registerAccelerator: false, click: send('find') },
        { label: t('menu.go.findAll'), accelerator: 'CmdOrCtrl+Shift+F', registerAccelerator: false, click: send('findAll') },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        { label: t('menu.view.toggleSidebar'), accelerator: 'CmdOrCtrl+B', registerAccelerator: false, click: send('toggleSidebar') },
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
        { label: t('menu.help.logFolder'), click: () => void shell.openPath(help.logFolder) },
        { label: t('menu.help.report'), click: help.reportProblem },
        ...(process.platform === 'darwin' ? [] : [{ type: 'separator' as const }, { label: t('menu.about'), click: help.showAbout }]),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
