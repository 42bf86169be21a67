import { ipcMain, type WebFrameMain } from 'electron';
import { dispatchIpcCall } from '../../shared/ipc/dispatchIpcCall.ts';
import type { IpcHandlers } from '../../shared/ipc/contract.ts';
import { cancelCallChannel, ipcChannelFor, ipcMethodNames } from '../../shared/ipc/methods.ts';
import type { Logger } from '../core/base/Logger.ts';

/** Calls in flight that were given an id, by sender and id, so the window can cancel them. */
const cancellable = new Map<string, AbortController>();
const MAX_CALL_ID_LENGTH = 64;

/**
 * Registers one handler per contract method. Every call is checked to come from our own page (not an
 * iframe or a navigated-away frame), validated against the contract, and answered with `{ok, value|error}`.
 * A call with an id can be cancelled over `cancelCallChannel`: its handler's signal is aborted.
 */
export function registerIpcHandlers(handlers: IpcHandlers, isTrustedFrame: (frame: WebFrameMain | null) => boolean, logger: Logger): void {
  for (const method of ipcMethodNames) {
    ipcMain.handle(ipcChannelFor(method), async (event, input: unknown, callId: unknown) => {
      if (!isTrustedFrame(event.senderFrame)) {
        logger.warn(`refused ${method} from an untrusted frame`);
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not call Scrollback.' } };
      }
      const controller = new AbortController();
      const key = typeof callId === 'string' && callId.length <= MAX_CALL_ID_LENGTH ? `${event.sender.id}:${callId}` : null;
      if (key) cancellable.set(key, controller);
      try {
        return await dispatchIpcCall(handlers, method, input, (error) => logger.error(`${method} failed`, error), controller.signal);
      } finally {
        if (key) cancellable.delete(key);
      }
    });
  }
  ipcMain.on(cancelCallChannel, (event, callId: unknown) => {
    if (!isTrustedFrame(event.senderFrame) || typeof callId !== 'string') return;
    cancellable.get(`${event.sender.id}:${callId}`)?.abort();
  });
}
