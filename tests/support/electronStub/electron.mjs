// A stand-in for Electron's main-process API that records what the app does with it, then reports.
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';

// STUB_PLATFORM=win32|darwin: the app's platform branches as on that system (Node's own modules stay as they are).
if (process.env.STUB_PLATFORM) Object.defineProperty(process, 'platform', { value: process.env.STUB_PLATFORM });

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
const appListeners = new Map();
const emitApp = (event, ...args) => (appListeners.get(event) ?? []).forEach((listener) => listener(...args));
/** STUB_SECOND_INSTANCE=1: another instance holds the single-instance lock. */
const secondInstance = process.env.STUB_SECOND_INSTANCE === '1';
/** Whether sharp's libvips is loaded into this process (Linux: its memory map), null where that cannot be read. */
const libvipsMapped = () =>
  process.platform === 'linux'
    ? fs
        .readFileSync('/proc/self/maps', 'utf8')
        .split('\n')
        .some((line) => /libvips|sharp-/.test(line))
    : null;
const printReport = () => process.stdout.write(`STUB_REPORT ${JSON.stringify(report)}\n`);
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
  requestSingleInstanceLock: () => !secondInstance,
  releaseSingleInstanceLock() {
    report.lockReleased = true;
  },
  setAsDefaultProtocolClient(scheme) {
    report.protocolClients = [...(report.protocolClients ?? []), scheme];
    return true;
  },
  on(event, listener) {
    report.events.push(event);
    appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
    return app;
  },
  quit() {},
  // Electron's app.exit ends the process at once.
  exit(code) {
    report.exitCode = code;
    // The losing instance ends here: what it did before is the report.
    if (secondInstance) {
      report.userDataFiles = fs.readdirSync(userData);
      printReport();
    }
    // STUB_EXIT_REPORT=1 (the app binary as the command line): what the process drew, and with what.
    if (process.env.STUB_EXIT_REPORT === '1')
      process.stdout.write(
        `STUB_EXIT ${JSON.stringify({ libvipsMapped: libvipsMapped(), imageDrawings: report.imageDrawings, windows: report.windows.length })}\n`,
      );
    process.exit(code);
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
// One 1920 × 1080 display (a work area under a 40 px top panel).
const display = { id: 1, workArea: { x: 0, y: 40, width: 1920, height: 1040 } };
export const screen = { getPrimaryDisplay: () => display, getAllDisplays: () => [display] };
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
    const contentsListeners = {};
    this.contentsListeners = contentsListeners;
    this.webContents = {
      send: (channel, payload) => (report.sent ??= []).push(payload),
      executeJavaScript: (code) => runInChromium(code),
      on: (event, listener) => (contentsListeners[event] ??= []).push(listener),
      emit: (event, ...args) => (contentsListeners[event] ?? []).forEach((listener) => listener(...args)),
      isLoading: () => false,
      reload: () => (report.reloads = (report.reloads ?? 0) + 1),
      isDestroyed: () => this.destroyed,
    };
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  focus() {}
  setProgressBar() {}
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
    // A window opened later (a link with no window open): its page loads, and what main sends it is recorded.
    if (report.windows.length > 1) {
      setImmediate(() => this.webContents.emit('did-finish-load'));
      return;
    }
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
      report.libvipsMapped = libvipsMapped();
      if (chromiumPage) await (await chromiumPage).browser.close();
      if (process.env.STUB_SCENARIOS === '1') await playScenarios(this);
      printReport();
      process.exit(0);
    }, 50);
  }
}

/** After the start: what happens to a running app (STUB_SCENARIOS=1), recorded in the report. */
async function playScenarios(mainWindow) {
  // The window's process crashes: main logs it (app's render-process-gone) and reloads the page.
  const crash = { reason: 'crashed', exitCode: 139 };
  emitApp('render-process-gone', {}, mainWindow.webContents, crash);
  mainWindow.webContents.emit('render-process-gone', {}, crash);
  // The window is closed (macOS keeps the app running), then a link arrives: a window opens and the link is
  // delivered to it once its page has loaded.
  mainWindow.destroy();
  report.sent = [];
  emitApp('open-url', { preventDefault() {} }, 'scrollback://message?chat=3&id=41');
  for (let turn = 0; turn < 1000 && !report.sent.some((event) => event.kind === 'openMessage'); turn++)
    await new Promise((resolve) => setImmediate(resolve));
}
export const WebContents = class {};
export const WebFrameMain = class {};
export default { app, protocol, ipcMain, session, shell, dialog, nativeTheme, safeStorage, Menu, BrowserWindow, Notification, screen };
