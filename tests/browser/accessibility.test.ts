import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, saveScreenshot, type BrowserSession } from './support/startBrowserSession.ts';
import { useSessionWithFamilyCached } from './support/useBrowserSession.ts';
import { clickChatAction, openChat, scroller } from './support/listGeometry.ts';
import { waitFrames } from './support/frameSampler.ts';

const skipReason = browserSkipReason();
const axeSource = readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** axe-core's WCAG 2.x A/AA rules (and the experimental name-mismatch rule) over the page as it is. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: the window's Content-Security-Policy refuses inline script tags.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    });
    return result.violations;
  });
  return violations
    .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.impact} ${violation.id}: ${node.target.join(' ')} — ${node.failureSummary ?? violation.help}`,
      ),
    );
}

type Theme = 'light' | 'dark';
const themes: Theme[] = ['light', 'dark'];

async function setTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
  await page.waitForFunction((wanted) => document.documentElement.dataset.theme === wanted, theme);
  await waitFrames(page, 2);
}

/** Opens the chat list (over the chat in a narrow window) if it is not shown. */
async function showChatList(page: Page): Promise<void> {
  if (await page.locator('.app.sidebar-hidden').count()) {
    await page.click('[data-testid="sidebar-toggle"]');
    await page.waitForSelector('.app.sidebar-overlay [data-chat-id]');
  }
}
async function openChatFromList(page: Page, chatId: number): Promise<void> {
  await showChatList(page);
  await openChat(page, chatId);
  await page.waitForSelector('.app:not(.sidebar-overlay)');
}

interface WindowState {
  name: string;
  /** Brings the window from "a chat open, nothing else" to this state. */
  enter(page: Page, session: BrowserSession): Promise<void>;
  /** Back to "a chat open, nothing else". */
  leave(page: Page): Promise<void>;
  /** Part of issue 31's eight screenshot states. */
  screenshot: boolean;
}

describe.skipIf(skipReason !== null)(
  `the window for everyone: axe-clean states, screenshots${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    const cached = useSessionWithFamilyCached();
    let session: BrowserSession;
    let family: number;
    let ana: number;
    beforeAll(() => {
      session = cached.session();
      family = cached.family();
      ana = session.chatIdOf(900);
    });

    const states: WindowState[] = [
      {
        name: 'chat-list',
        screenshot: true,
        enter: async (page) => {
          await page.evaluate(() => localStorage.clear());
          await page.reload();
          await page.waitForSelector('[data-chat-id]', { state: 'attached' });
          await showChatList(page);
        },
        leave: async (page) => openChatFromList(page, family),
      },
      {
        name: 'group-chat',
        screenshot: true,
        enter: async () => {},
        leave: async () => {},
      },
      {
        name: 'private-chat',
        screenshot: true,
        enter: async (page) => openChatFromList(page, ana),
        leave: async (page) => openChatFromList(page, family),
      },
      {
        name: 'search',
        screenshot: true,
        enter: async (page) => {
          await page.keyboard.press('Control+f');
          await page.fill('[data-testid="search-query"]', 'the train');
          await page.locator('[data-result-index="0"]').waitFor();
          await page.waitForFunction(() =>
            /on this computer/.test(document.querySelector('[data-testid="search-total"]')?.textContent ?? ''),
          );
        },
        leave: async (page) => {
          await page.keyboard.press('Escape');
          await page.waitForSelector('.search-panel', { state: 'detached' });
        },
      },
      {
        name: 'media-viewer',
        screenshot: true,
        enter: async (page) => {
          const photo = page.locator(`${scroller} .media-visual[data-media-kind="photo"]`).last();
          await photo.click();
          await page.waitForSelector('[data-testid="viewer-picture"]');
        },
        leave: async (page) => {
          await page.keyboard.press('Escape');
          await expect.poll(() => page.locator('.media-viewer').count()).toBe(0);
        },
      },
      {
        name: 'export',
        screenshot: true,
        enter: async (page) => {
          await page.keyboard.press('Control+e');
          await page.waitForSelector('.export-dialog[open] input[name="format"]');
        },
        leave: async (page) => {
          await page.keyboard.press('Escape');
          await page.waitForSelector('.export-dialog', { state: 'detached' });
        },
      },
      {
        name: 'settings',
        screenshot: true,
        enter: async (page) => {
          await showChatList(page);
          await page.click('[data-testid="open-settings"]');
          await page.waitForSelector('.settings-dialog[open]');
        },
        leave: async (page) => {
          await page.keyboard.press('Escape');
          await page.waitForSelector('.settings-dialog', { state: 'detached' });
          await page.waitForSelector('.app:not(.sidebar-overlay)');
        },
      },
      {
        name: 'what-changed',
        screenshot: true,
        enter: async (page) => {
          await clickChatAction(page, 'open-what-changed');
          await page.waitForSelector('[data-testid="what-changed"]');
        },
        leave: async (page) => {
          await clickChatAction(page, 'open-what-changed');
          await page.waitForSelector('[data-testid="what-changed"]', { state: 'detached' });
        },
      },
      {
        name: 'login-dialog',
        screenshot: false,
        enter: async (page) => {
          await showChatList(page);
          await page.click('[data-testid="add-menu"]');
          await page.click('[data-testid="add-source-telegram"]');
          await page.waitForSelector('.telegram-dialog[open]');
        },
        leave: async (page) => {
          await page.keyboard.press('Escape');
          await page.waitForSelector('.telegram-dialog[open]', { state: 'detached' });
          await page.waitForSelector('.app:not(.sidebar-overlay)');
        },
      },
      {
        name: 'import-result',
        screenshot: false,
        enter: async (page, { folder, dialogs }) => {
          const file = path.join(folder, 'WhatsApp Chat with Rita.txt');
          writeFileSync(file, '12/01/2024, 10:00 - Rita: Olá!\n13/01/2024, 21:30 - Rita: Até amanhã\n');
          dialogs.openPaths = [file];
          await page.keyboard.press('Control+o');
          await page.waitForSelector('.import-panel.done');
        },
        leave: async (page) => {
          await page.click('.import-panel.done button:has-text("Close")');
          await page.waitForSelector('.import-panel', { state: 'detached' });
        },
      },
    ];

    it('has no critical or serious axe violation in ten states, light and dark', async () => {
      const { page } = session;
      await page.setViewportSize({ width: 1280, height: 800 });
      const found: string[] = [];
      for (const state of states) {
        try {
          await state.enter(page, session);
          for (const theme of themes) {
            await setTheme(page, theme);
            for (const violation of await seriousViolations(page)) found.push(`${state.name} (${theme}) ${violation}`);
            if (process.env.A11Y_SHOTS) await saveScreenshot(page, `a11y-${state.name}-${theme}`);
          }
          await state.leave(page);
        } catch (error) {
          // One state that cannot be reached is reported, and the others still checked.
          found.push(`${state.name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
          await page.reload();
          await openChatFromList(page, family);
        }
      }
      expect(found).toEqual([]);
    }, 120_000);
  },
);
