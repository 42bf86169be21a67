import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, saveScreenshot, startBrowserSession, type BrowserSession } from './support/startBrowserSession.ts';
import { openChat, scroller } from './support/listGeometry.ts';
import { writeForumJsonExport, type ForumExport } from '../support/writeForumExport.ts';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)(`forum topics in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let session: BrowserSession;
  let forum: number;
  let truth: ForumExport;
  beforeAll(async () => {
    session = await startBrowserSession();
    const folder = mkdtempSync(path.join(tmpdir(), 'scrollback-forum-'));
    truth = writeForumJsonExport(folder, 400);
    const [file] = await session.core.imports.importFiles([folder]);
    forum = file!.chats[0]!.chatId;
    await session.page.reload();
    await session.page.waitForSelector(`[data-chat-id="${forum}"]`);
  });
  afterAll(async () => {
    const errors = session?.pageErrors ?? [];
    await session?.close();
    expect(errors).toEqual([]);
  });

  const shownIds = () =>
    session.page.$$eval(`${scroller} [data-message-id]`, (rows) => rows.map((row) => row.getAttribute('data-message-id')!));

  it('lists the forum’s topics under its header, and shows one topic or all', async () => {
    const { page } = session;
    await openChat(page, forum);
    const bar = page.locator('[data-testid="topic-bar"]');
    await bar.waitFor();
    const tabs = (await bar.locator('[role="tab"]').allTextContents()).map((text) => text.replace(/\s+\d[\d,]*$/, '').trim());
    expect(tabs[0]).toBe('All topics');
    expect(tabs.slice(1).sort()).toEqual(truth.topics.map((topic) => topic.title).sort());
    // In the whole chat, a message of a topic says which.
    await page.locator(`${scroller} [data-testid="message-topic"]`).first().waitFor();
    await bar.locator('[role="tab"]', { hasText: 'Q&A' }).click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="topic-bar"] [aria-selected="true"]')?.textContent?.startsWith('Q&A'),
    );
    await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('aria-busy') === 'false', scroller);
    const inQa = new Set(truth.messages.filter((message) => message.topic === 'Q&A').map((message) => String(message.id)));
    await expect.poll(async () => (await shownIds()).length).toBeGreaterThan(5);
    const ids = await shownIds();
    expect(ids.every((id) => inQa.has(id))).toBe(true);
    // The newest of the topic is at the bottom.
    expect(ids.at(-1)).toBe([...inQa].at(-1));
    await saveScreenshot(page, 'forum-topic');
    await bar.locator('[role="tab"]', { hasText: 'All topics' }).click();
    await expect.poll(async () => (await shownIds()).some((id) => !inQa.has(id))).toBe(true);
  });

  it('a message opened from search shows its topic', async () => {
    const { page } = session;
    await page.keyboard.press('Control+f');
    await page.fill('[data-testid="search-query"]', 'message in:Announcements');
    const first = page.locator('[data-result-index="0"]');
    await first.waitFor();
    expect(await first.locator('[data-testid="search-result-topic"]').textContent()).toContain('Announcements 📣');
    const id = (await first.getAttribute('data-message-id'))!;
    await first.click();
    const row = page.locator(`${scroller} [data-message-id="${id}"]`);
    await row.waitFor();
    expect(await row.locator('[data-testid="message-topic"]').textContent()).toBe('in Announcements 📣');
    expect(truth.messages.find((message) => String(message.id) === id)!.topic).toBe('Announcements 📣');
  });
});
