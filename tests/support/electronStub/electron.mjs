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
  imageDrawings: 0,
};
const handlers = new Map();
let ready = false;
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
  whenReady: () => {
    ready = true;
    return Promise.resolve();
  },
  isReady: () => ready,
  getPreferredSystemLanguages: () => ['en-US'],
  getLocale: () => 'en-US',
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
// Linux without a keyring (basic_text) and no consent recorded: no encryption.
export const safeStorage = {
  isEncryptionAvailable: () => false,
  isAsyncEncryptionAvailable: async () => false,
  encryptStringAsync: async () => {
    throw new Error('Encryption is not available.');
  },
  decryptStringAsync: async () => {
    throw new Error('Decryption is not available.');
  },
  setUsePlainTextEncryption() {},
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
/**
 * A hidden page's executeJavaScript, as Electron's renderer would run it: in a real Chromium page (Playwright,
 * the system's Chromium), so the code the app sends into its image page is run for real. Opened on first use.
 */
let chromiumPage = null;
async function runInChromium(code) {
  chromiumPage ??= (async () => {
    const { chromium } = await import('@playwright/test');
    const executablePath = process.env.SCROLLBACK_CHROMIUM ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    return { browser, page: await browser.newPage() };
  })();
  const { page } = await chromiumPage;
  report.imageDrawings++;
  return page.evaluate(code);
}

export class BrowserWindow {
  constructor(options) {
    this.options = options;
    this.listeners = {};
    this.destroyed = false;
    this.webContents = { send() {}, executeJavaScript: (code) => runInChromium(code) };
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    for (const listener of this.listeners.closed ?? []) listener();
  }
  static getAllWindows() {
    return [];
  }
  maximize() {}
  once() {}
  on(event, listener) {
    (this.listeners[event] ??= []).push(listener);
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1, height: 1 };
  }
  isMaximized() {
    return false;
  }
  async loadURL(url) {
    // The hidden image page (about:blank, never shown) is not the app's window.
    if (url === 'about:blank') {
      report.imagePages = (report.imagePages ?? 0) + 1;
      return;
    }
    report.windows.push({ options: this.options, url });
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
      // A picture drawn now (the first chat's photo, rendered from the demo's SVG), then: is libvips in this process?
      const firstChat = report.listChats.ok ? report.listChats.value[0] : null;
      if (firstChat) {
        const avatar = await serve(new Request(`app://scrollback/media/${firstChat.id}/avatar`));
        const bytes = new Uint8Array(await avatar.arrayBuffer());
        report.avatar = { status: avatar.status, type: avatar.headers.get('content-type'), jpeg: bytes[0] === 0xff && bytes[1] === 0xd8 };
      }
      report.libvipsMapped =
        process.platform === 'linux'
          ? fs
              .readFileSync('/proc/self/maps', 'utf8')
              .split('\n')
              .filter((line) => /libvips|sharp-/.test(line)).length > 0
          : null;
      if (chromiumPage) await (await chromiumPage).browser.close();
      process.stdout.write(`STUB_REPORT ${JSON.stringify(report)}\n`);
      process.exit(0);
    }, 50);
  }
}
export const WebContents = class {};
export const WebFrameMain = class {};
export default { app, protocol, ipcMain, session, shell, dialog, nativeTheme, safeStorage, Menu, BrowserWindow, Notification };
