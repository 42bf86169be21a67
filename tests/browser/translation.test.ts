import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '@playwright/test';
import { browserSkipReason, saveScreenshot, type BrowserSession } from './support/startBrowserSession.ts';
import { useSessionWithFamilyCached } from './support/useBrowserSession.ts';
import { openChat } from './support/listGeometry.ts';
import { demoChats } from '../../electron/core/sources/demo/demoChats.ts';
import { createTranslator, translator } from '../../electron/core/i18n/createTranslator.ts';

const skipReason = browserSkipReason();

/** Words that are the locale's formatting, not the catalog's (the pseudo-locale formats dates and units as English). */
const FORMATTING_WORDS = new Set(
  [
    ...['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    ...['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'],
    ...['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    ...['AM', 'PM', 'am', 'pm', 'at', 'kB', 'KB', 'MB', 'GB', 'byte', 'bytes', 'sec', 'min', 'hr', 'K', 'M'],
  ].map((word) => word.toLowerCase()),
);

/**
 * Visible text and text attributes in the window that are not in the pseudo-locale: any word of plain ASCII
 * letters that is neither the user's data (inside a `dir="auto"` element, or a chat, source or sender name)
 * nor the locale's date and unit words. Each hit says where it is.
 */
async function untranslatedOnScreen(page: Page, dataNames: string[]): Promise<string[]> {
  return page.evaluate(
    ({ dataNames, formattingWords }) => {
      const skip = new Set(formattingWords);
      const names = [...dataNames].sort((a, b) => b.length - a.length);
      const leftover = (text: string) => {
        let rest = text;
        for (const name of names) rest = rest.split(name).join(' ');
        return (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !skip.has(word.toLowerCase()));
      };
      const where = (element: Element) =>
        `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}`;
      const isData = (element: Element) => element.closest('[dir="auto"], script, style, noscript, [data-i18n-data]') !== null;
      const visible = (element: Element) => element.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true });
      const hits: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || isData(parent) || !visible(parent)) continue;
        // A closed <select> shows only its chosen option.
        const option = parent.closest('option');
        if (option && !option.selected) continue;
        const words = leftover(node.textContent ?? '');
        if (words.length > 0) hits.push(`${where(parent)}: “${(node.textContent ?? '').trim().slice(0, 80)}”`);
      }
      for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
        if (isData(element) || !visible(element)) continue;
        for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
          const value = element.getAttribute(attribute);
          if (value && leftover(value).length > 0) hits.push(`${where(element)}[${attribute}]: “${value.slice(0, 80)}”`);
        }
      }
      return [...new Set(hits)];
    },
    { dataNames, formattingWords: [...FORMATTING_WORDS] },
  );
}

async function useLanguage(page: Page, language: string | null): Promise<void> {
  await page.evaluate(
    (value) => (value ? localStorage.setItem('scrollback.language', value) : localStorage.removeItem('scrollback.language')),
    language,
  );
  await page.reload();
  await page.waitForSelector('[data-chat-id]');
}

describe.skipIf(skipReason !== null)(`the window in other languages${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  const cached = useSessionWithFamilyCached();
  let session: BrowserSession;
  let family: number;
  let dataNames: string[];
  beforeAll(() => {
    session = cached.session();
    family = cached.family();
    dataNames = [
      ...session.core.listChats().map((chat) => chat.name),
      ...session.core.listSources().map((source) => source.name),
      ...demoChats.flatMap((chat) => chat.senders.map((sender) => sender.name)),
    ];
    // Avatars show a name's initials ("Ana Costa": AC): data too.
    dataNames.push(
      ...dataNames.map((name) =>
        name
          .split(/\s+/)
          .slice(0, 2)
          .map((word) => [...word][0] ?? '')
          .join('')
          .toUpperCase(),
      ),
    );
  });

  it('in the pseudo-locale every word on screen comes from the catalog: chat list, a chat, search with results, export', async () => {
    const { page } = session;
    try {
      await useLanguage(page, 'en-XA');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-XA');
      const found: Record<string, string[]> = {};
      await openChat(page, family);
      found['chat'] = await untranslatedOnScreen(page, dataNames);
      await saveScreenshot(page, 'pseudo-locale-chat');

      await page.keyboard.press('Control+f');
      await page.fill('[data-testid="search-query"]', 'the train');
      await page.locator('[data-result-index="0"]').waitFor();
      await page.waitForSelector('[data-testid="search-total"]');
      found['search'] = await untranslatedOnScreen(page, dataNames);
      await saveScreenshot(page, 'pseudo-locale-search');
      await page.keyboard.press('Escape');

      await page.keyboard.press('Control+e');
      await page.waitForSelector('.export-dialog[open] [data-testid="export-estimate"]');
      await page.waitForFunction(() => !/…$/.test(document.querySelector('[data-testid="export-estimate"]')?.textContent ?? '…'));
      found['export'] = await untranslatedOnScreen(page, dataNames);
      await saveScreenshot(page, 'pseudo-locale-export');
      await page.keyboard.press('Escape');

      expect(found).toEqual({ chat: [], search: [], export: [] });
    } finally {
      await useLanguage(page, null);
    }
  });

  it('in Arabic the window is mirrored: dir=rtl, the chat list on the right of the chat', async () => {
    const { page } = session;
    try {
      await useLanguage(page, 'ar');
      await openChat(page, family);
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
      const sides = await page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
        return { sidebar: box('.sidebar'), chat: box('.chat-pane') };
      });
      expect(sides.sidebar.left).toBeGreaterThanOrEqual(sides.chat.right - 1);
      await saveScreenshot(page, 'arabic-window');
    } finally {
      await useLanguage(page, null);
    }
  });

  it('in German, counts read with German digit grouping: the million-message chat says 1.000.000', async () => {
    const { page } = session;
    const million = session.chatIdOf(1_000_000);
    try {
      await useLanguage(page, 'de');
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['de', 'ltr']);
      await expect.poll(() => page.textContent(`[data-chat-id="${million}"]`)).toContain('1.000.000');
      // Main and the core speak the window's language, not the system's: an error the core words comes in German.
      await expect.poll(() => translator().locale).toBe('de');
      const refused = await page.evaluate(() => window.scrollback.importFiles({ paths: ['notes.txt'] }));
      expect(refused).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: 'INVALID_INPUT',
          message: createTranslator('de')('error.import.relativePath', { path: 'notes.txt' }),
        }),
      });
    } finally {
      await useLanguage(page, null);
    }
  });
});
