import { formatBytes } from '../../format/formatDates.ts';
import type { MediaDownloadStatus } from '../../../../shared/ipc/events.ts';
import { useT } from '../../i18n/translate.ts';

/** What a download is doing, in words, with its bar and a Cancel button. */
export function MediaProgress({ status, onCancel }: { status: MediaDownloadStatus; onCancel(): void }) {
  const t = useT();
  const fraction = status.total ? Math.min(1, status.received / status.total) : null;
  return (
    <div className="media-progress" role="status">
      <progress max={1} value={fraction ?? undefined} aria-label={t('media.progress.label')} />
      <span>
        {status.state === 'waiting'
          ? (status.detail ?? t('media.progress.waiting'))
          : status.total
            ? t('media.progress.ofTotal', { received: formatBytes(status.received), total: formatBytes(status.total) })
            : t('media.progress.received', { received: formatBytes(status.received) })}
      </span>
      <button type="button" className="link-button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
