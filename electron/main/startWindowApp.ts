import path from 'node:path';
import { app, BrowserWindow, crashReporter, dialog, Menu, shell, type WebFrameMain } from 'electron';
import { createCoreHandlers } from '../core/app/createCoreHandlers.ts';
import { createStderrLogger, type Logger } from '../core/base/Logger.ts';
import { createFileLogger, logFolderOf } from '../core/app/createFileLogger.ts';
import { rememberingSecrets } from '../core/base/SecretStore.ts';
import { openScrollbackCore, type ScrollbackCore } from '../core/app/openScrollbackCore.ts';
import { resolveDatabasePath } from '../core/app/resolveDatabasePath.ts';
import { ScrollbackError } from '../../shared/errors.ts';
import { appEventChannel } from '../../shared/ipc/methods.ts';
import { APP_ORIGIN, registerAppSchemeAsPrivileged, serveRendererOverAppProtocol } from './appProtocol.ts';
import { applySecurityPolicy, openExternalLink } from './applySecurityPolicy.ts';
import { buildAppMenu } from './buildAppMenu.ts';
import { createMainWindow } from './createMainWindow.ts';
import { registerIpcHandlers } from './registerIpcHandlers.ts';
import { openSafeStorageSecretStore } from './openSafeStorageSecretStore.ts';
import { chooseExportTarget, chooseFilesToImport } from './nativeDialogs.ts';
import { parseMessageLink } from '../../shared/messageLink.ts';
import type { AppEvent } from '../../shared/ipc/events.ts';
import { APP_ID, newIssueUrl } from '../../shared/appIdentity.ts';
import { collectDiagnostics, diagnosticsText } from './diagnostics.ts';
import { showAboutDialog } from './showAboutDialog.ts';
import { startAppUpdates, type AppUpdates } from './startAppUpdates.ts';
import { showExportNotification } from './showExportNotification.ts';
import { useImageBackend } from '../core/files/imageCodec.ts';
import { limitOpenMediaRequests } from '../core/app/limitOpenMediaRequests.ts';
import { quitWithDeadline } from './quitWithDeadline.ts';
import { trackRunningJobs } from './trackRunningJobs.ts';
import { registerLinkHandler } from './registerLinkHandler.ts';
import { createChromiumImageBackend } from './chromiumImageBackend.ts';
import { followWindowLanguage, mainT } from './mainTranslator.ts';

/** More than the thumbnails a tall window shows at once (a gallery tab's grid); a minute for any one. */
const MEDIA_REQUEST_LIMITS = { maxOpen: 64, timeoutMs: 60_000 };

/** Reloads of a window whose process crashed, before it is left as it is (a page that crashes at every load). */
const MAX_RELOADS_AFTER_CRASH = 3;

/** How long quitting waits for downloads and sources to stop before it exits anyway. */
export const QUIT_DEADLINE_MS = 5000;

/**
 * The app with its window: everything main does when it is not answering the command line. Called once from
 * index.ts, before the app is ready (scheme registration and the single-instance lock must come first).
 */
export function startWindowApp(): void {
  // Replaced by the log file in the data folder once the app is ready (where that folder is known).
  let logger: Logger = createStderrLogger('info');
  // electron-vite sets this in `npm run dev`; otherwise the built renderer is served over app://.
  const devServerUrl = process.env.ELECTRON_RENDERER_URL;
  const appUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;
  const isAppUrl = (url: string) => url.startsWith(devServerUrl ?? `${APP_ORIGIN}/`);

  app.setName('Scrollback');
  // Windows ties notifications and the taskbar to this id; the installer stamps its shortcuts with the same.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  // Crashes of any process are written as minidumps in the data folder's Crashpad folder, never uploaded;
  // started before anything else so that every process is covered.
  crashReporter.start({ uploadToServer: false });
  registerAppSchemeAsPrivileged();
  // A second start hands its arguments (a link) to the first through 'second-instance' and ends at once: it
  // must not go on opening the archive or a window.
  if (!app.requestSingleInstanceLock()) {
    app.exit(0);
    return;
  }

  let core: ScrollbackCore | null = null;
  let mainWindow: BrowserWindow | null = null;
  let appUpdates: AppUpdates | null = null;
  let stopJobs: (() => Promise<void>) | null = null;
  // On Linux, sharp's libvips must never load into this process (its GLib collides with the one Electron
  // links): pictures are drawn by Chromium in a hidden page instead (see imageCodec.ts for the evidence).
  const imageBackend = process.platform === 'linux' ? createChromiumImageBackend() : null;
  if (imageBackend) useImageBackend(imageBackend);

  async function start(): Promise<void> {
    const userData = app.getPath('userData');
    try {
      logger = await createFileLogger(userData);
    } catch (error) {
      logger.warn(`could not open the log in ${logFolderOf(userData)}; logging to stderr only`, error);
    }
    process.on('uncaughtException', (error) => logger.error('uncaught exception', error));
    registerLinkHandler(logger);
    app.on('render-process-gone', (_event, _contents, details) =>
      logger.error(
        `the window's process ended: ${details.reason} (exit code ${details.exitCode}); a crash dump may be in the Crashpad folder`,
      ),
    );
    app.on('child-process-gone', (_event, details) =>
      logger.error(
        `a ${details.type} process ended: ${details.reason} (exit code ${details.exitCode})${details.name ? `, ${details.name}` : ''}`,
      ),
    );
    process.on('unhandledRejection', (error) => logger.error('unhandled rejection', error));
    try {
      core = openScrollbackCore({
        databasePath: resolveDatabasePath({ dataFolder: userData }),
        logger,
        // Each source kind looks up its own credentials here (encrypted with the OS keychain).
        secrets: rememberingSecrets(await openSafeStorageSecretStore(userData, logger)),
        // A Telegram account's new, edited and deleted messages are stored as they happen while the app runs.
        listen: true,
        keepUpToDateEveryMs: 15 * 60_000,
      });
      // The demo is a welcome, not the app: if its pictures cannot be drawn, the window opens without it.
      if (core.listSources().length === 0)
        await core.setUpDemo().catch((error: unknown) => logger.error('could not set up the demo archive', error));
    } catch (error) {
      const message = error instanceof ScrollbackError ? error.message : String(error);
      logger.error('could not open the cache', error);
      dialog.showErrorBox(mainT()('dialog.cacheFailed.title'), message);
      app.exit(1);
      return;
    }
    applySecurityPolicy(isAppUrl);
    const openedCore = core;
    // Media is served over app:// in `npm run dev` too (the page itself then comes from the dev server).
    // Its requests carry no abort signal: a bounded set of open ones, each with a deadline, stands in for it.
    const openMedia = limitOpenMediaRequests((pathname, signal) => openedCore.mediaFileFor(pathname, signal), MEDIA_REQUEST_LIMITS);
    serveRendererOverAppProtocol(path.join(import.meta.dirname, '../renderer'), openMedia);
    const isTrustedFrame = (frame: WebFrameMain | null) => frame !== null && frame.parent === null && isAppUrl(frame.url);
    const diagnostics = () => collectDiagnostics(app.getVersion(), userData, logFolderOf(userData));
    // Built again in the window's language when it says which (setLanguage).
    const installMenu = () =>
      Menu.setApplicationMenu(
        buildAppMenu(() => mainWindow, devServerUrl !== undefined, {
          logFolder: logFolderOf(userData),
          showAbout: () => void showAboutDialog(mainWindow, diagnostics()),
          reportProblem: () =>
            void shell.openExternal(
              newIssueUrl(
                '',
                `What happened, and what did you expect?\n\n\n---\n${diagnosticsText(diagnostics())}\n(Attach the log from Help → Open Log Folder if it helps; it names no messages.)`,
              ),
            ),
        }),
      );
    const handlers = createCoreHandlers(core, {
      version: app.getVersion(),
      openExternalLink,
      logger,
      chooseFilesToImport: () => chooseFilesToImport(mainWindow),
      chooseExportTarget: (suggestedName, format) => chooseExportTarget(mainWindow, suggestedName, format),
      // The taskbar / dock shows the export's progress; -1 removes it.
      showProgress: (fraction) => mainWindow?.setProgressBar(fraction ?? -1),
      exportFinished: (result) => showExportNotification(result, logger),
      showInFolder: (file) => shell.showItemInFolder(file),
      updates: { readyVersion: () => appUpdates?.readyVersion() ?? null, restart: () => appUpdates?.restart() },
      // A recovered archive replaced the damaged one under a closed core: start again on it.
      reopenArchive: () => {
        app.relaunch();
        app.exit(0);
      },
      languageChanged: () => {
        followWindowLanguage();
        installMenu();
      },
    });
    registerIpcHandlers(handlers, isTrustedFrame, logger);
    // Quitting cancels a running import or export and waits until it has rolled back (its status says so).
    const jobs = trackRunningJobs(openedCore.events);
    stopJobs = () => {
      openedCore.imports.cancel();
      openedCore.exports.cancel();
      return jobs.whenStopped();
    };
    // Status is pushed, never polled: downloads, jobs and changed chats go to the window as they happen.
    core.events.subscribe((event) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(appEventChannel, event);
    });
    installMenu();
    openWindow(userData);
    appUpdates = await startAppUpdates(logger, (version) => {
      const event: AppEvent = { kind: 'updateReady', version };
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(appEventChannel, event);
    });
  }

  function openWindow(userData: string): void {
    mainWindow = createMainWindow({
      preloadPath: path.join(import.meta.dirname, '../preload/index.cjs'),
      stateFolder: userData,
      url: appUrl,
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
      // The hidden image page must not keep the app open (window-all-closed) once the window is gone.
      imageBackend?.close();
    });
    mainWindow.webContents.on('did-finish-load', () => {
      const link = pendingLink;
      pendingLink = null;
      if (link) openMessageLink(link);
    });
    // A crashed or killed window process leaves a blank window: load it again (the crash is in the log). A
    // page that crashes every time it loads is not reloaded for ever.
    let reloads = 0;
    mainWindow.webContents.on('render-process-gone', (_event, details) => {
      if (details.reason === 'clean-exit' || !mainWindow || mainWindow.isDestroyed()) return;
      if (reloads++ < MAX_RELOADS_AFTER_CRASH) mainWindow.webContents.reload();
      else logger.error(`the window's process ended ${reloads} times; not reloading it again`);
    });
  }

  // `scrollback://message?…` links (Copy link in the window) open the message in context: the system hands
  // them to the running app (macOS: open-url; Windows and Linux: a second instance's command line).
  // (How this run registers for them: registerLinkHandler.ts. A link sent before the page listens waits in
  // the preload until it does.)
  let pendingLink: string | null = process.argv.find((arg) => parseMessageLink(arg) !== null) ?? null;
  function openMessageLink(url: string): void {
    const target = parseMessageLink(url);
    if (!target) return;
    const contents = mainWindow?.webContents;
    if (!contents || contents.isLoading()) {
      pendingLink = url;
      // macOS keeps the app running with no window: a link then opens one (delivered once it has loaded).
      if (!mainWindow && core) openWindow(app.getPath('userData'));
      return;
    }
    const event: AppEvent = { kind: 'openMessage', ...target };
    contents.send(appEventChannel, event);
  }
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openMessageLink(url);
  });

  app.on('second-instance', (_event, argv) => {
    const link = argv.find((arg) => parseMessageLink(arg) !== null);
    if (link) openMessageLink(link);
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && core) openWindow(app.getPath('userData'));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let quitting = false;
  app.on('will-quit', (event) => {
    // Imports and exports roll back, downloads stop (what they stored stays; they resume next time), then close.
    if (!core || quitting) return;
    quitting = true;
    event.preventDefault();
    const closing = core;
    core = null;
    void quitWithDeadline(
      {
        stopJobs: stopJobs ?? (() => Promise.resolve()),
        closeCore: () => closing.close(),
        releaseLock: () => app.releaseSingleInstanceLock(),
        quit: () => app.quit(),
        exit: (code) => app.exit(code),
        schedule: (ms, run) => {
          const timer = setTimeout(run, ms);
          return () => clearTimeout(timer);
        },
        logger,
      },
      QUIT_DEADLINE_MS,
    );
  });

  void app.whenReady().then(start);
}
