import type { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { appEventChannel } from '../../shared/ipc/methods.ts';

/** The sandboxed preload's Electron: ipcRenderer as an emitter main pushes into, and the bridge it exposes. */
const electron = vi.hoisted(() => ({ exposed: null as Record<string, unknown> | null, renderer: null as EventEmitter | null }));
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  electron.renderer = new Emitter();
  return {
    ipcRenderer: electron.renderer,
    contextBridge: { exposeInMainWorld: (_name: string, bridge: Record<string, unknown>) => void (electron.exposed = bridge) },
    webUtils: { getPathForFile: () => '' },
  };
});
await import('../../electron/preload/index.ts');

describe('the preload bridge', () => {
  it('keeps what main pushed before the page listened (a link that started the app) and gives it to the first listener, then passes events on', () => {
    const push = (payload: unknown) => electron.renderer!.emit(appEventChannel, {}, payload);
    const link = { kind: 'openMessage', chatId: 3, messageId: '41' };
    push(link);
    const onAppEvent = electron.exposed!.onAppEvent as (listener: (event: unknown) => void) => () => void;
    const received: unknown[] = [];
    const stop = onAppEvent((event) => received.push(event));
    expect(received).toEqual([link]);
    push({ kind: 'chatsListed' });
    expect(received).toEqual([link, { kind: 'chatsListed' }]);
    stop();
    push({ kind: 'chatsListed' });
    expect(received).toHaveLength(2);
    expect(electron.renderer!.listenerCount(appEventChannel)).toBe(0);
  });
});
