import type { Page } from '@playwright/test';
import { waitFrames } from './frameSampler.ts';

/** What has focus, as a keyboard user would be told: enough to know where the next key lands. */
export interface FocusedElement {
  tag: string;
  testId: string | null;
  /** The message focused (the message itself, not a control inside it). */
  messageId: string | null;
  /** The chat list row focused. */
  chatId: number | null;
  /** The search result focused. */
  resultIndex: number | null;
  /** A radio button's or input's value (for a radio: the option it is). */
  value: string | null;
  /** An input's name (a radio group's). */
  name: string | null;
  /** A button's or input's type (submit, radio, date). */
  type: string | null;
  /** The calendar day focused: its local start. */
  dayStart: number | null;
  /** The focused element's role, as the page states it. */
  role: string | null;
  /** Where it is: chat list, chat, a side panel, or a dialog/menu. */
  region: string | null;
  /** Its place in the document (changes whenever focus moves, even between like elements). */
  path: string;
}

export function focusedElement(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body)
      return {
        tag: 'body',
        testId: null,
        messageId: null,
        chatId: null,
        resultIndex: null,
        value: null,
        name: null,
        type: null,
        dayStart: null,
        role: null,
        region: null,
        path: 'body',
      };
    const html = active as HTMLElement;
    const region = active.closest('dialog[open], [role="dialog"], [role="menu"], .search-panel, [data-region]');
    const path: string[] = [];
    for (let node: Element | null = active; node && node !== document.body; node = node.parentElement)
      path.unshift(`${node.tagName.toLowerCase()}:${node.parentElement ? [...node.parentElement.children].indexOf(node) : 0}`);
    return {
      tag: active.tagName.toLowerCase(),
      testId: active.getAttribute('data-testid'),
      messageId: active.matches('[data-message-id]:not([data-result-index])') ? (html.dataset.messageId ?? null) : null,
      chatId: html.dataset.chatId ? Number(html.dataset.chatId) : null,
      resultIndex: html.dataset.resultIndex ? Number(html.dataset.resultIndex) : null,
      value: active instanceof HTMLInputElement ? active.value : null,
      name: active instanceof HTMLInputElement ? active.name : null,
      type: active instanceof HTMLInputElement || active instanceof HTMLButtonElement ? active.type : null,
      dayStart: active.matches('.calendar-day') && html.dataset.start ? Number(html.dataset.start) : null,
      role: active.getAttribute('role'),
      region: !region
        ? null
        : region.matches('[data-region]')
          ? region.getAttribute('data-region')
          : region.matches('.search-panel')
            ? 'search'
            : region.matches('[role="menu"]')
              ? 'menu'
              : (region.getAttribute('data-testid') ?? region.className.split(' ').find((name) => name.endsWith('-dialog')) ?? 'dialog'),
      path: path.join('/'),
    };
  });
}

/**
 * Presses `key` until the focused element is the one `wanted` picks, at most `limit` times. Where a press has
 * not moved focus by the time it is dispatched, it waits two frames: a list row takes focus in the frame after
 * its key, and Tab may stay in one element (a date field's day, month and year).
 */
export async function pressUntilFocused(
  page: Page,
  key: string,
  wanted: (focused: FocusedElement) => boolean,
  limit: number,
): Promise<FocusedElement> {
  let focused = await focusedElement(page);
  for (let presses = 0; !wanted(focused); presses++) {
    if (presses === limit) throw new Error(`${limit} × ${key} never reached the element wanted; focus is on ${JSON.stringify(focused)}`);
    const before = focused.path;
    await page.keyboard.press(key);
    focused = await focusedElement(page);
    if (focused.path === before) {
      await waitFrames(page, 2);
      focused = await focusedElement(page);
    }
  }
  return focused;
}
