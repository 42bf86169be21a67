import type { RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import { historyKeyAction } from './historyKeys.ts';
import { BEGINNING_OF_TIME, type WindowTarget } from './historyWindow.ts';
import type { MessageSelection } from './useMessageSelection.ts';

/**
 * The message list's keys: Ctrl+A selects every loaded message and Esc ends selection; End / Home go to the
 * latest / the beginning, the arrows move focus from message to message (see historyKeyAction).
 */
export function useHistoryKeyDown(options: {
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  scrollRef: RefObject<HTMLDivElement | null>;
  selection: MessageSelection;
  reachedOldest: boolean;
  hasPreviousPage: boolean;
  count: number;
  jumpToLatest(): void;
  onJump(target: WindowTarget): void;
}) {
  const { virtualizer, scrollRef, selection, reachedOldest, hasPreviousPage, count, jumpToLatest, onJump } = options;
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
    const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-index]');
    const action = historyKeyAction(event, {
      reachedOldest,
      hasPreviousPage,
      focusedIndex: focused ? Number(focused.dataset.index) : null,
      count,
    });
    if (!action) return;
    event.preventDefault();
    switch (action.kind) {
      case 'latest':
        return jumpToLatest();
      case 'firstLoaded':
        return virtualizer.scrollToIndex(0, { align: 'start' });
      case 'beginning':
        return onJump({ kind: 'aroundDate', date: BEGINNING_OF_TIME });
      case 'focus':
        virtualizer.scrollToIndex(action.index, { align: 'auto' });
        requestAnimationFrame(() =>
          scrollRef.current?.querySelector<HTMLElement>(`[data-index="${action.index}"] [data-message-id]`)?.focus(),
        );
    }
  };
}
