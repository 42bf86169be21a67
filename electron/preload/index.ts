// The bridge: the only thing the sandboxed window can reach. It exposes one named function per contract
// method (never ipcRenderer itself), derived from the method list so it cannot drift from the contract.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { appEventChannel, cancelCallChannel, ipcChannelFor, ipcMethodNames } from '../../shared/ipc/methods.ts';

const bridge: Record<string, unknown> = {};
for (const method of ipcMethodNames) {
  bridge[method] = (input?: unknown, callId?: string) =>
    ipcRenderer.invoke(ipcChannelFor(method), input, typeof callId === 'string' ? callId : undefined);
}
// A call made with an id can be cancelled: main aborts its handler's signal (a superseded search count).
bridge.cancelCall = (callId: string) => {
  if (typeof callId === 'string') ipcRenderer.send(cancelCallChannel, callId);
};
// Events pushed before the page listens (a link that started the app, sent once the page loaded, while
// React has yet to subscribe) wait here, bounded, and go to the first listener.
const early: unknown[] = [];
const keepEarly = (_event: unknown, payload: unknown) => {
  if (early.length < 100) early.push(payload);
};
ipcRenderer.on(appEventChannel, keepEarly);
bridge.onAppEvent = (listener: (event: unknown) => void) => {
  const forward = (_event: unknown, payload: unknown) => listener(payload);
  ipcRenderer.removeListener(appEventChannel, keepEarly);
  for (const payload of early.splice(0)) listener(payload);
  ipcRenderer.on(appEventChannel, forward);
  return () => {
    ipcRenderer.removeListener(appEventChannel, forward);
  };
};

// Dropped files: the page sees File objects only; their paths come from here and main validates them.
bridge.pathForFile = (file: File) => webUtils.getPathForFile(file);

contextBridge.exposeInMainWorld('scrollback', bridge);
