import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, saveScreenshot, type BrowserSession } from './support/startBrowserSession.ts';
import { useSessionWithFamilyCached } from './support/useBrowserSession.ts';
import { openChat, scroller } from './support/listGeometry.ts';
import type { ChatMessage } from '../../shared/domain.ts';

const skipReason = browserSkipReason();

/** "[12 Mar 2021 14:02] Ana: text" in the page's zone (Europe/Lisbon), built here without the app's formatter. */
function expectedLine(message: ChatMessage): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'Europe/Lisbon',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(message.date)
      .map((part) => [part.type, part.value]),
  );
  return `[${parts.day} ${parts.month} ${parts.year} ${parts.hour}:${parts.minute}] ${message.senderName}: ${message.text}`;
}

describe.skipIf(skipReason !== null)(`a message's context menu and selection${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  const cached = useSessionWithFamilyCached();
  let session: BrowserSession;
  let family: number;
  beforeAll(async () => {
    session = cached.session();
    family = cached.family();
    await session.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openChat(session.page, family);
  });

  const clipboard = () => session.page.evaluate(() => navigator.clipboard.readText());
  /** Three consecutive plain-text messages on screen (no media, no service line between them). */
  async function threeInARow(): Promise<ChatMessage[]> {
    const ids = await session.page.$$eval(`${scroller} [data-message-id]`, (rows) =>
      rows.filter((row) => row.getBoundingClientRect().top > 80).map((row) => (row as HTMLElement).dataset.messageId!),
    );
    const messages = session.core.getMessages(family, ids);
    for (let i = 0; i + 2 < messages.length; i++) {
      const run = messages.slice(i, i + 3);
      if (run.every((message) => !message.service && message.media === null && message.text !== '' && !message.text.includes('\n')))
        return run;
    }
    throw new Error('no three plain messages in a row on screen');
  }

  it('right-click → Copy text puts the message text on the clipboard; Copy with date and sender, and Copy link', async () => {
    const { page } = session;
    const [message] = await threeInARow();
    const row = page.locator(`${scroller} [data-message-id="${message!.id}"] .text`);
    await row.click({ button: 'right' });
    await page.waitForSelector('.context-menu [role="menuitem"]:focus');
    await saveScreenshot(page, 'message-context-menu');
    await page.click('[data-testid="menu-copy-text"]');
    await expect.poll(clipboard).toBe(message!.text);
    await page.waitForSelector('.context-menu', { state: 'detached' });

    await row.click({ button: 'right' });
    await page.click('[data-testid="menu-copy-line"]');
    await expect.poll(clipboard).toBe(expectedLine(message!));

    // Keyboard: the menu opens focused, arrows move, Enter chooses, Esc closes.
    await row.click({ button: 'right' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(clipboard).toBe(`scrollback://message?chat=${family}&id=${message!.id}`);
    await row.click({ button: 'right' });
    await page.keyboard.press('Escape');
    await page.waitForSelector('.context-menu', { state: 'detached' });
  });

  it('Select, then Shift+click two messages on: Copy gives the three lines in order with dates; Export writes exactly them', async () => {
    const { page, folder } = session;
    const three = await threeInARow();
    const [first, , third] = three;
    await page.locator(`${scroller} [data-message-id="${first!.id}"] .text`).click({ button: 'right' });
    await page.click('[data-testid="menu-select"]');
    await page.waitForSelector('[data-testid="selection-bar"]');
    await page.locator(`${scroller} [data-message-id="${third!.id}"] .text`).click({ modifiers: ['Shift'] });
    await expect.poll(() => page.textContent('[data-testid="selection-count"]')).toBe('3 messages selected');
    expect(
      await page.$$eval(`${scroller} [aria-selected="true"]`, (rows) => rows.map((row) => (row as HTMLElement).dataset.messageId)),
    ).toEqual(three.map((message) => message.id));
    await saveScreenshot(page, 'message-selection');
    await page.click('[data-testid="selection-copy"]');
    const lines = three.map(expectedLine).join('\n');
    await expect.poll(clipboard).toBe(lines);
    // Ctrl+C in the list copies the same.
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.focus(scroller);
    await page.keyboard.press('Control+c');
    await expect.poll(clipboard).toBe(lines);

    // A click toggles one message out and back in.
    await page.locator(`${scroller} [data-message-id="${three[1]!.id}"] .text`).click();
    await expect.poll(() => page.textContent('[data-testid="selection-count"]')).toBe('2 messages selected');
    await page.locator(`${scroller} [data-message-id="${three[1]!.id}"] .text`).click();
    await expect.poll(() => page.textContent('[data-testid="selection-count"]')).toBe('3 messages selected');

    await page.click('[data-testid="selection-export"]');
    await page.waitForSelector('.export-dialog[open]');
    expect(await page.isChecked('[data-testid="export-selected"]')).toBe(true);
    await page.click('.export-dialog input[value="txt"]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="export-estimate"]')?.textContent?.startsWith('3 cached messages selected'),
    );
    const target = path.join(folder, 'selected.txt');
    session.dialogs.savePath = target;
    await page.click('.export-dialog button[type="submit"]');
    await page.waitForSelector('.export-strip.done');
    expect(await page.textContent('.export-strip.done')).toContain('Exported 3 messages');
    const written = readFileSync(target, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('['));
    expect(written.map((line) => line.replace(/^\[\d\d:\d\d\] /, ''))).toEqual(three.map((m) => `${m.senderName}: ${m.text}`));

    // Esc leaves selection mode; Ctrl+A selects every loaded message.
    await page.focus(scroller);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="selection-bar"]', { state: 'detached' });
    await page.keyboard.press('Control+a');
    const loaded = Number(await page.getAttribute(scroller, 'data-loaded-count'));
    await expect
      .poll(() => page.textContent('[data-testid="selection-count"]'))
      .toBe(`${loaded.toLocaleString('en-GB')} messages selected`);
    await page.keyboard.press('Escape');
  });

  it('text dragged across several messages copies as their transcript lines', async () => {
    const { page } = session;
    const three = await threeInARow();
    await page.evaluate(
      ({ s, ids }) => {
        const start = document.querySelector(`${s} [data-message-id="${ids[0]}"] .text`)!;
        const end = document.querySelector(`${s} [data-message-id="${ids[2]}"] .text`)!;
        const range = document.createRange();
        range.setStart(start.firstChild ?? start, 0);
        range.setEnd(end, end.childNodes.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
      },
      { s: scroller, ids: three.map((message) => message.id) },
    );
    await page.keyboard.press('Control+c');
    await expect.poll(clipboard).toBe(three.map(expectedLine).join('\n'));
  });
});
