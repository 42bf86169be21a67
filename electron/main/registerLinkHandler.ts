import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app } from 'electron';
import type { Logger } from '../core/base/Logger.ts';
import { LINK_SCHEME, linkDesktopEntry, linkRegistrationFor } from './linkRegistration.ts';

/** Registers this run for `scrollback://` links as linkRegistrationFor says; a failure is logged, never fatal. */
export function registerLinkHandler(logger: Logger): void {
  const plan = linkRegistrationFor({
    platform: process.platform,
    fromCheckout: process.defaultApp === true,
    execPath: process.execPath,
    appArgument: process.argv[1],
    appImage: process.env.APPIMAGE,
  });
  if (plan.kind === 'none') {
    logger.info(`scrollback:// links are not registered: ${plan.why}`);
    return;
  }
  if (plan.kind === 'electron') {
    const registered =
      plan.path !== undefined
        ? app.setAsDefaultProtocolClient(LINK_SCHEME, plan.path, plan.args ?? [])
        : app.setAsDefaultProtocolClient(LINK_SCHEME);
    if (!registered) logger.warn('the system did not accept Scrollback as the handler of scrollback:// links');
    return;
  }
  try {
    const folder = path.join(process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local/share'), 'applications');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, plan.fileName), linkDesktopEntry(plan.exec));
  } catch (error) {
    logger.warn('could not write the desktop entry for scrollback:// links', error);
    return;
  }
  execFile('xdg-mime', ['default', plan.fileName, `x-scheme-handler/${LINK_SCHEME}`], (error) => {
    if (error) logger.warn(`could not make ${plan.fileName} the handler of scrollback:// links (xdg-mime)`, error);
  });
}
