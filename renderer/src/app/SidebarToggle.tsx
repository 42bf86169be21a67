import { IconButton } from './IconButton.tsx';

/** Shows or hides the chat list (Ctrl+B); in a narrow window it opens the list over the chat. */
export function SidebarToggle({ shown, onToggle }: { shown: boolean; onToggle(): void }) {
  return (
    <IconButton
      className="sidebar-toggle"
      icon="menu"
      label={shown ? 'Hide the chat list' : 'Show the chat list'}
      shortcut="Ctrl+B"
      onClick={onToggle}
      aria-pressed={shown}
      data-testid="sidebar-toggle"
    />
  );
}
