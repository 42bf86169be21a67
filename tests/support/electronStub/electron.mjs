// A stand-in for Electron's main-process API that records what the app does with it, then reports.
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';

const report = {
  schemes: [],
  protocolHandlers: {},
  ipcChannels: [],
  ipcListeners: [],
  windows: [],
  menu: null,
  permissionHandler: false,
  events: [],
};
const handlers = new Map();
const listeners = new Map();
const userData = process.env.STUB_USER_DATA ?? fs.mkdtempSync(path.join(os.tmpdir(), 'stub-electron-'));

export const app = {
  setName(name) {
    report.name = name;
  },
  getPath(name) {
    if (name !== 'userData') throw new Error(`stub: no path ${name}`);
    return userData;
  },
  getVersion: () => '0.0.0-stub',
  isPackaged: process.env.STUB_PACKAGED === '1',
  setAppUserModelId(id) {
    report.appUserModelId = id;
  },
  requestSingleInstanceLock: () => true,
  setAsDefaultProtocolClient(scheme) {
    report.protocolClients = [...(report.protocolClients ?? []), scheme];
    return true;
  },
  on(event) {
    report.events.push(event);
    return app;
  },
  quit() {},
  exit(code) {
    report.exitCode = code;
  },
  whenReady: () => Promise.resolve(),
};
export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    report.schemes.push(...schemes.map((s) => s.scheme));
  },
  handle(scheme, handler) {
    report.protocolHandlers[scheme] = handler;
  },
};
export const ipcMain = {
  handle(channel, handler) {
    report.ipcChannels.push(channel);
    handlers.set(channel, handler);
  },
  on(channel, listener) {
    report.ipcListeners.push(channel);
    listeners.set(channel, listener);
  },
};
export const session = {
  defaultSession: {
    setPermissionRequestHandler() {
      report.permissionHandler = true;
    },
    setPermissionCheckHandler() {},
  },
};
export const crashReporter = {
  start(options) {
    report.crashReporter = options;
  },
};
export const clipboard = { writeText() {} };
export const shell = { openExternal: async () => {}, showItemInFolder() {} };
export class Notification {
  static isSupported() {
    return false;
  }
  on() {}
  show() {}
}
export const dialog = {
  showErrorBox(title, message) {
    report.errorBox = { title, message };
  },
};
export const nativeTheme = { shouldUseDarkColors: false };
export const safeStorage = {
  isEncryptionAvailable: () => false,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: () => Buffer.alloc(0),
  decryptString: () => '',
};
export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu(menu) {
    report.menu = menu.template.map((item) => item.label ?? item.role);
  },
};
export class BrowserWindow {
  constructor(options) {
    this.options = options;
    report.windows.push({ options });
    this.webContents = { send() {} };
  }
  static getAllWindows() {
    return [];
  }
  maximize() {}
  once() {}
  on() {}
  getNormalBounds() {
    return { x: 0, y: 0, width: 1, height: 1 };
  }
  isMaximized() {
    return false;
  }
  async loadURL(url) {
    report.windows[report.windows.length - 1].url = url;
    // Everything is registered by now: exercise it and print the report.
    setTimeout(async () => {
      const serve = report.protocolHandlers.app;
      const page = await serve(new Request('app://scrollback/index.html'));
      report.page = {
        status: page.status,
        csp: page.headers.get('content-security-policy'),
        type: page.headers.get('content-type'),
        html: (await page.text()).slice(0, 200),
      };
      report.traversal = (await serve(new Request('app://scrollback/..%2f..%2fpackage.json'))).status;
      const trusted = { senderFrame: { parent: null, url: 'app://scrollback/index.html' } };
      const untrusted = { senderFrame: { parent: null, url: 'https://evil.example/' } };
      report.listChats = await handlers.get('scrollback:listChats')(trusted, undefined);
      report.untrusted = await handlers.get('scrollback:listChats')(untrusted, undefined);
      report.preloadExists = fs.existsSync(report.windows[0].options.webPreferences.preload);
      process.stdout.write(`STUB_REPORT ${JSON.stringify(report)}\n`);
      process.exit(0);
    }, 50);
  }
}
export const WebContents = class {};
export const WebFrameMain = class {};
export default { app, protocol, ipcMain, session, shell, dialog, nativeTheme, safeStorage, Menu, BrowserWindow, Notification };
