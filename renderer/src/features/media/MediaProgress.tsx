import { formatBytes } from '../../format/formatDates.ts';
import type { MediaDownloadStatus } from '../../../../shared/ipc/events.ts';

/** What a download is doing, in words, with its bar and a Cancel button. */
export function MediaProgress({ status, onCancel }: { status: MediaDownloadStatus; onCancel(): void }) {
  const fraction = status.total ? Math.min(1, status.received / status.total) : null;
  return (
    <div className="media-progress" role="status">
      <progress max={1} value={fraction ?? undefined} aria-label="Download progress" />
      <span>
        {status.state === 'waiting'
          ? (status.detail ?? 'Waiting for the source…')
          : `Downloading ${formatBytes(status.received)}${status.total ? ` of ${formatBytes(status.total)}` : ''}`}
      </span>
      <button type="button" className="link-button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
