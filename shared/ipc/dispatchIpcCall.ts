import { ipcContract, type CallSignal, type IpcHandlers, type IpcResult } from './contract.ts';
import { ipcMethodNames, type IpcMethodName } from './methods.ts';
import { ScrollbackError, toErrorData } from '../errors.ts';

export function isIpcMethodName(name: unknown): name is IpcMethodName {
  return typeof name === 'string' && (ipcMethodNames as readonly string[]).includes(name);
}

/**
 * Validates one call against the contract and runs its handler. Never throws: every failure becomes
 * `{ok: false, error}`. Used by every transport (Electron IPC, the loopback harness, tests).
 */
export async function dispatchIpcCall<Signal extends CallSignal>(
  handlers: IpcHandlers<Signal>,
  method: string,
  rawInput: unknown,
  onUnexpectedError: (error: unknown, method: string) => void,
  signal: Signal,
): Promise<IpcResult<unknown>> {
  if (!isIpcMethodName(method)) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: `Unknown method "${String(method).slice(0, 60)}".` } };
  }
  const parsed = ipcContract[method].input.safeParse(rawInput ?? undefined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'input';
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: `${method}: ${where} ${issue?.message ?? 'is invalid'}.` },
    };
  }
  try {
    const handler = handlers[method] as (input: unknown, signal: Signal) => unknown;
    const value = await handler(parsed.data, signal);
    return { ok: true, value };
  } catch (error) {
    if (signal.aborted) return { ok: false, error: { code: 'CANCELLED', message: `${method} was cancelled.` } };
    if (!(error instanceof ScrollbackError)) onUnexpectedError(error, method);
    return { ok: false, error: toErrorData(error) };
  }
}
