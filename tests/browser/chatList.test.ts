import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseOf } from '../../electron/core/app/openScrollbackCore.ts';
import { upsertChats } from '../../electron/core/cache/chatQueries.ts';
import { upsertSource } from '../../electron/core/cache/sourceQueries.ts';
import { personOfMessage } from '../../electron/core/people/personOfMessage.ts';
import { browserSkipReason, startBrowserSession, type BrowserSession } from './support/startBrowserSession.ts';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)(`the chat list with 5,000 chats${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await startBrowserSession();
    const db = databaseOf(session.core);
    upsertSource(db, { id: 'import:many', kind: 'import', name: 'Imported' });
    upsertChats(
      db,
      'import:many',
      Array.from({ length: 5_000 }, (_, i) => ({
        key: `chat-${i}`,
        name:
          i === 4321 ? 'Zebra crossing' : i === 1234 ? 'Pinned at the top' : i < 2 ? `Archived ${i}` : `Chat ${String(i).padStart(4, '0')}`,
        kind: 'group' as const,
        messageCount: null,
        lastMessageDate: null,
        pinned: i === 1234,
        archived: i < 2,
      })),
    );
    await session.page.reload();
    await session.page.waitForSelector('[data-chat-id]');
  });
  afterAll(async () => {
    const errors = session?.pageErrors ?? [];
    await session?.close();
    expect(errors).toEqual([]);
  });

  const focusedChat = () => session.page.evaluate(() => document.activeElement?.closest('[data-chat-id]')?.textContent ?? null);

  it('draws a screenful (few DOM nodes), is one Tab stop, and moves with arrows, End, Home and type-ahead; Enter opens', async () => {
    const { page } = session;
    expect(
      await page.evaluate(() => document.querySelector('[data-testid="chat-scroller"]')!.querySelectorAll('*').length),
    ).toBeLessThanOrEqual(200);
    expect(await page.locator('[data-testid="chat-scroller"] [data-chat-id][tabindex="0"]').count()).toBe(1);

    await page.focus('[data-testid="chat-filter"]');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedChat).toContain('Everything Archive');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedChat).toContain('Family');
    await page.keyboard.press('End');
    await expect.poll(focusedChat).toContain('Chat 4999');
    await page.keyboard.press('Home');
    await expect.poll(focusedChat).toContain('Everything Archive');
    // Type-ahead: "ze" finds Zebra, 4,321 chats down, drawn when it is reached.
    await page.keyboard.type('ze');
    await expect.poll(focusedChat).toContain('Zebra crossing');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.history-view h1').textContent()).toBe('Zebra crossing');
    // Tab leaves the list in one step.
    await page.focus('[data-chat-id][tabindex="0"]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="chat-scroller"]') === null)).toBe(true);
  });

  it('shows each chat’s newest message on this computer under its name, "You:" for one’s own', async () => {
    const { page, core } = session;
    const family = core.listChats().find((chat) => chat.name.startsWith('Family'))!;
    await page.fill('[data-testid="chat-filter"]', 'Family');
    await page.click(`[data-chat-id="${family.id}"]`);
    await page.waitForSelector('[data-testid="message-scroller"] [data-message-id]');
    const newest = core.getChat(family.id).lastMessage!;
    expect(newest).not.toBeNull();
    const who = newest.service ? '' : newest.out ? 'You: ' : `${newest.senderName}: `;
    const words = newest.text.replace(/\s+/g, ' ').trim();
    const preview = () => page.textContent(`[data-chat-id="${family.id}"] [data-testid="chat-preview"]`);
    // An attachment alone is named by its kind ("Photo"); the text otherwise.
    if (words) await expect.poll(preview).toBe(`${who}${words}`);
    else await expect.poll(async () => (await preview())?.startsWith(who)).toBe(true);
    await page.fill('[data-testid="chat-filter"]', '');
    // The list's own rows stay few with the extra line.
    expect(
      await page.evaluate(() => document.querySelector('[data-testid="chat-scroller"]')!.querySelectorAll('*').length),
    ).toBeLessThanOrEqual(200);
  });

  it('pinned chats come first with a pin; archived ones wait behind one row at the end, and the filter finds them', async () => {
    const { page } = session;
    const names = () =>
      page.$$eval('[data-testid="chat-scroller"] .chat-group-title, [data-testid="chat-scroller"] .chat-item-name', (items) =>
        items.map((item) => item.textContent?.trim()),
      );
    await page.fill('[data-testid="chat-filter"]', '');
    await page.evaluate(() => document.querySelector('[data-testid="chat-scroller"]')!.scrollTo(0, 0));
    await expect.poll(async () => (await names()).slice(0, 7)).toEqual(expect.arrayContaining(['📌 Pinned at the top']));
    const all = await names();
    const imported = all.indexOf('Imported');
    expect(all[imported + 1]).toBe('📌 Pinned at the top');
    expect(all).not.toContain('Archived 0');
    // The archive row is the last of the source: at the very end of the list.
    await page.evaluate(() => {
      const scroller = document.querySelector('[data-testid="chat-scroller"]')!;
      scroller.scrollTo(0, scroller.scrollHeight);
    });
    const toggle = page.locator('[data-testid="chat-archive-toggle"]');
    await expect.poll(() => toggle.textContent()).toBe('▸ Archived chats (2)');
    await toggle.click();
    await page.evaluate(() => {
      const scroller = document.querySelector('[data-testid="chat-scroller"]')!;
      scroller.scrollTo(0, scroller.scrollHeight);
    });
    await expect.poll(async () => (await names()).slice(-2)).toEqual(['Archived 0', 'Archived 1']);
    await toggle.click();
    await page.fill('[data-testid="chat-filter"]', 'archived 1');
    await expect.poll(names).toEqual(['Imported', 'Archived 1']);
    await page.fill('[data-testid="chat-filter"]', '');
  });

  it('Enter in the filter opens the only match', async () => {
    const { page } = session;
    await page.fill('[data-testid="chat-filter"]', 'chat 0042');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.history-view h1').textContent()).toBe('Chat 0042');
    await page.fill('[data-testid="chat-filter"]', '');
    await expect.poll(() => page.locator('[data-testid="chat-scroller"] [data-chat-id]').count()).toBeGreaterThan(5);
  });

  it('a sender opens their person view (chats as the core has them); Search everything counts as the core; a chat hides from AI assistants', async () => {
    const { page, core } = session;
    const family = core.listChats().find((chat) => chat.name.startsWith('Family'))!;
    await page.fill('[data-testid="chat-filter"]', 'Family');
    await page.click(`[data-chat-id="${family.id}"]`);
    const senderLink = page.locator('[data-testid="message-scroller"] [data-testid="sender-link"]').last();
    await senderLink.waitFor();
    const messageId = (await senderLink.evaluate((link) => link.closest('[data-message-id]')!.getAttribute('data-message-id')))!;
    const personId = personOfMessage(databaseOf(session.core), family.id, messageId)!;
    const person = core.people.getPerson(personId);
    expect(person.chats.length).toBeGreaterThan(0);

    await senderLink.click();
    const panel = page.locator('[data-testid="person-panel"]');
    await expect.poll(() => panel.locator('[data-testid="person-name"]').textContent()).toContain(person.name);
    // Focus moves into the panel.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="person-panel"]') !== null)).toBe(true);
    const shownChats = () =>
      panel.locator('[data-testid="person-chat"]').evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-chat-id'))));
    await expect.poll(shownChats).toEqual(person.chats.map((chat) => chat.chatId));
    expect(await panel.locator('[data-testid="person-sender"]').count()).toBe(person.senders.length);
    // Esc closes it and focus goes back to the sender's name.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)).toBe('sender-link');

    // The message menu's "About …" opens it too; Search everything they wrote searches all chats for them.
    await page.locator(`[data-testid="message-scroller"] [data-message-id="${messageId}"]`).click({ button: 'right' });
    await page.click('[data-testid="menu-about-person"]');
    await panel.locator('[data-testid="person-search"]').click();
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => page.inputValue('[data-testid="search-query"]')).toBe(`from:person:${personId} `);
    const expectedTotal = (
      await core.search.count({ chatId: null, from: null, to: null, query: `from:person:${personId}`, sender: '', kinds: [] })
    ).onComputer;
    expect(expectedTotal).toBeGreaterThan(0);
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="search-total"]')?.textContent?.startsWith(n),
      expectedTotal.toLocaleString('en-GB'),
    );
    await page.keyboard.press('Escape');
    await page.waitForSelector('.search-panel', { state: 'detached' });

    // Hide from AI assistants, from the chat's menu: the core holds it and the chat is marked; then shown again.
    await page.click(`[data-chat-id="${family.id}"]`, { button: 'right' });
    await page.click('[data-testid="chat-menu-assistants"]:has-text("Hide from AI assistants")');
    await expect.poll(() => core.chatIdsHiddenFromAssistants().has(family.id)).toBe(true);
    await page.waitForSelector(`[data-chat-id="${family.id}"] [data-testid="chat-hidden-mark"]`);
    await page.click(`[data-chat-id="${family.id}"]`, { button: 'right' });
    await page.click('[data-testid="chat-menu-assistants"]:has-text("Show to AI assistants")');
    await expect.poll(() => core.chatIdsHiddenFromAssistants().has(family.id)).toBe(false);
    await page.waitForSelector(`[data-chat-id="${family.id}"] [data-testid="chat-hidden-mark"]`, { state: 'detached' });
    await page.fill('[data-testid="chat-filter"]', '');
  });
});
