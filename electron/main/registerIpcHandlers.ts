import { ipcMain, type WebFrameMain } from 'electron';
import { dispatchIpcCall } from '../../shared/ipc/dispatchIpcCall.ts';
import type { IpcHandlers } from '../../shared/ipc/contract.ts';
import { ipcChannelFor, ipcMethodNames } from '../../shared/ipc/methods.ts';
import type { Logger } from '../core/app/Logger.ts';

/**
 * Registers one handler per contract method. Every call is checked to come from our own page (not an
 * iframe or a navigated-away frame), validated against the contract, and answered with `{ok, value|error}`.
 */
export function registerIpcHandlers(handlers: IpcHandlers, isTrustedFrame: (frame: WebFrameMain | null) => boolean, logger: Logger): void {
  for (const method of ipcMethodNames) {
    ipcMain.handle(ipcChannelFor(method), (event, input: unknown) => {
      if (!isTrustedFrame(event.senderFrame)) {
        logger.warn(`refused ${method} from an untrusted frame`);
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not call Scrollback.' } };
      }
      return dispatchIpcCall(handlers, method, input, (error) => logger.error(`${method} failed`, error));
    });
  }
}
