import { useLayoutEffect, useRef } from 'react';
import type { MenuCommand } from '../../../shared/ipc/events.ts';

type Listener = (command: MenuCommand) => void;
const listeners = new Set<Listener>();

/** Commands from the menu and from keyboard shortcuts, delivered to whichever view handles them. */
export function emitAppCommand(command: MenuCommand): void {
  for (const listener of listeners) listener(command);
}

export function useAppCommand(command: MenuCommand, handler: () => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  // A layout effect: the listener is in place in the same commit that shows the view, so a key pressed or a
  // file dropped the moment the window appears is not lost (a passive effect runs later, after paint).
  useLayoutEffect(() => {
    const listener: Listener = (received) => {
      if (received === command) latest.current();
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [command]);
}

/** Keyboard shortcuts of the window (the menu shows the same keys). */
export function commandForKey(event: KeyboardEvent): MenuCommand | null {
  const mod = event.ctrlKey || event.metaKey;
  if (!mod || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'g' && !event.shiftKey) return 'jumpToDate';
  if (key === 'k' && !event.shiftKey) return 'focusChatFilter';
  if (key === 'f') return event.shiftKey ? 'findAll' : 'find';
  if (key === 'e' && !event.shiftKey) return 'exportChat';
  if (key === 'o' && !event.shiftKey) return 'importFiles';
  if (key === 'b' && !event.shiftKey) return 'toggleSidebar';
  if (key === 'end') return 'jumpToLatest';
  return null;
}
