import { IconButton } from './IconButton.tsx';
import { useT } from '../i18n/translate.ts';

/** Shows or hides the chat list (Ctrl+B); in a narrow window it opens the list over the chat. */
export function SidebarToggle({ shown, onToggle }: { shown: boolean; onToggle(): void }) {
  const t = useT();
  return (
    <IconButton
      className="sidebar-toggle"
      icon="menu"
      label={shown ? t('app.sidebar.hide') : t('app.sidebar.show')}
      shortcut="Ctrl+B"
      onClick={onToggle}
      aria-pressed={shown}
      data-testid="sidebar-toggle"
    />
  );
}
