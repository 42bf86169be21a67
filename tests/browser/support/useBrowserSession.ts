import { afterAll, beforeAll, expect } from 'vitest';
import { startBrowserSession, type BrowserSession } from './startBrowserSession.ts';

/**
 * One browser session for a describe block: started before its tests, closed after them, and failing
 * the block if the page threw anything uncaught meanwhile. Returns a getter (the session starts later).
 */
export function useBrowserSession(
  options: Parameters<typeof startBrowserSession>[0] | (() => Promise<Parameters<typeof startBrowserSession>[0]>) = {},
): () => BrowserSession {
  let session: BrowserSession | null = null;
  beforeAll(async () => {
    session = await startBrowserSession(typeof options === 'function' ? await options() : options);
  });
  afterAll(async () => {
    const errors = session?.pageErrors ?? [];
    await session?.close();
    expect(errors).toEqual([]);
  });
  return () => {
    if (!session) throw new Error('The browser session has not started.');
    return session;
  };
}
