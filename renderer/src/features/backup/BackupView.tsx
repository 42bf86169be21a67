import { useEffect, useRef } from 'react';
import type { BackupStatus } from '../../../../shared/backup.ts';
import { describeBackupSummary } from '../../../../shared/backup.ts';
import { IconButton } from '../../app/IconButton.tsx';
import { formatApproxDuration, formatBytes, formatDateTime } from '../../format/formatDates.ts';
import { useT } from '../../i18n/translate.ts';
import { useNow } from '../../ui/useNow.ts';
import { BackupChatTable } from './BackupChatTable.tsx';
import { BackupSettingsForm } from './BackupSettingsForm.tsx';
import { useBackup, type BackupAction } from './useBackup.ts';
import './backup.css';

/** An account the Backup view can show (a source that is not an import). */
export interface BackupAccount {
  sourceId: string;
  name: string;
}

/** The account's figures: chats by state, messages and media stored and left, time left, a wait, the schedule. */
function BackupFigures({ status }: { status: BackupStatus }) {
  const t = useT();
  const now = useNow(status.waitingUntil !== null);
  const { chats, messages, media, etaMs } = status;
  return (
    <div className="backup-figures" role="status" data-testid="backup-figures">
      <p className="backup-state" data-testid="backup-state" data-state={status.state}>
        <strong>{t('backup.state', { state: status.state })}</strong>
        {status.pass !== null && status.state !== 'idle' && <> · {t('backup.pass', { pass: status.pass })}</>}
      </p>
      {status.error && (
        <p className="backup-error" role="alert">
          {t('backup.error', { message: status.error.message })} <span className="error-code">{status.error.code}</span>
        </p>
      )}
      <p
        data-testid="backup-chats"
        data-total={chats.total}
        data-done={chats.done}
        data-running={chats.running}
        data-waiting={chats.waiting}
        data-failed={chats.failed}
        data-excluded={chats.excluded}
      >
        {t('backup.chats.figures', { ...chats })}
      </p>
      <p data-testid="backup-messages" data-stored={messages.stored} data-left={messages.left ?? ''}>
        {messages.left === null
          ? t('backup.messages.figuresUnknown', { stored: messages.stored })
          : t('backup.messages.figures', { stored: messages.stored, left: messages.left })}
      </p>
      <p data-testid="backup-media" data-stored={media.stored} data-left={media.left} data-bytes-stored={media.bytesStored}>
        {t('backup.media.figures', {
          stored: media.stored,
          left: media.left,
          bytesStored: formatBytes(media.bytesStored),
          bytesLeft: formatBytes(media.bytesLeft),
        })}
      </p>
      {status.state === 'running' && (
        <p data-testid="backup-eta">
          {etaMs.messages === null && etaMs.media === null ? (
            t('backup.eta.measuring')
          ) : (
            <>
              {etaMs.messages !== null && <span>{t('backup.eta.messages', { time: formatApproxDuration(etaMs.messages / 1000) })}</span>}
              {etaMs.messages !== null && etaMs.media !== null && ' · '}
              {etaMs.media !== null && <span>{t('backup.eta.media', { time: formatApproxDuration(etaMs.media / 1000) })}</span>}
            </>
          )}
        </p>
      )}
      {status.waitingUntil !== null && (
        <p data-testid="backup-waiting">
          {t('backup.waiting', {
            reason: status.waitingReason ?? '',
            time: formatApproxDuration(Math.max(0, Math.ceil((status.waitingUntil - now) / 1000))),
          })}
        </p>
      )}
      {status.nextRunAt !== null && <p>{t('backup.nextRun', { when: formatDateTime(status.nextRunAt) })}</p>}
      {status.lastSummary && (
        <p data-testid="backup-summary">{t('backup.lastSummary', { summary: describeBackupSummary(status.lastSummary) })}</p>
      )}
    </div>
  );
}

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
                {t(`backup.action.${action}`)}
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
