import type { BackupStatus } from '../../../../shared/backup.ts';
import { describeBackupSummary } from '../../../../shared/backup.ts';
import { formatApproxDuration, formatBytes, formatDateTime } from '../../format/formatDates.ts';
import { useT } from '../../i18n/translate.ts';
import { useNow } from '../../ui/useNow.ts';

/** The account's figures: chats by state, messages and media stored and left, time left, a wait, the schedule. */
export function BackupFigures({ status }: { status: BackupStatus }) {
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
