import { ipcMethodNames } from '../../shared/ipc/methods.ts';

/**
 * The browser stand-in for the preload: defines `window.scrollback` with the same methods, each a POST to
 * the harness with the session token (read once from the page's #fragment, which is never sent to the
 * server in a URL). Served as a static file so the CSP's script-src 'self' allows it.
 */
export function harnessBridgeScript(): string {
  return `(() => {
  const params = new URLSearchParams(location.hash.slice(1));
  const fromHash = params.get('token');
  if (fromHash) { sessionStorage.setItem('scrollback-harness-token', fromHash); history.replaceState(null, '', location.pathname + location.search); }
  const token = sessionStorage.getItem('scrollback-harness-token') || '';
  const call = (method) => async (input) => {
    try {
      const response = await fetch('/rpc/' + method, { method: 'POST', headers: { 'content-type': 'application/json', 'x-scrollback-token': token }, body: JSON.stringify(input === undefined ? null : input) });
      return await response.json();
    } catch (error) {
      return { ok: false, error: { code: 'SOURCE_UNAVAILABLE', message: 'The Scrollback harness could not be reached.' } };
    }
  };
  const bridge = { onAppEvent: () => () => {}, pathForFile: () => '' };
  for (const method of ${JSON.stringify(ipcMethodNames)}) bridge[method] = call(method);
  Object.defineProperty(window, 'scrollback', { value: Object.freeze(bridge) });
})();
`;
}
