import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, saveScreenshot, type BrowserSession } from './support/startBrowserSession.ts';
import { useSessionWithFamilyCached } from './support/useBrowserSession.ts';
import { openChat, scroller, wheelTicks } from './support/listGeometry.ts';
import { axeViolations, focusedMessage, lastWhollyVisibleIndex } from './support/historyA11y.ts';
import { waitFrames } from './support/frameSampler.ts';
import { holdAnimationFrames, releaseAnimationFrames } from './support/heldFrames.ts';
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
      await page.$$eval(`${scroller} [data-selected="true"]`, (rows) => rows.map((row) => (row as HTMLElement).dataset.messageId)),
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
  it('by keyboard alone: Tab lands on the last message in view, the arrows, PageUp/PageDown and End move, Shift+F10 opens its menu and focus comes back, Space selects in selection mode', async () => {
    const { page } = session;
    await openChat(page, family);
    // From the control before the list in the Tab order, one Tab: the last message wholly in view.
    await page.evaluate((s) => {
      const list = document.querySelector(s)!;
      const before = [...document.querySelectorAll<HTMLElement>('button, [href], input, [tabindex]')].filter(
        (element) =>
          element.tabIndex >= 0 &&
          !element.closest(s) &&
          element.offsetParent !== null &&
          (element.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      );
      before.at(-1)!.focus();
    }, scroller);
    await page.keyboard.press('Tab');
    // Both sides read at each poll: rows settling (a picture's height arriving) can change which is last in view.
    await expect
      .poll(async () => {
        const [focused, last] = [(await focusedMessage(page)).index, await lastWhollyVisibleIndex(page)];
        return focused === last ? 'the last message wholly in view' : `message ${focused}, the last in view being ${last}`;
      })
      .toBe('the last message wholly in view');
    const landed = await focusedMessage(page);
    // Its name is its sender and time; its text stays its description (no label hiding it).
    const named = await page.evaluate(() => {
      const active = document.activeElement!;
      const text = (ids: string | null) =>
        (ids ?? '')
          .split(' ')
          .filter(Boolean)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ');
      return {
        role: active.getAttribute('role'),
        label: active.getAttribute('aria-label'),
        name: text(active.getAttribute('aria-labelledby')),
        description: text(active.getAttribute('aria-describedby')),
      };
    });
    const [message] = session.core.getMessages(family, [landed.id!]);
    expect(named.role).toBe('article');
    expect(named.label).toBeNull();
    expect(named.name.startsWith(message!.out ? 'You' : message!.senderName!)).toBe(true);
    if (message!.text) expect(named.description).toContain(message!.text.slice(0, 40));

    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await focusedMessage(page)).index).toBe(landed.index! - 1);
    await page.keyboard.press('PageUp');
    await expect.poll(async () => (await focusedMessage(page)).index ?? Infinity).toBeLessThan(landed.index! - 2);
    const paged = await focusedMessage(page);
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await focusedMessage(page)).index ?? -1).toBeGreaterThan(paged.index!);

    // Shift+F10: the focused message's menu, focused; Esc closes it and focus is back on the message.
    const onMessage = (await focusedMessage(page)).id!;
    await page.keyboard.press('Shift+F10');
    await page.waitForSelector('.context-menu [role="menuitem"]:focus');
    // The next frame is held while Esc closes the menu and Shift+F10 opens it again: the closed menu's focus
    // return, due a frame later, must leave the new menu its focus (it took it back once, on a busy machine).
    await holdAnimationFrames(page);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.context-menu', { state: 'detached' });
    await expect.poll(async () => (await focusedMessage(page)).id).toBe(onMessage);
    // The menu again, then Select (the fourth item): selection mode, focus back on the message.
    // (Shift+F10 again: Chromium also turns the Menu key into a contextmenu event of its own, which raced the
    // key's handler here; the key itself is mapped in historyGroupsAndKeys.test.ts.)
    await page.keyboard.press('Shift+F10');
    await page.waitForSelector('.context-menu [role="menuitem"]');
    expect(await releaseAnimationFrames(page)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.closest('.context-menu [role="menuitem"]') !== null)).toBe(true);
    expect(await page.locator('.context-menu').count()).toBe(1);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="selection-bar"]');
    await expect.poll(async () => (await focusedMessage(page)).id).toBe(onMessage);
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await focusedMessage(page)).id).not.toBe(onMessage);
    await page.keyboard.press(' ');
    await expect.poll(() => page.textContent('[data-testid="selection-count"]')).toBe('2 messages selected');
    await page.keyboard.press(' ');
    await expect.poll(() => page.textContent('[data-testid="selection-count"]')).toBe('1 message selected');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="selection-bar"]', { state: 'detached' });

    // End: the newest message, focused.
    await page.keyboard.press('PageUp');
    await page.keyboard.press('End');
    const count = Number(await page.getAttribute(scroller, 'data-loaded-count'));
    await expect.poll(async () => (await focusedMessage(page)).index).toBe(count - 1);
  });

  it('Enter on a reply opens its original, lit for a moment (and lit without a fade when motion is reduced)', async () => {
    const { page } = session;
    for (const motion of ['no-preference', 'reduce'] as const) {
      await page.emulateMedia({ reducedMotion: motion });
      await openChat(page, session.chatIdOf(900));
      await openChat(page, family);
      // A reply on screen whose original this window has loaded too (family's ids run in order, oldest first).
      const findReply = async () => {
        const replies = await page.$$eval(`${scroller} .message`, (rows) =>
          rows
            .filter((row) => row.querySelector('.reply-quote') && !row.querySelector('.media-visual'))
            .map((row) => (row as HTMLElement).dataset.messageId!),
        );
        const oldestLoaded = Number(await page.getAttribute(scroller, 'data-oldest-loaded-id'));
        return session.core
          .getMessages(family, replies)
          .filter((message) => Number(message.replyToId) >= oldestLoaded)
          .at(-1)?.id;
      };
      let reply = await findReply();
      for (let i = 0; i < 30 && reply === undefined; i++) {
        await wheelTicks(page, 2, -300);
        reply = await findReply();
      }
      expect(reply).toBeDefined();
      const original = session.core.getMessages(family, [reply!])[0]!.replyToId!;
      // The quote is named by who and what it quotes, as it reads.
      const quoteName = await page.locator(`${scroller} [data-message-id="${reply}"] .reply-quote`).evaluate((quote) => ({
        label: quote.getAttribute('aria-label'),
        text: quote.textContent,
      }));
      expect(quoteName.label).toBeNull();
      expect(quoteName.text).toMatch(/^Reply to .+: .+/);
      await page.focus(`${scroller} [data-message-id="${reply}"]`);
      await page.keyboard.press('Enter');
      // Read in the same frame the original is found lit (a later read could meet its row re-rendered by paging).
      const animation = await page.waitForFunction((selector) => {
        const element = document.querySelector(selector);
        return element ? getComputedStyle(element).animationName : null;
      }, `${scroller} .highlighted[data-message-id="${original}"]`);
      expect(await animation.jsonValue()).toBe(motion === 'reduce' ? 'highlight-steady' : 'highlight');
    }
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('looks like a chat: a private chat has no names and no "created the group"; a group names the first bubble of a run and puts the avatar and tail on the last; the list passes axe in both themes', async () => {
    const { page } = session;
    const ana = session.chatIdOf(900);
    await openChat(page, ana);
    expect(await page.locator(`${scroller} .sender`).count()).toBe(0);
    expect(await page.locator(`${scroller} .sender-avatar`).count()).toBe(0);
    await page.focus(scroller);
    await page.keyboard.press('Home');
    await page.waitForSelector(`${scroller} .chat-start`);
    expect(await page.locator(`${scroller} [data-index="0"] .service-line`).count()).toBe(0);
    expect(await page.locator(scroller).textContent()).not.toContain('created the group');
    await saveScreenshot(page, 'history-private-chat');

    // The big group: messages minutes apart, so one sender's runs come every few screens.
    await openChat(page, session.chatIdOf(1_000_000));
    const readRuns = () =>
      page.evaluate(
        (s) =>
          [...document.querySelectorAll<HTMLElement>(`${s} .message.in`)].map((row) => ({
            start: row.classList.contains('group-start'),
            end: row.classList.contains('group-end'),
            name: row.querySelector('.sender') !== null,
            avatar: row.querySelector('.sender-avatar') !== null,
          })),
        scroller,
      );
    let runs = await readRuns();
    for (let i = 0; i < 30 && runs.every((run) => run.end); i++) {
      await wheelTicks(page, 2, -300);
      runs = await readRuns();
    }
    expect(runs.length).toBeGreaterThan(3);
    for (const run of runs) {
      expect(run.name).toBe(run.start);
      expect(run.avatar).toBe(run.end);
    }
    expect(runs.some((run) => !run.end)).toBe(true);
    await saveScreenshot(page, 'history-group-runs');
    // The date chip fades after scrolling: judged once it has settled, not halfway through its fade.
    await expect
      .poll(() => page.$eval('[data-testid="date-chip"]', (chip) => Number(getComputedStyle(chip).opacity)), { timeout: 60_000 })
      .toBe(0);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await waitFrames(page, 2);
      expect(await axeViolations(page, '.history')).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
