import { useLayoutEffect } from 'react';
import { commandForKey, emitAppCommand } from './appCommands.ts';

/** The window's keyboard shortcuts, sent as the same commands the menu sends. */
export function useShortcutKeys(): void {
  // A layout effect: the listener is in place in the same commit that shows the view, so a key pressed or a
  // file dropped the moment the window appears is not lost (a passive effect runs later, after paint).
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = commandForKey(event);
      if (command) {
        event.preventDefault();
        emitAppCommand(command);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
