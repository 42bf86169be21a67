import { scrollback } from '../bridge/scrollbackClient.ts';

/** Truncated here too, so an enormous message cannot be refused by the contract's bounds and lost. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function describe(reason: unknown): { message: string; stack: string | null } {
  if (reason instanceof Error)
    return { message: clip(reason.message || reason.name, 4000), stack: reason.stack ? clip(reason.stack, 20_000) : null };
  return { message: clip(typeof reason === 'string' ? reason : (JSON.stringify(reason) ?? String(reason)), 4000), stack: null };
}

/**
 * Sends the window's uncaught errors and unhandled rejections to main's log (where a report can be made
 * from), instead of letting them vanish in a console nobody opens. A failure to send is dropped: reporting
 * must never raise a new error of its own.
 */
export function reportUncaughtErrors(): void {
  window.addEventListener('error', (event) => {
    const { message, stack } = describe(event.error ?? event.message);
    const where = event.filename ? clip(`${event.filename}:${event.lineno}:${event.colno}`, 1000) : null;
    scrollback.reportRendererError({ kind: 'error', message, stack, where }).catch(() => {});
  });
  window.addEventListener('unhandledrejection', (event) => {
    const { message, stack } = describe(event.reason);
    scrollback.reportRendererError({ kind: 'unhandledrejection', message, stack, where: null }).catch(() => {});
  });
}
