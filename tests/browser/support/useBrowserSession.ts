import { afterAll, beforeAll, expect } from 'vitest';
import { startBrowserSession, type BrowserSession } from './startBrowserSession.ts';
import { cacheWholeDemoChat } from '../../support/cacheDemoChat.ts';
import { databaseOf } from '../../../electron/core/app/openScrollbackCore.ts';

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

/** A session whose 24,000-message demo chat ("Family") is wholly on this computer, as most window tests want. */
export function useSessionWithFamilyCached(options: Parameters<typeof startBrowserSession>[0] = {}): {
  session: () => BrowserSession;
  family: () => number;
} {
  const session = useBrowserSession(options);
  let family: number | null = null;
  beforeAll(() => {
    family = session().chatIdOf(24_000);
    cacheWholeDemoChat(databaseOf(session().core), family, 'family');
  });
  return {
    session,
    family: () => {
      if (family === null) throw new Error('The browser session has not started.');
      return family;
    },
  };
}
