import { useCallback, useRef } from 'react';
import { focusRegion } from './useRegionKeys.ts';

/**
 * For a panel that is not a dialog (search): `remember()` where focus was when it opened, `restore()` puts it
 * back there after the panel has gone (the next frame), or in the chat when that element is gone too.
 */
export function useFocusReturn(): { remember(): void; restore(): void } {
  const origin = useRef<HTMLElement | null>(null);
  const remember = useCallback(() => {
    const active = document.activeElement;
    origin.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }, []);
  const restore = useCallback(() => {
    const opener = origin.current;
    origin.current = null;
    requestAnimationFrame(() => {
      if (opener?.isConnected) opener.focus({ preventScroll: true });
      else {
        const chat = document.querySelector<HTMLElement>('[data-region="chat"]');
        if (chat) focusRegion(chat);
      }
    });
  }, []);
  return { remember, restore };
}
