import { useEffect, useRef, type RefObject } from 'react';

const FOCUSABLE = 'button:not(:disabled), [href], input:not(:disabled), video[controls], [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog's focus: it takes focus when it opens, Tab and Shift+Tab wrap inside it (nothing behind it
 * is reachable), and focus goes back to where it came from when it closes (the opener, or the message that
 * holds it when the opener was redrawn).
 */
export function useDialogFocus(dialog: RefObject<HTMLElement | null>, fallback: () => HTMLElement | null) {
  const opener = useRef<HTMLElement | null>(document.activeElement instanceof HTMLElement ? document.activeElement : null);
  const fallbackRef = useRef(fallback);
  fallbackRef.current = fallback;
  useEffect(() => {
    const from = opener.current;
    dialog.current?.focus();
    return () => {
      const back = from?.isConnected ? from : fallbackRef.current();
      back?.focus({ preventScroll: true });
    };
  }, [dialog]);
  return (event: React.KeyboardEvent) => {
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.offsetParent !== null);
    if (focusable.length === 0) {
      event.preventDefault();
      return;
    }
    const first = focusable[0]!;
    const last = focusable.at(-1)!;
    const active = document.activeElement;
    const outside = !focusable.includes(active as HTMLElement);
    if (event.shiftKey && (active === first || outside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || outside)) {
      event.preventDefault();
      first.focus();
    }
  };
}
