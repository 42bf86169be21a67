import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { databaseOf } from '../../electron/core/app/openScrollbackCore.ts';
import { createDemoSource, type DemoPace } from '../../electron/core/sources/demo/createDemoSource.ts';
import { backgroundSent, backgroundSentAhead } from './support/requestOrder.ts';
import { browserSkipReason } from './support/startBrowserSession.ts';
import { useBrowserSession } from './support/useBrowserSession.ts';
import { openChat, scroller } from './support/listGeometry.ts';

const skipReason = browserSkipReason();
const BIG = 1_000_000;
const DESIGN = 6_000;

/**
 * A real account's rhythm (one request in flight, a pause between starts), compressed: a jump meets the backup's
 * requests every few frames.
 */
const PACE: DemoPace = { pacingMs: 120, requestMs: 40, floodWaitEvery: 1000, floodWaitMs: 0 };

const axeSource = readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.x A/AA rules over the page as it is: the serious and critical findings (as accessibility.test.ts). */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    type Found = { id: string; impact: string | null; help: string; nodes: Array<{ target: string[]; failureSummary?: string }> };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Found[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
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

/** The message a jump to `date` lands on, from the demo's own timeline (nothing is cached by it). */
async function landingId(date: number): Promise<string> {
  const page = await createDemoSource().getAround({ key: 'archive', peer: null }, { date }, 60);
  return page.messages.find((message) => message.date >= date)!.id;
}

describe.skipIf(skipReason !== null)(`the Backup view${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  const session = useBrowserSession({ demoPace: PACE });

  it('runs the account’s backup with a jump in another chat painting after at most one of its requests; the figures and the chat list’s marks match the database', async () => {
    const { page, core, demoRequests } = session();
    const big = session().chatIdOf(BIG);
    const design = session().chatIdOf(DESIGN);
    const sourceId = core.listChats().find((chat) => chat.id === big)!.sourceId;
    // The demo's largest chat is left out (it would take hours); the three others make a backup of about 310
    // history requests, which runs well past the end of this test whatever the machine's load (it is cancelled).
    core.backup.setSettings(sourceId, {
      kinds: ['private', 'groups', 'channels', 'bots'],
      media: [],
      excludedChatIds: [big],
      everyMinutes: 0,
      includeLeft: false,
    });

    // Opened from a chat's menu; Back up now.
    await page.click(`[data-chat-id="${design}"]`, { button: 'right' });
    await page.click('[role="menuitem"]:has-text("Back up this account…")');
    await page.waitForSelector('[data-testid="backup-view"][open]');
    await page.click('[data-testid="backup-start"]');
    await page.waitForSelector('[data-testid="backup-state"][data-state="running"]');
    await expect.poll(() => backgroundSent(demoRequests).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="backup-view"]', { state: 'detached' });

    // A jump in a chat the backup does not cover, to a date not on this computer, while the backup runs.
    await openChat(page, big);
    const date = new Date(2018, 4, 20, 9, 30).getTime();
    const target = await landingId(date);
    await page.keyboard.press('Control+g');
    await page.fill('[data-testid="jump-date"]', '2018-05-20');
    await page.fill('[data-testid="jump-time"]', '09:30');
    const beforeJump = demoRequests.length;
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${scroller} [data-message-id="${target}"]`, { timeout: 60_000 });
    // The window asked the source (the date was not cached), and each of its requests went before the backup's
    // next one: it waited at most for the one backup request in flight when it was asked.
    const windowRequests = backgroundSentAhead(demoRequests, beforeJump);
    expect(windowRequests.length).toBeGreaterThan(0);
    expect(windowRequests.filter((request) => request.overtakenBy.length > 0)).toEqual([]);
    expect(core.backup.status(sourceId).state).toBe('running');

    // Paused from the view: its figures then match the database, chat by chat and in total.
    await page.click(`[data-chat-id="${design}"]`, { button: 'right' });
    await page.click('[role="menuitem"]:has-text("Back up this account…")');
    await page.click('[data-testid="backup-pause"]');
    await page.waitForSelector('[data-testid="backup-state"][data-state="paused"]');
    const db = databaseOf(core);
    const countOf = (chatId: number) => (db.prepare('SELECT count(*) AS n FROM messages WHERE chat_id = ?').get(chatId) as { n: number }).n;
    const shown = () =>
      page.$$eval('[data-testid="backup-chat-row"]', (rows) =>
        rows.map((row) => ({
          chatId: Number(row.getAttribute('data-chat-id')),
          state: row.getAttribute('data-state'),
          stored: Number(row.getAttribute('data-stored')),
        })),
      );
    const fromDatabase = () =>
      core.backup
        .listChats(sourceId)
        .map((chat) => ({ chatId: chat.chatId, state: chat.excluded ? 'excluded' : chat.state, stored: countOf(chat.chatId) }));
    await expect.poll(shown, { timeout: 30_000 }).toEqual(fromDatabase());
    const included = fromDatabase().filter((chat) => chat.state !== 'excluded');
    await expect
      .poll(() => page.getAttribute('[data-testid="backup-messages"]', 'data-stored'))
      .toBe(String(included.reduce((sum, chat) => sum + chat.stored, 0)));
    await expect
      .poll(() =>
        page.$eval('[data-testid="backup-chats"]', (line) => [line.getAttribute('data-excluded'), line.getAttribute('data-total')]),
      )
      .toEqual(['1', '4']);
    // The open view passes the accessibility rules the rest of the window is held to.
    expect(await seriousViolations(page)).toEqual([]);
    // Something was stored by the backup before the pause.
    expect(included.reduce((sum, chat) => sum + chat.stored, 0)).toBeGreaterThan(0);

    // The chat list marks every chat not backed up, and the one left out.
    await page.keyboard.press('Escape');
    const marks = () =>
      page.$$eval('.chat-item[data-chat-id]', (items) =>
        items.map((item) => ({
          chatId: Number(item.getAttribute('data-chat-id')),
          mark: item.querySelector('[data-testid="chat-backup-mark"]')?.getAttribute('data-mark') ?? null,
        })),
      );
    const expectedMarks = () =>
      core.backup
        .listChats(sourceId)
        .map((chat) => ({ chatId: chat.chatId, mark: chat.excluded ? 'excluded' : chat.backedUpAt === null ? 'notBackedUp' : null }));
    await expect
      .poll(async () => (await marks()).sort((a, b) => a.chatId - b.chatId))
      .toEqual(expectedMarks().sort((a, b) => a.chatId - b.chatId));
    expect((await marks()).find((chat) => chat.chatId === big)?.mark).toBe('excluded');

    // An exclusion set in the view reaches the backup's settings; Cancel ends the pass.
    await page.click(`[data-chat-id="${design}"]`, { button: 'right' });
    await page.click('[role="menuitem"]:has-text("Back up this account…")');
    await page.click(`[data-testid="backup-chat-row"][data-chat-id="${design}"] input[type="checkbox"]`);
    await expect.poll(() => core.backup.status(sourceId).settings.excludedChatIds.includes(design)).toBe(true);
    await page.click('[data-testid="backup-cancel"]');
    await page.waitForSelector('[data-testid="backup-start"]');
    expect(['idle', 'done']).toContain(core.backup.status(sourceId).state);
    await page.keyboard.press('Escape');
  });
});
