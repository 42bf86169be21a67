import { useCallback, useRef } from 'react';
import { focusRegion } from './useRegionKeys.ts';

/**
 * For a panel that is not a dialog (search): `remember()` where focus was when it opened, `restore()` puts it
 * back there after the panel has gone (the next frame), or in the chat when that element is gone too; unless
 * something took focus before that frame (a key that opened the panel again, a click): it keeps it.
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
      const active = document.activeElement;
      if (active !== null && active !== document.body) return;
      if (opener?.isConnected) opener.focus({ preventScroll: true });
      else {
        const chat = document.querySelector<HTMLElement>('[data-region="chat"]');
        if (chat) focusRegion(chat);
      }
    });
  }, []);
  return { remember, restore };
}
