import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, saveScreenshot, startBrowserSession, type BrowserSession } from './support/startBrowserSession.ts';
import { openChat } from './support/listGeometry.ts';
import { cacheDemoStretch } from '../support/cacheDemoChat.ts';
import { databaseOf } from '../../electron/core/app/openScrollbackCore.ts';
import { demoChats } from '../../electron/core/sources/demo/demoChats.ts';
import { createDemoSource } from '../../electron/core/sources/demo/createDemoSource.ts';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)(
  `coverage bar over the chat's lifetime in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    let session: BrowserSession;
    beforeAll(async () => {
      session = await startBrowserSession();
    });
    afterAll(async () => {
      const errors = session?.pageErrors ?? [];
      await session?.close();
      expect(errors).toEqual([]);
    });

    it('draws two cached days of a ten-year chat as their share of its lifetime, within 1 px', async () => {
      const { page } = session;
      const spec = demoChats.find((chat) => chat.count === 1_000_000)!;
      const timeline = createDemoSource().timelineOf(spec.key);
      const chatId = session.chatIdOf(1_000_000);
      const firstDate = timeline.dateOf(0);
      const lastDate = timeline.dateOf(timeline.count - 1);
      expect(lastDate - firstDate).toBeGreaterThan(9 * 365 * 86_400_000);
      const from = firstDate + Math.floor((lastDate - firstDate) * 0.6);
      const stored = cacheDemoStretch(databaseOf(session.core), chatId, spec.key, from, from + 2 * 86_400_000);
      await openChat(page, chatId);
      // The lifetime is asked of the source once the bar is drawn, then the bar is drawn over it.
      const bar = page.locator('[data-testid="coverage-bar"]');
      await page.waitForFunction(
        (first) => document.querySelector('[data-testid="coverage-bar"]')?.getAttribute('data-lifetime-from') === String(first),
        firstDate,
      );
      const geometry = await bar.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return {
          width: box.width,
          left: box.left,
          from: Number(element.getAttribute('data-lifetime-from')),
          to: Number(element.getAttribute('data-lifetime-to')),
          runs: [...element.querySelectorAll<HTMLElement>('.coverage-run')].map((run) => ({
            left: run.getBoundingClientRect().left,
            width: run.getBoundingClientRect().width,
            from: Number(run.dataset.from),
            to: Number(run.dataset.to),
          })),
        };
      });
      // Opening the chat also cached its newest page (a second run); the stored stretch is one run of its own.
      const run = geometry.runs.find((candidate) => candidate.from === stored[0]!.date)!;
      expect(run).toBeDefined();
      expect(run.to).toBe(stored[stored.length - 1]!.date);
      const lifetime = geometry.to - geometry.from;
      // The newest end is the chat's last message as listed (at or after the demo's last one).
      expect(geometry.to).toBeGreaterThanOrEqual(lastDate);
      const expectedWidth = ((run.to - run.from) / lifetime) * geometry.width;
      expect(Math.abs(run.width - expectedWidth)).toBeLessThanOrEqual(1);
      const expectedLeft = geometry.left + ((run.from - geometry.from) / lifetime) * geometry.width;
      expect(Math.abs(run.left - expectedLeft)).toBeLessThanOrEqual(1);
      // Nothing hatched as "unknown earlier history": the beginning is known.
      expect(await bar.locator('.coverage-unknown').count()).toBe(0);
      await saveScreenshot(page, 'coverage-lifetime');
    });
  },
);
