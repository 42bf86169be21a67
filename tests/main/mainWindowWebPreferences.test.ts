import { describe, expect, it } from 'vitest';
import { mainWindowWebPreferences } from '../../electron/main/mainWindowWebPreferences.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy.ts';

describe('window security settings', () => {
  it('follow Electron’s checklist: isolated, sandboxed, no Node, web security on', () => {
    expect(mainWindowWebPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('the CSP allows only our own scripts: no inline, no eval, no remote origins', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
