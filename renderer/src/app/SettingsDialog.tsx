import { useEffect, useMemo, useRef } from 'react';
import type { ChatSummary, SourceKind } from '../../../shared/domain.ts';
import type { SourceKindInfo } from '../../../shared/ipc/contract.ts';
import { MediaStorage } from '../features/media/MediaStorage.tsx';
import { RefreshSchedule } from '../features/live/RefreshSchedule.tsx';
import { WhatsAppTimeZoneChooser } from '../features/import/WhatsAppTimeZoneChooser.tsx';
import { IconButton } from './IconButton.tsx';
import { useThemeChoice, type ThemeChoice } from './theme.ts';

/** The window's keyboard shortcuts, as the Settings view lists them. */
export const KEYBOARD_SHORTCUTS: ReadonlyArray<{ keys: string; does: string }> = [
  { keys: 'Ctrl+K', does: 'Filter chats' },
  { keys: 'Ctrl+F', does: 'Search this chat' },
  { keys: 'Ctrl+Shift+F', does: 'Search all chats' },
  { keys: 'Enter / Shift+Enter', does: 'Next / previous search result' },
  { keys: 'Ctrl+G', does: 'Jump to date' },
  { keys: 'Ctrl+End', does: 'Jump to the latest message' },
  { keys: 'Ctrl+E', does: 'Export this chat' },
  { keys: 'Ctrl+O', does: 'Import export files' },
  { keys: 'Ctrl+B', does: 'Hide or show the chat list' },
  { keys: 'F6 / Shift+F6', does: 'Move between the chat list, the chat and a side panel' },
  { keys: 'Shift+F10 or Menu', does: "Open the focused message's menu" },
  { keys: 'Esc', does: 'Close a menu, panel or dialog' },
];

const THEMES: ReadonlyArray<{ value: ThemeChoice; label: string }> = [
  { value: 'system', label: 'As the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

interface Account {
  sourceId: string;
  name: string;
  kind: SourceKind;
}

/**
 * Every setting in one place, as a modal dialog: accounts (log out), media storage and its limit, the refresh
 * schedule, the zone WhatsApp exports are read in, theme, language and the keyboard shortcuts. Esc closes it
 * and focus returns to what opened it.
 */
export function SettingsDialog({
  chats,
  sourceKinds,
  onRemoveSource,
  languageSetting,
  onClose,
}: {
  chats: ChatSummary[];
  sourceKinds: SourceKindInfo[];
  onRemoveSource(sourceId: string, name: string, kind: SourceKind): void;
  /** The language chooser (from the translation layer), when it has one. */
  languageSetting?: React.ReactNode;
  onClose(): void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [theme, setTheme] = useThemeChoice();
  useEffect(() => {
    const dialog = dialogRef.current!;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (returnTo?.isConnected) returnTo.focus({ preventScroll: true });
    };
  }, []);
  // Accounts that can be logged out of or removed; the demo and imports are not accounts.
  const accounts = useMemo(() => {
    const seen = new Map<string, Account>();
    for (const chat of chats)
      if (chat.sourceKind !== 'demo' && chat.sourceKind !== 'import' && !seen.has(chat.sourceId))
        seen.set(chat.sourceId, { sourceId: chat.sourceId, name: chat.sourceName, kind: chat.sourceKind });
    return [...seen.values()];
  }, [chats]);

  return (
    <dialog ref={dialogRef} className="app-dialog settings-dialog" aria-labelledby="settings-title" onClose={onClose}>
      <header className="settings-head">
        <h2 id="settings-title">Settings</h2>
        <IconButton icon="close" label="Close settings" shortcut="Esc" onClick={onClose} />
      </header>
      <section aria-labelledby="settings-accounts">
        <h3 id="settings-accounts">Accounts</h3>
        {accounts.length === 0 ? (
          <p className="settings-note">No accounts. Log in or add a chat from the + menu beside the chat filter.</p>
        ) : (
          <ul className="settings-accounts">
            {accounts.map((account) => (
              <li key={account.sourceId}>
                <span dir="auto">{account.name}</span>
                <button
                  type="button"
                  onClick={() => onRemoveSource(account.sourceId, account.name, account.kind)}
                  data-testid={`remove-source-${account.kind}`}
                >
                  {sourceKinds.find((info) => info.kind === account.kind)?.removeLabel ?? 'Remove'}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="settings-media">
        <h3 id="settings-media">Media storage</h3>
        <MediaStorage />
      </section>
      <section aria-labelledby="settings-refresh">
        <h3 id="settings-refresh">Keeping chats up to date</h3>
        <RefreshSchedule />
      </section>
      <section aria-labelledby="settings-whatsapp">
        <h3 id="settings-whatsapp">WhatsApp imports</h3>
        <WhatsAppTimeZoneChooser />
      </section>
      <section aria-labelledby="settings-look">
        <h3 id="settings-look">Appearance</h3>
        <fieldset className="settings-theme">
          <legend>Theme</legend>
          {THEMES.map((option) => (
            <label key={option.value}>
              <input
                type="radio"
                name="theme"
                value={option.value}
                checked={theme === option.value}
                onChange={() => setTheme(option.value)}
                data-testid={`theme-${option.value}`}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
        {languageSetting}
      </section>
      <section aria-labelledby="settings-keys">
        <h3 id="settings-keys">Keyboard shortcuts</h3>
        <table className="settings-keys">
          <tbody>
            {KEYBOARD_SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.keys}>
                <th scope="row">
                  <kbd>{shortcut.keys}</kbd>
                </th>
                <td>{shortcut.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </dialog>
  );
}
