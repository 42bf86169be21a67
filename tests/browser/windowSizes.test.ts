import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, saveScreenshot, type BrowserSession } from './support/startBrowserSession.ts';
import { useSessionWithFamilyCached } from './support/useBrowserSession.ts';
import { openChat } from './support/listGeometry.ts';

const skipReason = browserSkipReason();

interface Layout {
  pageScrollsSideways: boolean;
  sidebarDocked: boolean;
  chatPaneWidth: number;
  search: { left: number; right: number; width: number } | null;
  /** Header controls that stick out of the window or wrap onto a line of their own when they need not. */
  headerOutside: string[];
}

function measureLayout(): Layout {
  const root = document.documentElement;
  const rect = (selector: string) => document.querySelector(selector)?.getBoundingClientRect() ?? null;
  const search = rect('.search-panel');
  return {
    pageScrollsSideways: root.scrollWidth > window.innerWidth || document.body.scrollWidth > window.innerWidth,
    sidebarDocked: document.querySelector('.app.sidebar-docked') !== null,
    chatPaneWidth: rect('.chat-pane')?.width ?? 0,
    search: search && { left: search.left, right: search.right, width: search.width },
    headerOutside: [...document.querySelectorAll<HTMLElement>('.chat-header > *')]
      .filter((element) => element.offsetParent !== null)
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.right > window.innerWidth + 0.5 || box.left < -0.5;
      })
      .map((element) => element.className),
  };
}

describe.skipIf(skipReason !== null)(`the window at any size${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  const cached = useSessionWithFamilyCached();
  let session: BrowserSession;
  let family: number;
  beforeAll(async () => {
    session = cached.session();
    family = cached.family();
  });

  for (const size of [
    { width: 1280, height: 800 },
    { width: 800, height: 600 },
    { width: 480, height: 480 },
  ]) {
    it(`at ${size.width}x${size.height}: no sideways scroll, the chat pane keeps 320 px or the sidebar gives way, search works`, async () => {
      const { page } = session;
      await page.setViewportSize(size);
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      if (size.width < 900) {
        // A narrow window starts with the chat list folded away; the toggle opens it over the chat and
        // choosing a chat folds it again.
        await page.waitForSelector('.app.sidebar-hidden');
        await page.click('[data-testid="sidebar-toggle"]');
        await page.waitForSelector('.app.sidebar-overlay [data-chat-id]');
      }
      await openChat(page, family);
      await page.waitForSelector('.app:not(.sidebar-overlay)');
      let layout = await page.evaluate(measureLayout);
      expect(layout.pageScrollsSideways).toBe(false);
      expect(layout.sidebarDocked ? layout.chatPaneWidth >= 320 : true).toBe(true);
      expect(layout.sidebarDocked).toBe(size.width >= 900);
      expect(layout.headerOutside).toEqual([]);

      await page.keyboard.press('Control+f');
      await page.fill('[data-testid="search-query"]', 'the train');
      const first = page.locator('[data-result-index="0"]');
      await first.waitFor();
      await page.waitForFunction(() => /on this computer/.test(document.querySelector('[data-testid="search-total"]')?.textContent ?? ''));
      layout = await page.evaluate(measureLayout);
      expect(layout.pageScrollsSideways).toBe(false);
      expect(layout.search).not.toBeNull();
      expect(layout.search!.left).toBeGreaterThanOrEqual(0);
      expect(layout.search!.right).toBeLessThanOrEqual(size.width + 0.5);
      expect(layout.search!.width).toBeGreaterThanOrEqual(Math.min(380, size.width) - 1);
      // Beside the chat when the chat keeps its minimum; over it otherwise.
      if (layout.chatPaneWidth > 0 && (await page.locator('.app.with-search').count()) > 0)
        expect(layout.chatPaneWidth).toBeGreaterThanOrEqual(320);
      expect(layout.headerOutside).toEqual([]);
      await saveScreenshot(page, `window-${size.width}x${size.height}-search`);
      // A result opens in context (the panel stays, so Enter keeps stepping).
      const id = await first.getAttribute('data-message-id');
      await first.click();
      await page.waitForSelector(`.message.highlighted[data-message-id="${id}"]`);
      await page.keyboard.press('Escape');
      await page.waitForSelector('.search-panel', { state: 'detached' });
    });
  }

  it('Ctrl+B hides and shows the sidebar; its edge resizes it by drag or keyboard; search gives way rather than squeeze the chat', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.waitForSelector('.app.sidebar-docked [data-chat-id]');
    await page.keyboard.press('Control+b');
    await page.waitForSelector('.app.sidebar-hidden');
    expect((await page.evaluate(measureLayout)).chatPaneWidth).toBe(1280);
    await page.keyboard.press('Control+b');
    await page.waitForSelector('.app.sidebar-docked');

    const handle = page.locator('[data-testid="sidebar-resize"]');
    const sidebarWidth = () => page.evaluate(() => document.querySelector('.sidebar')!.getBoundingClientRect().width);
    expect(await sidebarWidth()).toBe(300);
    await handle.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(sidebarWidth).toBe(332);
    for (let i = 0; i < 20; i += 1) await page.keyboard.press('ArrowRight');
    await expect.poll(sidebarWidth).toBe(480);
    // Dragging the edge works the same way.
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 150, box.y + 200, { steps: 5 });
    await page.mouse.up();
    await expect.poll(sidebarWidth).toBeCloseTo(330, -1);
    // The width is kept across a reload.
    await page.reload();
    await page.waitForSelector('.app.sidebar-docked [data-chat-id]');
    expect(Math.abs((await sidebarWidth()) - 330)).toBeLessThanOrEqual(3);
    // A wide sidebar in a window too narrow for it, the chat and search side by side: search opens over the
    // chat rather than squeezing it below its minimum.
    await page.setViewportSize({ width: 920, height: 700 });
    await page.evaluate(() => localStorage.setItem('scrollback.sidebarWidth', '480'));
    await page.reload();
    await page.waitForSelector('.app.sidebar-docked [data-chat-id]');
    expect(await sidebarWidth()).toBe(480);
    await page.keyboard.press('Control+f');
    await page.waitForSelector('.app.search-overlay .search-panel');
    const layout = await page.evaluate(measureLayout);
    expect(layout.chatPaneWidth).toBe(920 - 480);
    expect(layout.pageScrollsSideways).toBe(false);
  });
});
