import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { damageMarkerOf } from '../../electron/core/cache/cacheErrors.ts';
import { browserSkipReason, saveScreenshot } from './support/startBrowserSession.ts';
import { useBrowserSession } from './support/useBrowserSession.ts';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)(`a damaged archive in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  const browserSession = useBrowserSession();

  it('shows the read-only banner over the chats it still lists; Recover… shows progress and then what was saved', async () => {
    const { page, core } = browserSession();
    // As an earlier run (or another process) leaves it on finding a damaged page.
    fs.writeFileSync(damageMarkerOf(core.databasePath), 'SQLITE_CORRUPT\n');
    await page.reload();
    const banner = page.locator('[data-testid="archive-banner"]');
    await banner.waitFor();
    expect(await banner.textContent()).toBe('This archive is damaged; it is read-only until recovered — Recover…');
    expect(await page.locator('[data-chat-id]').count()).toBe(4);
    await saveScreenshot(page, 'damaged-archive-banner');
    page.once('dialog', (dialog) => void dialog.accept());
    await banner.getByRole('button', { name: 'Recover…' }).click();
    await page.waitForSelector('[data-testid="archive-banner"].done', { timeout: 60_000 });
    const said = await banner.textContent();
    expect(said).toMatch(
      /^Recovered [\d,]+ messages of 4 chats\. The damaged file is kept at .*scrollback-browser-.*\.damaged-.* Restart Scrollback to open it\.$/,
    );
    expect(fs.existsSync(damageMarkerOf(core.databasePath))).toBe(false);
    await saveScreenshot(page, 'damaged-archive-recovered');
  });
});
