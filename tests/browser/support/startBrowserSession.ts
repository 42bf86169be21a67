import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { createCoreHandlers } from '../../../electron/core/app/createCoreHandlers.ts';
import { createMemorySecretStore } from '../../../electron/core/base/SecretStore.ts';
import { openScrollbackCore, type ScrollbackCore } from '../../../electron/core/app/openScrollbackCore.ts';
import { startLoopbackHarness, type LoopbackHarness } from '../../../electron/harness/startLoopbackHarness.ts';
import { createHarnessFileTransfers } from '../../../electron/harness/createHarnessFileTransfers.ts';
import type { Logger } from '../../../electron/core/base/Logger.ts';
import { createTelegramLogin } from '../../../electron/core/sources/telegram/createTelegramLogin.ts';
import type { FakeTelegram } from '../../support/fakeTelegram.ts';
import { fakeTelegramClient } from '../../support/fakeTelegramClient.ts';
import type { DemoPace, DemoRequestEvent } from '../../../electron/core/sources/demo/createDemoSource.ts';
import type { Clock } from '../../../electron/core/sources/createRequestLimiter.ts';
import { saveTelegramAccount } from '../../../electron/core/sources/telegram/saveTelegramAccount.ts';
import { telegramSessionKey } from '../../../electron/core/sources/telegram/createTelegramSessionVault.ts';

const root = path.resolve(import.meta.dirname, '../../..');
/** The built renderer; SCROLLBACK_RENDERER points at another build (an engineer's own, while others build theirs). */
export const rendererFolder = process.env.SCROLLBACK_RENDERER ?? path.join(root, 'out/renderer');
export const artifactsFolder = path.join(root, 'tests/artifacts');

/** The system Chromium (Debian's here), or Playwright's own browser where one is installed. */
export function chromiumExecutable(): string | undefined {
  if (process.env.SCROLLBACK_CHROMIUM) return process.env.SCROLLBACK_CHROMIUM;
  return fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Why browser tests cannot run here, or null when they can. */
export function browserSkipReason(): string | null {
  if (!fs.existsSync(path.join(rendererFolder, 'index.html')))
    return 'the renderer is not built (npm test builds it first: run `npm run build`)';
  const executable = chromiumExecutable();
  if (executable && !fs.existsSync(executable)) return `SCROLLBACK_CHROMIUM points at ${executable}, which does not exist`;
  if (!executable && !fs.existsSync(chromium.executablePath())) return "no Chromium: install Debian's chromium or set SCROLLBACK_CHROMIUM";
  return null;
}

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Wheel ticks scroll at once, so each tick's movement can be measured against what it asked for.
  '--disable-smooth-scrolling',
];

export interface BrowserSession {
  core: ScrollbackCore;
  harness: LoopbackHarness;
  browser: Browser;
  page: Page;
  folder: string;
  /** Uncaught errors in the page, collected so tests can require there were none. */
  pageErrors: string[];
  /** The demo source's request log, in order: each request when it was queued and when it was sent. */
  demoRequests: DemoRequestEvent[];
  /** URLs the window asked main to open in the system browser. */
  openedLinks: string[];
  /** Set to make every source request fail with this error (offline, rate limited); null to restore. */
  setSourceFailure(error: Error | null): void;
  chatIdOf(messageCount: number): number;
  /** What the next native open dialog answers (null: the user cancels it). */
  dialogs: { openPaths: string[] | null; savePath: string | null };
  /** Files main was asked to show in the system file manager. */
  shownInFolder: string[];
  /** Every line the core and handlers logged (to check no secret ever reaches a log). */
  logs: string[];
  close(): Promise<void>;
}

/** The real renderer in the real Chromium, on the real core over the loopback harness, with the demo archive. */
export async function startBrowserSession(
  options: {
    latencyMs?: number;
    /** The demo answering at a real account's pace (demoPaces.telegram); default fast. */
    demoPace?: DemoPace | null;
    viewport?: { width: number; height: number };
    colorScheme?: 'light' | 'dark';
    /** A fake Telegram behind the login and the accounts, with the session string its logins produce. */
    telegram?: { fake: FakeTelegram; session: string; clock?: Clock };
    /** A Telegram account already logged in (its chats listed), instead of logging in through the window. */
    telegramAccount?: boolean;
    /** As `npm run preview:web` runs: no native dialogs; imports are uploaded and exports downloaded. */
    preview?: boolean;
  } = {},
): Promise<BrowserSession> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scrollback-browser-'));
  let failure: Error | null = null;
  const openedLinks: string[] = [];
  const secrets = createMemorySecretStore();
  const dialogs: BrowserSession['dialogs'] = { openPaths: null, savePath: null };
  const shownInFolder: string[] = [];
  const logs: string[] = [];
  const demoRequests: DemoRequestEvent[] = [];
  const record = (level: string) => (message: string, error?: unknown) =>
    void logs.push(`${level} ${message} ${error instanceof Error ? `${error.message}\n${error.stack}` : String(error ?? '')}`);
  const logger: Logger = { info: record('info'), warn: record('warn'), error: record('error') };
  const telegramFake = options.telegram;
  const core = openScrollbackCore({
    secrets,
    databasePath: path.join(folder, 'browser.db'),
    logger,
    telegram: telegramFake
      ? {
          clientFor: (_record, session) => (session ? fakeTelegramClient(telegramFake.fake, session.session) : null),
          connects: false,
          pacingMs: 0,
          ...(telegramFake.clock ? { clock: telegramFake.clock } : {}),
          login: createTelegramLogin({ newClient: () => fakeTelegramClient(telegramFake.fake, telegramFake.session) }),
        }
      : undefined,
    demo: {
      latencyMs: options.latencyMs ?? 0,
      failure: () => failure,
      pace: options.demoPace ?? null,
      onRequest: (event) => void demoRequests.push(event),
    },
    listen: true,
  });
  await core.setUpDemo();
  if (telegramFake && options.telegramAccount) {
    const sourceId = saveTelegramAccount(core.providerContext, { userId: '42', name: 'Ana', apiId: 12345 });
    secrets.set(telegramSessionKey(sourceId), JSON.stringify({ session: telegramFake.session, apiHash: 'fake' }), { allowWeak: true });
    await core.refreshChats(sourceId);
    await core.live.listen();
  }
  const transfers = options.preview ? createHarnessFileTransfers(path.join(folder, 'transfers')) : undefined;
  const harness = await startLoopbackHarness({
    handlers: createCoreHandlers(core, {
      version: 'test',
      openExternalLink: (url) => void openedLinks.push(url),
      chooseFilesToImport: async () => dialogs.openPaths,
      chooseExportTarget: async (suggestedName) => (transfers ? transfers.exportTarget(suggestedName) : dialogs.savePath),
      showInFolder: (file) => void shownInFolder.push(file),
      logger,
    }),
    rendererFolder,
    logger,
    events: core.events,
    transfers,
    mediaFor: (pathname, signal) => core.mediaFileFor(pathname, signal),
  });
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_FLAGS, headless: true });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    locale: 'en-GB',
    timezoneId: 'Europe/Lisbon',
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(harness.url);
  return {
    core,
    harness,
    browser,
    page,
    folder,
    pageErrors,
    demoRequests,
    openedLinks,
    dialogs,
    shownInFolder,
    logs,
    setSourceFailure(error) {
      failure = error;
    },
    chatIdOf(messageCount) {
      return core.listChats().find((chat) => chat.messageCount === messageCount)!.id;
    },
    async close() {
      await browser.close();
      await harness.close();
      await core.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(artifactsFolder, { recursive: true });
  const file = path.join(artifactsFolder, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
