import { useEffect, useRef } from 'react';
import type { BackupStatus } from '../../../../shared/backup.ts';
import type { MessageId } from '../../../../shared/i18n/locales.ts';
import { IconButton } from '../../app/IconButton.tsx';
import { useT } from '../../i18n/translate.ts';
import { BackupFigures } from './BackupFigures.tsx';
import { BackupChatTable } from './BackupChatTable.tsx';
import { BackupSettingsForm } from './BackupSettingsForm.tsx';
import { useBackup, type BackupAction } from './useBackup.ts';
import './backup.css';

/** An account the Backup view can show (a source that is not an import). */
export interface BackupAccount {
  sourceId: string;
  name: string;
}

const ACTION_LABELS = {
  start: 'backup.action.start',
  pause: 'backup.action.pause',
  resume: 'backup.action.resume',
  cancel: 'backup.action.cancel',
} as const satisfies Record<BackupAction, MessageId>;

/** Which actions a state offers: start when nothing runs, pause while running, resume when paused, cancel either. */
function actionsFor(state: BackupStatus['state']): BackupAction[] {
  switch (state) {
    case 'running':
      return ['pause', 'cancel'];
    case 'paused':
      return ['resume', 'cancel'];
    default:
      return ['start'];
  }
}

/**
 * An account's whole backup, as a modal dialog: its figures (kept current by pushed events), Back up now /
 * Pause / Resume / Cancel, what it covers (kinds, media, schedule) and every chat with its state, the reason in
 * words when it failed, and whether it is backed up. Esc closes it and focus returns to what opened it.
 */
export function BackupView({
  sourceId,
  accounts,
  onChooseAccount,
  onClose,
}: {
  sourceId: string;
  accounts: BackupAccount[];
  onChooseAccount(sourceId: string): void;
  onClose(): void;
}) {
  const t = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { status, chats, act, saveSettings } = useBackup(sourceId);
  useEffect(() => {
    const dialog = dialogRef.current;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (returnTo?.isConnected) returnTo.focus({ preventScroll: true });
    };
  }, []);
  const account = accounts.find((candidate) => candidate.sourceId === sourceId);
  const current = status.data;
  const label = 'backup-title';
  return (
    <dialog ref={dialogRef} className="app-dialog backup-view" aria-labelledby={label} onClose={onClose} data-testid="backup-view">
      <header className="backup-head">
        <h2 id={label}>{t('backup.title', { account: account?.name ?? sourceId })}</h2>
        {accounts.length > 1 && (
          <label className="backup-account">
            {t('backup.account.label')}
            <select value={sourceId} onChange={(event) => onChooseAccount(event.target.value)}>
              {accounts.map((candidate) => (
                <option key={candidate.sourceId} value={candidate.sourceId}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <IconButton icon="close" label={t('backup.close')} shortcut="Esc" onClick={onClose} />
      </header>
      {status.error && (
        <p className="backup-error" role="alert">
          {status.error.message}
        </p>
      )}
      {!current && !status.error && <p>{t('backup.loading')}</p>}
      {current && (
        <>
          <BackupFigures status={current} />
          <div className="backup-actions">
            {actionsFor(current.state).map((action) => (
              <button
                key={action}
                type="button"
                className={action === 'start' || action === 'resume' ? 'primary' : undefined}
                data-testid={`backup-${action}`}
                disabled={act.isPending}
                onClick={() => act.mutate(action)}
              >
                {t(ACTION_LABELS[action])}
              </button>
            ))}
            {act.error && (
              <span className="backup-error" role="alert">
                {act.error.message}
              </span>
            )}
          </div>
          <BackupSettingsForm
            key={sourceId}
            settings={current.settings}
            saving={saveSettings.isPending}
            saved={saveSettings.isSuccess}
            error={saveSettings.error?.message ?? null}
            // The exclusions are the table's: the form's copy of them may be older.
            onSave={(edited) => saveSettings.mutate({ ...current.settings, ...edited, excludedChatIds: current.settings.excludedChatIds })}
          />
          <BackupChatTable
            chats={chats.data ?? []}
            error={chats.error?.message ?? null}
            onInclude={(chatId, included) => {
              const excluded = new Set(current.settings.excludedChatIds);
              if (included) excluded.delete(chatId);
              else excluded.add(chatId);
              saveSettings.mutate({ ...current.settings, excludedChatIds: [...excluded] });
            }}
          />
        </>
      )}
    </dialog>
  );
}
