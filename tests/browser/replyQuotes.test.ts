import { describe, expect, it } from 'vitest';
import { browserSkipReason } from './support/startBrowserSession.ts';
import { useBrowserSession } from './support/useBrowserSession.ts';
import { scroller, wheelTicks } from './support/listGeometry.ts';
import { databaseOf } from '../../electron/core/app/openScrollbackCore.ts';
import { selectMessagesByIds } from '../../electron/core/cache/messageQueries.ts';

const skipReason = browserSkipReason();

interface QuoteSeen {
  drawn: number;
  /** The last frame it was drawn in (a row scrolled past leaves the list). */
  lastSeen: number;
  named: number | null;
  sender: string;
  text: string;
  /** The window's oldest loaded message when the quote was first drawn: an older original was not loaded. */
  oldestLoaded: number;
}

describe.skipIf(skipReason !== null)(`reply quotes of messages not loaded${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  // Every source request takes 200 ms, as a real one does.
  const browserSession = useBrowserSession({ latencyMs: 200 });

  // How soon a quote is named is the bench's business; here every quote on screen comes to name its original.
  it('show the original’s sender and first words, fetched by id from the source', async () => {
    const { page, core } = browserSession();
    const chatId = browserSession().chatIdOf(1_000_000);
    // Watch every quote from the moment it is drawn until it names a sender, from the page's first frame.
    await page.addInitScript(() => {
      const seen = new Map<string, QuoteSeen>();
      (window as unknown as { __quotes: typeof seen }).__quotes = seen;
      const look = () => {
        const list = document.querySelector<HTMLElement>('[data-testid="message-scroller"]');
        for (const quote of document.querySelectorAll<HTMLElement>('.reply-quote')) {
          const id = quote.closest<HTMLElement>('[data-message-id]')!.dataset.messageId!;
          const sender = quote.querySelector('.reply-sender')?.textContent ?? '';
          const entry: QuoteSeen = seen.get(id) ?? {
            drawn: performance.now(),
            lastSeen: 0,
            named: null,
            sender,
            text: '',
            oldestLoaded: Number(list?.dataset.oldestLoadedId),
          };
          entry.lastSeen = performance.now();
          if (entry.named === null && !sender.startsWith('Message #')) {
            entry.named = performance.now();
            entry.sender = sender;
            entry.text = quote.querySelector('.reply-text')?.textContent ?? '';
          }
          seen.set(id, entry);
        }
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.evaluate((id) => localStorage.setItem('scrollback.lastChatId', String(id)), chatId);
    await page.reload();
    await page.waitForSelector(`${scroller} .reply-quote`);
    // Up through the window and beyond it: rows near its top quote messages older than it holds.
    await wheelTicks(page, 15, -400, 3);
    // Every quote on screen now comes to name its sender (one scrolled past sooner need not have).
    await page.waitForFunction(
      (s) => {
        const shown = [...document.querySelectorAll(`${s} .reply-quote .reply-sender`)];
        return shown.length > 0 && shown.every((sender) => !(sender.textContent ?? '').startsWith('Message #'));
      },
      scroller,
      { timeout: 60_000 },
    );
    const quotes = () => page.evaluate(() => [...(window as unknown as { __quotes: Map<string, QuoteSeen> }).__quotes]);
    const seen = new Map(await quotes());
    const replies = core.getMessages(chatId, [...seen.keys()]);
    const elsewhere = replies.filter(
      (reply) => Number(reply.replyToId) < seen.get(reply.id)!.oldestLoaded && seen.get(reply.id)!.named !== null,
    );
    // Some quote messages older than the window had loaded (the point of this test).
    expect(elsewhere.length).toBeGreaterThan(0);
    for (const reply of elsewhere) {
      const quote = seen.get(reply.id)!;
      // What it names is the original's sender and words, now on this computer too.
      const [original] = selectMessagesByIds(databaseOf(core), chatId, [reply.replyToId!]);
      expect(original).toBeDefined();
      expect(quote.sender).toBe(original!.senderName);
      if (original!.text !== '') expect(original!.text.startsWith(quote.text.replace(/…$/, ''))).toBe(true);
    }
  });
});
