import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, startBrowserSession, type BrowserSession } from './support/startBrowserSession.ts';

describe.skipIf(browserSkipReason() !== null)("the window's uncaught errors reach main's log", () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await startBrowserSession();
  });
  afterAll(async () => {
    await session.close();
  });

  it('an exception thrown and a promise rejected in the page are logged by main, with the stack', async () => {
    const { page } = session;
    await page.locator('[data-testid="chat-list"], [role="listbox"], nav').first().waitFor();
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('thrown in the window on purpose');
      });
      void Promise.reject(new Error('rejected in the window on purpose'));
    });
    await expect.poll(() => session.logs.filter((line) => line.includes('on purpose')).length, { timeout: 30_000 }).toBe(2);
    const thrown = session.logs.find((line) => line.includes('thrown in the window on purpose'))!;
    expect(thrown).toMatch(/^error the window had an uncaught error( at .+)?: thrown in the window on purpose/);
    expect(session.logs.find((line) => line.includes('rejected in the window on purpose'))).toMatch(
      /^error the window had an unhandled rejection: rejected in the window on purpose/,
    );
    // Playwright's page errors arrive on their own channel, not necessarily before main's log lines.
    await expect
      .poll(() => [...session.pageErrors].sort())
      .toEqual(['rejected in the window on purpose', 'thrown in the window on purpose']);
  });
});
