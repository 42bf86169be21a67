import { useEffect, useMemo, useRef } from 'react';
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
import { KeyboardShortcuts } from './KeyboardShortcuts.tsx';

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
        <KeyboardShortcuts />
      </section>
    </dialog>
  );
}
