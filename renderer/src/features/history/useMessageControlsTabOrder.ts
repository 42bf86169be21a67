import { useLayoutEffect, type RefObject } from 'react';

const CONTROLS = 'a[href], button, input, select, textarea, video[controls], audio[controls], [tabindex]:not([data-message-id])';

/**
 * Keeps the list one Tab stop: the controls inside messages (reply quotes, media, links, Play) leave the Tab
 * order except in the one message that holds it, so Tab goes from that message to its own controls and then
 * out of the list, never through every row. After every render: rows come and go as the list scrolls.
 */
export function useMessageControlsTabOrder(scrollRef: RefObject<HTMLElement | null>, tabbableId: string | null) {
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    for (const control of scroller.querySelectorAll<HTMLElement>(`[data-message-id] :is(${CONTROLS})`)) {
      const inTabStop = control.closest<HTMLElement>('[data-message-id]')?.dataset.messageId === tabbableId;
      const wanted = inTabStop ? 0 : -1;
      if (control.tabIndex !== wanted) control.tabIndex = wanted;
    }
  });
}
