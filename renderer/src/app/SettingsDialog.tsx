import { useEffect, useMemo, useRef } from 'react';
import { FormattedMessage } from 'react-intl';
import type { ChatSummary, SourceKind } from '../../../shared/domain.ts';
import type { SourceKindInfo } from '../../../shared/ipc/contract.ts';
import { MediaStorage } from '../features/media/MediaStorage.tsx';
import { RefreshSchedule } from '../features/live/RefreshSchedule.tsx';
import { WhatsAppTimeZoneChooser } from '../features/import/WhatsAppTimeZoneChooser.tsx';
import { IconButton } from './IconButton.tsx';
import { useThemeChoice, type ThemeChoice } from './theme.ts';
import type { MessageId } from '../../../shared/i18n/locales.ts';
import { useT } from '../i18n/translate.ts';
import { LanguageChooser } from './LanguageChooser.tsx';

/** The window's keyboard shortcuts, as the Settings view lists them (key names are not translated). */
export const KEYBOARD_SHORTCUTS: ReadonlyArray<{ keys: readonly string[]; does: MessageId }> = [
  { keys: ['Ctrl+K'], does: 'settings.keys.filter' },
  { keys: ['Ctrl+F'], does: 'settings.keys.find' },
  { keys: ['Ctrl+Shift+F'], does: 'settings.keys.findAll' },
  { keys: ['Enter', 'Shift+Enter'], does: 'settings.keys.step' },
  { keys: ['Ctrl+G'], does: 'settings.keys.jump' },
  { keys: ['Ctrl+End'], does: 'settings.keys.latest' },
  { keys: ['Ctrl+E'], does: 'settings.keys.export' },
  { keys: ['Ctrl+O'], does: 'settings.keys.import' },
  { keys: ['Ctrl+B'], does: 'settings.keys.sidebar' },
  { keys: ['F6', 'Shift+F6'], does: 'settings.keys.regions' },
  { keys: ['Shift+F10', 'Menu'], does: 'settings.keys.menu' },
  { keys: ['Esc'], does: 'settings.keys.close' },
];

const THEMES: ReadonlyArray<{ value: ThemeChoice; label: MessageId }> = [
  { value: 'system', label: 'settings.theme.system' },
  { value: 'light', label: 'settings.theme.light' },
  { value: 'dark', label: 'settings.theme.dark' },
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
  onClose,
}: {
  chats: ChatSummary[];
  sourceKinds: SourceKindInfo[];
  onRemoveSource(sourceId: string, name: string, kind: SourceKind): void;
  onClose(): void;
}) {
  const t = useT();
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
        <h2 id="settings-title">{t('settings.title')}</h2>
        <IconButton icon="close" label={t('settings.close')} shortcut="Esc" onClick={onClose} />
      </header>
      <section aria-labelledby="settings-accounts">
        <h3 id="settings-accounts">{t('settings.accounts')}</h3>
        {accounts.length === 0 ? (
          <p className="settings-note">{t('settings.accounts.none')}</p>
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
                  {sourceKinds.find((info) => info.kind === account.kind)?.removeLabel ?? t('common.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="settings-media">
        <h3 id="settings-media">{t('settings.media')}</h3>
        <MediaStorage />
      </section>
      <section aria-labelledby="settings-refresh">
        <h3 id="settings-refresh">{t('settings.refresh')}</h3>
        <RefreshSchedule />
      </section>
      <section aria-labelledby="settings-whatsapp">
        <h3 id="settings-whatsapp">{t('settings.whatsApp')}</h3>
        <WhatsAppTimeZoneChooser />
      </section>
      <section aria-labelledby="settings-look">
        <h3 id="settings-look">{t('settings.appearance')}</h3>
        <fieldset className="settings-theme">
          <legend>{t('settings.theme.label')}</legend>
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
              {t(option.label)}
            </label>
          ))}
        </fieldset>
        <LanguageChooser />
      </section>
      <section aria-labelledby="settings-keys">
        <h3 id="settings-keys">{t('settings.keys')}</h3>
        <table className="settings-keys">
          <tbody>
            {KEYBOARD_SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.does}>
                <th scope="row">
                  {shortcut.keys.length === 1 ? (
                    <kbd>{shortcut.keys[0]}</kbd>
                  ) : (
                    <FormattedMessage
                      id="settings.keys.or"
                      values={{ first: <kbd>{shortcut.keys[0]}</kbd>, second: <kbd>{shortcut.keys[1]}</kbd> }}
                    />
                  )}
                </th>
                <td>{t(shortcut.does)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </dialog>
  );
}
