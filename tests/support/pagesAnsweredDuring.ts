import type { HistoryAnchor } from '../../shared/history.ts';
import type { ScrollbackCore } from '../../electron/core/app/openScrollbackCore.ts';

/**
 * Asks for history pages of a chat, one after another as the window would while the user scrolls, until
 * `work` settles; counts the pages answered and those answered while `midway()` held (the work had begun
 * and not finished, read from its own progress). Work that held the core's thread from start to end
 * leaves no page answered midway, however fast or slow the machine. How long pages took is the bench's
 * figure (probeHistoryWhile), not a test's.
 */
export async function pagesAnsweredDuring(
  core: ScrollbackCore,
  chatId: number,
  work: Promise<unknown>,
  midway: () => boolean,
  anchor: (index: number) => HistoryAnchor = (index) => ({ kind: 'aroundDate', date: Date.UTC(2022, index % 12, 1) }),
): Promise<{ pages: number; midway: number }> {
  let done = false;
  const finished = work.then(
    () => (done = true),
    () => (done = true),
  );
  let pages = 0;
  let answeredMidway = 0;
  while (!done) {
    const page = await core.history.getHistoryPage({ chatId, anchor: anchor(pages), limit: 60 });
    if (page.messages.length === 0) throw new Error('a page of the probed chat came back empty');
    pages++;
    if (midway()) answeredMidway++;
    // A pause between pages, as between a window's requests (and so the probe leaves the work a core).
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await finished;
  return { pages, midway: answeredMidway };
}
