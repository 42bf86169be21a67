/** Shows or hides the chat list (Ctrl+B); in a narrow window it opens the list over the chat. */
export function SidebarToggle({ shown, onToggle }: { shown: boolean; onToggle(): void }) {
  return (
    <button
      type="button"
      className="sidebar-toggle"
      onClick={onToggle}
      aria-label={shown ? 'Hide the chat list (Ctrl+B)' : 'Show the chat list (Ctrl+B)'}
      title={shown ? 'Hide the chat list (Ctrl+B)' : 'Show the chat list (Ctrl+B)'}
      aria-pressed={shown}
      data-testid="sidebar-toggle"
    >
      ☰
    </button>
  );
}
