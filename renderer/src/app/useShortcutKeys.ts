import { useEffect } from 'react';
import { commandForKey, emitAppCommand } from './appCommands.ts';

/** The window's keyboard shortcuts, sent as the same commands the menu sends. */
export function useShortcutKeys(): void {
  useEffect(() => {
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
