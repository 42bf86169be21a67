import type { RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import { historyKeyAction, pageTarget } from './historyKeys.ts';
import { BEGINNING_OF_TIME, type WindowTarget } from './historyWindow.ts';
import type { MessageSelection } from './useMessageSelection.ts';

/** The message element of row `index`, when it is drawn. */
export function messageElementAt(scroller: HTMLElement | null, index: number): HTMLElement | null {
  return scroller?.querySelector<HTMLElement>(`[data-index="${index}"] [data-message-id]`) ?? null;
}

/** Scrolls row `index` into view and focuses its message once it is drawn (the next frame). */
export function focusRow(virtualizer: Virtualizer<HTMLDivElement, Element>, scrollRef: RefObject<HTMLDivElement | null>, index: number) {
  virtualizer.scrollToIndex(index, { align: 'auto' });
  requestAnimationFrame(() => messageElementAt(scrollRef.current, index)?.focus());
}

/**
 * The message list's keys (documented in the README): Ctrl+A selects every loaded message and Esc ends
 * selection; End / Home go to the latest / the beginning; ↑/↓ move focus from message to message (from the
 * last one in view when none has focus), PageUp/PageDown by a screen; Enter opens the focused message's media
 * or the message it replies to; Shift+F10 or the Menu key opens its menu; Space selects it in selection mode.
 */
export function useHistoryKeyDown(options: {
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  scrollRef: RefObject<HTMLDivElement | null>;
  selection: MessageSelection;
  reachedOldest: boolean;
  hasPreviousPage: boolean;
  count: number;
  lastVisibleIndex: number | null;
  jumpToLatest(): void;
  onJump(target: WindowTarget): void;
  openMenu(messageElement: HTMLElement): void;
}) {
  const { virtualizer, scrollRef, selection, reachedOldest, hasPreviousPage, count, lastVisibleIndex, jumpToLatest, onJump, openMenu } =
    options;
  return (event: React.KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      return selection.selectAll();
    }
    if (event.key === 'Escape' && selection.active) {
      event.preventDefault();
      return selection.clear();
    }
    // Keys on a control inside a message (a link, Play) are that control's, except the arrows and the menu.
    const target = event.target as HTMLElement;
    const onMessage = target.matches('[data-message-id]');
    const focused = target.closest<HTMLElement>('[data-index]');
    const insideMessage = !onMessage && focused !== null;
    if (insideMessage && !['ArrowUp', 'ArrowDown'].includes(event.key)) return;
    const action = historyKeyAction(event, {
      reachedOldest,
      hasPreviousPage,
      focusedIndex: focused ? Number(focused.dataset.index) : null,
      lastVisibleIndex,
      count,
      selecting: selection.active,
    });
    if (!action) return;
    event.preventDefault();
    const element = focused ? messageElementAt(scrollRef.current, Number(focused.dataset.index)) : null;
    switch (action.kind) {
      case 'latest':
        jumpToLatest();
        if (onMessage) requestAnimationFrame(() => count > 0 && focusRow(virtualizer, scrollRef, count - 1));
        return;
      case 'firstLoaded':
        return focusRow(virtualizer, scrollRef, 0);
      case 'beginning':
        return onJump({ kind: 'aroundDate', date: BEGINNING_OF_TIME });
      case 'focus':
        return focusRow(virtualizer, scrollRef, action.index);
      case 'page':
        return focusRow(
          virtualizer,
          scrollRef,
          pageTarget(action.from, action.direction, {
            count,
            viewportHeight: virtualizer.scrollRect?.height ?? 0,
            startOf: (index) => virtualizer.measurementsCache[index]?.start,
            indexAt: (offset) => virtualizer.getVirtualItemForOffset(offset)?.index,
          }),
        );
      case 'open':
        // Media first (the viewer), else the replied-to message.
        return (element?.querySelector<HTMLElement>('.media-visual') ?? element?.querySelector<HTMLElement>('.reply-quote'))?.click();
      case 'menu':
        return element && openMenu(element);
      case 'toggleSelected': {
        const id = element?.dataset.messageId;
        if (id) selection.toggle(id);
      }
    }
  };
}
