import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { scroller } from './listGeometry.ts';

const axeSource = readFileSync(path.resolve(import.meta.dirname, '../../../node_modules/axe-core/axe.min.js'), 'utf8');

/** The rules the message list, its calendar and the media viewer answer for (issue 32's axe findings). */
export const HISTORY_AXE_RULES = [
  'aria-required-children',
  'aria-required-parent',
  'aria-allowed-attr',
  'aria-prohibited-attr',
  'aria-allowed-role',
  'label-content-name-mismatch',
  'color-contrast',
  'list',
  'listitem',
  'nested-interactive',
];

/** axe-core's violations of those rules inside `selector`, as "rule: target" lines (empty when clean). */
export async function axeViolations(page: Page, selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(
    async ({ selector, rules }) => {
      const axe = (
        window as unknown as {
          axe: {
            run(context: Element, options: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
          };
        }
      ).axe;
      const result = await axe.run(document.querySelector(selector)!, { runOnly: { type: 'rule', values: rules } });
      return result.violations.flatMap((violation) =>
        violation.nodes.map(
          (node) => `${violation.id}: ${node.target.join(' ')} ${(node as { failureSummary?: string }).failureSummary ?? ''}`,
        ),
      );
    },
    { selector, rules: HISTORY_AXE_RULES },
  );
}

/** The focused element's message id and row index, or nulls when focus is not on a message. */
export function focusedMessage(page: Page): Promise<{ id: string | null; index: number | null }> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    const id = active?.matches('[data-message-id]') ? active.dataset.messageId! : null;
    const row = active?.closest<HTMLElement>('[data-index]');
    return { id, index: id !== null && row ? Number(row.dataset.index) : null };
  });
}

/** The last row wholly inside the list's viewport (its index), as the reader sees it. */
export function lastWhollyVisibleIndex(page: Page): Promise<number> {
  return page.evaluate((s) => {
    const box = document.querySelector(s)!.getBoundingClientRect();
    const rows = [...document.querySelectorAll<HTMLElement>(`${s} [data-index]`)].filter((row) => {
      const rect = row.getBoundingClientRect();
      return rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1;
    });
    return Math.max(...rows.map((row) => Number(row.dataset.index)));
  }, scroller);
}
