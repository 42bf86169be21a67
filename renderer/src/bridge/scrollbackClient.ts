import type { CallWith, IpcInput, IpcOutput, IpcResult } from '../../../shared/ipc/contract.ts';
import { ipcMethodNames, type IpcMethodName } from '../../../shared/ipc/methods.ts';
import { ScrollbackError } from '../../../shared/errors.ts';

/** `signal`: aborting it cancels the call in main too (TanStack Query aborts superseded queries). */
export interface CallOptions {
  signal?: AbortSignal;
}

export type ScrollbackClient = {
  [K in IpcMethodName]: CallWith<IpcInput<K>, CallOptions, IpcOutput<K>>;
};

let nextCallId = 0;

/** The renderer's typed client: the bridge's result objects turned back into values and ScrollbackErrors. */
function createScrollbackClient(): ScrollbackClient {
  const client = {} as Record<IpcMethodName, (input?: unknown, options?: CallOptions) => Promise<unknown>>;
  for (const method of ipcMethodNames) {
    client[method] = async (input, options) => {
      const call = window.scrollback[method] as (input?: unknown, callId?: string) => Promise<IpcResult<unknown>>;
      const signal = options?.signal;
      if (signal?.aborted) throw new ScrollbackError('CANCELLED', `${method} was cancelled.`);
      const callId = signal ? `c${++nextCallId}` : undefined;
      const cancel = () => window.scrollback.cancelCall(callId!);
      signal?.addEventListener('abort', cancel, { once: true });
      try {
        const result = await call(input, callId);
        if (!result.ok) throw ScrollbackError.fromData(result.error);
        return result.value;
      } finally {
        signal?.removeEventListener('abort', cancel);
      }
    };
  }
  return client as ScrollbackClient;
}

export const scrollback = createScrollbackClient();
