import { describe, expect, it, vi } from 'vitest';

type RequestHandler = (
  contents: { getURL(): string },
  permission: string,
  callback: (ok: boolean) => void,
  details: { requestingUrl: string },
) => void;
type CheckHandler = (contents: null, permission: string, requestingOrigin: string) => boolean;
const recorded = vi.hoisted(() => ({ request: null as RequestHandler | null, check: null as CheckHandler | null }));
vi.mock('electron', () => ({
  app: { on: () => {} },
  shell: { openExternal: async () => {} },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: RequestHandler) => void (recorded.request = handler),
      setPermissionCheckHandler: (handler: CheckHandler) => void (recorded.check = handler),
    },
  },
}));
const { applySecurityPolicy } = await import('../../electron/main/applySecurityPolicy.ts');

describe('permissions', () => {
  it("grant full screen to the app's own page only (a video's full-screen button), and nothing else to anyone", () => {
    applySecurityPolicy((url) => url.startsWith('app://scrollback/'));
    const ask = (permission: string, url: string) => {
      let answer: boolean | null = null;
      recorded.request!({ getURL: () => url }, permission, (ok) => void (answer = ok), { requestingUrl: url });
      return answer;
    };
    expect(ask('fullscreen', 'app://scrollback/index.html')).toBe(true);
    expect(ask('fullscreen', 'https://evil.example/')).toBe(false);
    expect(ask('media', 'app://scrollback/index.html')).toBe(false);
    expect(ask('notifications', 'app://scrollback/index.html')).toBe(false);
    expect(recorded.check!(null, 'fullscreen', 'app://scrollback')).toBe(true);
    expect(recorded.check!(null, 'clipboard-read', 'app://scrollback')).toBe(false);
    expect(recorded.check!(null, 'fullscreen', 'https://evil.example')).toBe(false);
  });
});
