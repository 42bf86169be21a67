import { useEffect, useRef, type RefObject } from 'react';
import { steppedIndex } from './searchForm.ts';

/**
 * Enter / Shift+Enter step through the results and Esc closes, from anywhere in the panel or the message
 * list (opening a result may move focus there); not from other dialogs, menus or fields.
 */
export function useSearchStepKeys(
  panelRef: RefObject<HTMLElement | null>,
  state: { active: number; count: number; open(index: number): void; onClose(): void },
): void {
  const stepRef = useRef(state);
  stepRef.current = state;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      const inPanel = target !== null && panelRef.current?.contains(target) === true;
      const inList = target === null || target === document.body || target.closest('.chat-pane') !== null;
      if (!inPanel && !inList) return;
      if (target?.closest('[role="dialog"], [role="menu"]')) return;
      if (!inPanel && target instanceof HTMLInputElement) return;
      const { active: current, count, open: openAt, onClose: close } = stepRef.current;
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      } else if (
        event.key === 'Enter' &&
        // A focused result or control is the button's own (Enter on the fourth result opens the fourth).
        !(
          target instanceof HTMLButtonElement &&
          target.closest('.search-header, .search-kinds, .search-quick, .search-status, .search-suggestions, [data-result-index]')
        )
      ) {
        if (count === 0) return;
        event.preventDefault();
        openAt(steppedIndex(current, count, event.shiftKey));
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [panelRef]);
}
