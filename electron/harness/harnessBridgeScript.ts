import { ipcMethodNames } from '../../shared/ipc/methods.ts';

/**
 * The browser stand-in for the preload: defines `window.scrollback` with the same methods, each a POST to
 * the harness with the session token (read once from the page's #fragment, which is never sent to the
 * server in a URL). A call given an id can be cancelled (its request is aborted, and the harness aborts the
 * handler). Pushed events arrive on one streamed response, reopened if it breaks. Served as a static file
 * so the CSP's script-src 'self' allows it.
 */
export function harnessBridgeScript(options: { transfers: boolean }): string {
  return `(() => {
  const params = new URLSearchParams(location.hash.slice(1));
  const fromHash = params.get('token');
  if (fromHash) { sessionStorage.setItem('scrollback-harness-token', fromHash); history.replaceState(null, '', location.pathname + location.search); }
  const token = sessionStorage.getItem('scrollback-harness-token') || '';
  const running = new Map();
  const call = (method) => async (input, callId) => {
    const controller = new AbortController();
    if (callId) running.set(callId, controller);
    try {
      const response = await fetch('/rpc/' + method, { method: 'POST', signal: controller.signal, headers: { 'content-type': 'application/json', 'x-scrollback-token': token }, body: JSON.stringify(input === undefined ? null : input) });
      return await response.json();
    } catch (error) {
      if (controller.signal.aborted) return { ok: false, error: { code: 'CANCELLED', message: method + ' was cancelled.' } };
      return { ok: false, error: { code: 'SOURCE_UNAVAILABLE', message: 'The Scrollback harness could not be reached.' } };
    } finally {
      if (callId) running.delete(callId);
    }
  };
  const listeners = new Set();
  let streaming = false;
  async function stream() {
    streaming = true;
    for (;;) {
      try {
        const response = await fetch('/events', { headers: { 'x-scrollback-token': token } });
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffered = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffered += decoder.decode(value, { stream: true });
          let end;
          while ((end = buffered.indexOf('\\n\\n')) >= 0) {
            const block = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            if (!block.startsWith('data: ')) continue;
            const event = JSON.parse(block.slice(6));
            for (const listener of listeners) listener(event);
          }
        }
      } catch (error) {}
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  const bridge = {
    onAppEvent: (listener) => {
      listeners.add(listener);
      if (!streaming) stream();
      return () => listeners.delete(listener);
    },
    cancelCall: (callId) => running.get(callId)?.abort(),
    pathForFile: () => '',
  };
  if (${JSON.stringify(options.transfers)}) {
    // No native dialogs in a browser: picked or dropped files are uploaded (one batch keeps folders as
    // folders) and imported from where they landed; an export is downloaded through a single-use link.
    bridge.uploadFiles = async (entries) => {
      const batch = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
      const tops = [];
      for (const { file, relativePath } of entries) {
        const response = await fetch('/upload?batch=' + batch, { method: 'POST', headers: { 'x-scrollback-token': token, 'x-file-name': encodeURIComponent(relativePath || file.name) }, body: file });
        const result = await response.json();
        if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
        if (!tops.includes(result.value.path)) tops.push(result.value.path);
      }
      return tops;
    };
    bridge.offerDownload = async (path) => {
      const response = await fetch('/download-ticket', { method: 'POST', headers: { 'content-type': 'application/json', 'x-scrollback-token': token }, body: JSON.stringify({ path }) });
      const result = await response.json();
      if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
      const link = document.createElement('a');
      link.href = result.value.url;
      link.download = path.split(/[\\\\/]/).pop();
      document.body.append(link);
      link.click();
      link.remove();
    };
  }
  for (const method of ${JSON.stringify(ipcMethodNames)}) bridge[method] = call(method);
  Object.defineProperty(window, 'scrollback', { value: Object.freeze(bridge) });
})();
`;
}
