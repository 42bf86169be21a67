import type { RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import { resultKeyTarget } from './resultKeyTarget.ts';

/**
 * ↓ from the search box goes to the results (the one last opened, else the first); ↑/↓, Home and End move
 * along them, and ↑ on the first goes back to the box: the results are one key away, not thirty Tabs.
 */
export function useResultArrowKeys(options: {
  queryRef: RefObject<HTMLInputElement | null>;
  listRef: RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  count: number;
  active: number;
}): (event: React.KeyboardEvent) => void {
  const { queryRef, listRef, virtualizer, count, active } = options;
  return (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target as HTMLElement;
    const result = target.closest<HTMLElement>('[data-result-index]');
    const from = target === queryRef.current ? 'query' : result ? Number(result.dataset.resultIndex) : null;
    if (from === null) return;
    const to = resultKeyTarget(event.key, from, count, active);
    if (to === null) return;
    event.preventDefault();
    if (to === 'query') return queryRef.current?.focus();
    virtualizer.scrollToIndex(to, { align: 'auto' });
    // The row is drawn by the next frame when it was outside the drawn range.
    const focusRow = () => listRef.current?.querySelector<HTMLElement>(`[data-result-index="${to}"]`)?.focus();
    if (listRef.current?.querySelector(`[data-result-index="${to}"]`)) focusRow();
    else requestAnimationFrame(focusRow);
  };
}
