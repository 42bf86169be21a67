import { app } from 'electron';
import type { Logger } from '../core/base/Logger.ts';

/** How often an installed app asks GitHub Releases for a newer version (and once at start). */
const CHECK_EVERY_MS = 24 * 60 * 60_000;

export interface AppUpdates {
  /** The version downloaded and waiting for a restart, or null. */
  readyVersion(): string | null;
  /** Quits and installs the downloaded version. */
  restart(): void;
}

/**
 * Updates from GitHub Releases (electron-updater, configured by the packer's app-update.yml): checked at start
 * and daily, downloaded in the background, installed when the user chooses *Restart to update* (or at the
 * next quit). Off where it cannot apply: a checkout (`npm start`, not packed), or SCROLLBACK_NO_UPDATES=1
 * (managed installs). electron-updater is loaded only then, so nothing else pays for it.
 */
export async function startAppUpdates(logger: Logger, onReady: (version: string) => void): Promise<AppUpdates | null> {
  if (!app.isPackaged || process.env.SCROLLBACK_NO_UPDATES === '1') return null;
  const { autoUpdater } = (await import('electron-updater')).default;
  let ready: string | null = null;
  autoUpdater.logger = {
    info: (message: unknown) => logger.info(`updates: ${String(message)}`),
    warn: (message: unknown) => logger.warn(`updates: ${String(message)}`),
    error: (message: unknown) => logger.warn(`updates: ${String(message)}`),
    debug: () => {},
  };
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('update-downloaded', (info) => {
    ready = info.version;
    onReady(info.version);
  });
  // An offline computer or a rate-limited GitHub is not an error worth more than a line in the log.
  const check = () =>
    void autoUpdater.checkForUpdates().catch((error: unknown) => logger.warn('updates: could not check for a new version', error));
  check();
  setInterval(check, CHECK_EVERY_MS).unref();
  return {
    readyVersion: () => ready,
    restart: () => autoUpdater.quitAndInstall(),
  };
}
