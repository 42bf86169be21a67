import { useLayoutEffect, type RefObject } from 'react';

/**
 * A side panel gives focus back to where it came from when it closes (the message, the button that opened it),
 * unless the person has moved it elsewhere outside the panel meanwhile. The opener is read before the panel
 * takes focus (a layout effect runs before any focusing effect of the panel's own).
 */
export function usePanelFocusReturn(panelRef: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const panel = panelRef.current;
    return () => {
      const now = document.activeElement;
      const leftInPanel = now === null || now === document.body || (panel !== null && panel.contains(now));
      if (leftInPanel && opener?.isConnected && !panel?.contains(opener)) opener.focus({ preventScroll: true });
    };
  }, [panelRef]);
}
