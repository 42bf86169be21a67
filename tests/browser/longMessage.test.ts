import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSkipReason } from './support/startBrowserSession.ts';
import { useBrowserSession } from './support/useBrowserSession.ts';
import { openChat, scroller, wheelTicks } from './support/listGeometry.ts';

const skipReason = browserSkipReason();

/** A WhatsApp export with one 200 MB message among ordinary ones, written in chunks. */
function writeChatWithHugeLine(file: string): void {
  const fd = fs.openSync(file, 'w');
  const line = (i: number, text: string) => `12/03/2021, 14:${String(i).padStart(2, '0')} - ${i % 2 ? 'Ana' : 'Ben'}: ${text}\n`;
  for (let i = 0; i < 30; i++) fs.writeSync(fd, line(i, `ordinary message ${i}`));
  fs.writeSync(fd, '12/03/2021, 14:30 - Ana: ');
  const chunk = 'lorem ipsum dolor sit amet '.repeat(40_000); // about 1 MB
  for (let written = 0; written < 200 * 1024 * 1024; written += chunk.length) fs.writeSync(fd, chunk);
  fs.writeSync(fd, '\n');
  for (let i = 31; i < 60; i++) fs.writeSync(fd, line(i, `ordinary message ${i}`));
  fs.closeSync(fd);
}

describe.skipIf(skipReason !== null)(`a 200 MB message${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  const session = useBrowserSession();

  // The frame cost of scrolling is the bench's figure (ui_scroll_task_ms_per_frame); the test judges its cause:
  // the long message's row holds only its collapsed text, before and after scrolling past it.
  it('is imported with the cap and shown collapsed, and stays collapsed while the chat scrolls', async () => {
    const { core, page, folder } = session();
    const file = path.join(folder, 'WhatsApp Chat - Huge.txt');
    writeChatWithHugeLine(file);
    const [result] = await core.imports.importFiles([file]);
    const chat = core.getChat(result!.chats[0]!.chatId);
    expect(chat.cachedCount).toBe(60);
    await page.reload();
    await openChat(page, chat.id);
    const huge = page.locator(`${scroller} [data-message-id]`, { hasText: 'lorem ipsum' });
    // The list draws only the rows near the view: scroll up until the long message is drawn.
    for (let tick = 0; tick < 60 && (await huge.count()) === 0; tick++) await wheelTicks(page, 1, -300, 2);
    await huge.scrollIntoViewIfNeeded();
    await expect.poll(() => huge.locator('[data-testid="show-more"]').textContent()).toMatch(/Show more \([\d,.\s]+ more characters\)/);
    expect(((await huge.textContent()) ?? '').length).toBeLessThan(10_000);
    await wheelTicks(page, 60, -120, 1);
    await wheelTicks(page, 60, 120, 1);
    const longestDrawnRow = () =>
      page.evaluate(
        (s) => Math.max(...[...document.querySelectorAll(`${s} [data-message-id]`)].map((row) => (row.textContent ?? '').length)),
        scroller,
      );
    expect(await longestDrawnRow()).toBeLessThan(10_000);
    // Expanded on request, it shows what was kept and says how much was not.
    for (let tick = 0; tick < 60 && (await huge.count()) === 0; tick++) await wheelTicks(page, 1, -300, 2);
    await huge.scrollIntoViewIfNeeded();
    await huge.locator('[data-testid="show-more"]').click();
    await expect.poll(() => huge.textContent().then((text) => text ?? '')).toContain('more characters not kept');
  });
});
