import type { IpcInput, IpcOutput, IpcResult } from '../../../shared/ipc/contract.ts';
import { ipcMethodNames, type IpcMethodName } from '../../../shared/ipc/methods.ts';
import { ScrollbackError } from '../../../shared/errors.ts';

export type ScrollbackClient = {
  [K in IpcMethodName]: (input?: IpcInput<K>) => Promise<IpcOutput<K>>;
};

/** The renderer's typed client: the bridge's result objects turned back into values and ScrollbackErrors. */
function createScrollbackClient(): ScrollbackClient {
  const client = {} as Record<IpcMethodName, (input?: unknown) => Promise<unknown>>;
  for (const method of ipcMethodNames) {
    client[method] = async (input) => {
      const call = window.scrollback[method] as (input?: unknown) => Promise<IpcResult<unknown>>;
      const result = await call(input);
      if (!result.ok) throw ScrollbackError.fromData(result.error);
      return result.value;
    };
  }
  return client as ScrollbackClient;
}

export const scrollback = createScrollbackClient();
