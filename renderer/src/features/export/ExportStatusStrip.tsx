import { useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ExportEstimate, ExportRequest } from '../../../../shared/exporting.ts';
import { useJobToast } from '../../app/toasts.tsx';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { formatApproxDuration } from '../../format/formatDates.ts';
import { useT } from '../../i18n/translate.ts';
import { useChatSync } from '../sync/useChatSync.ts';
import type { useExport } from './useExport.ts';

/**
 * The download an export starts when messages in its range are not on this computer: how many of the missing
 * messages are here so far, a bar, and the time left (at the pace seen so far; the estimate's until then).
 */
function ExportDownloadProgress({ request }: { request: ExportRequest }) {
  const t = useT();
  const { status } = useChatSync(request.chatId);
  // The dialog's estimate (same query, cached): how many were missing when the export started.
  const estimate = useQuery<ExportEstimate>({ queryKey: queryKeys.exports.estimate(request), enabled: false });
  const missing = estimate.data?.missingMessages ?? null;
  const firstSeen = useRef<{ at: number; fetched: number } | null>(null);
  const fetched = status?.state === 'running' || status?.state === 'paused' ? status.fetched : 0;
  if (firstSeen.current === null && status?.state === 'running') firstSeen.current = { at: Date.now(), fetched };
  // How many were missing is not known (a range the source cannot count): what has come so far.
  if (missing === null || missing <= 0)
    return (
      <>
        <span data-testid="export-download-progress">
          {fetched > 0 ? t('export.status.downloadingSoFar', { done: fetched }) : t('export.status.downloadingUnknown')}
        </span>
        <progress aria-label={t('export.status.downloadProgress')} />
      </>
    );
  const done = Math.min(missing, fetched);
  const left = missing - done;
  const start = firstSeen.current;
  const elapsed = start ? (Date.now() - start.at) / 1000 : 0;
  const rate = start && elapsed > 0 && fetched > start.fetched ? (fetched - start.fetched) / elapsed : null;
  const seconds = rate
    ? left / rate
    : estimate.data?.approxDownloadSeconds && missing > 0
      ? (estimate.data.approxDownloadSeconds * left) / missing
      : null;
  return (
    <>
      <span data-testid="export-download-progress">
        {t('export.status.downloading', { done, total: missing })}
        {seconds !== null ? ` · ${t('export.status.timeLeft', { time: formatApproxDuration(Math.max(1, Math.round(seconds))) })}` : ''}
      </span>
      <progress max={missing} value={done} aria-label={t('export.status.downloadProgress')} />
    </>
  );
}

/** The running export's progress and Cancel, then where it went ("Show in folder") or why it failed. */
export function ExportStatusStrip({ exporting, request }: { exporting: ReturnType<typeof useExport>; request: ExportRequest | null }) {
  const t = useT();
  const { status, cancel, showInFolder, startError } = exporting;
  const toast = useJobToast(status);
  if (startError)
    return (
      <div className="import-panel error" role="alert">
        {startError.message}
      </div>
    );
  if (!status || !toast.shown) return null;
  const close = (
    <button type="button" onClick={toast.dismiss}>
      {t('common.close')}
    </button>
  );
  if (status.state === 'running') {
    const progress = status.progress;
    const downloading = progress !== null && 'downloading' in progress;
    const fraction = progress && 'written' in progress && progress.total > 0 ? progress.written / progress.total : 0;
    return (
      <div className="import-panel export-strip" role="status" aria-label={t('export.status.label')}>
        {downloading && request ? (
          <ExportDownloadProgress request={request} />
        ) : (
          <>
            <span>
              {progress && 'written' in progress
                ? t('export.status.writing', { written: progress.written, total: progress.total })
                : t('export.status.starting')}
            </span>
            <progress max={1} value={fraction} aria-label={t('export.status.progress')} />
          </>
        )}
        <button type="button" onClick={cancel}>
          {t('common.cancel')}
        </button>
      </div>
    );
  }
  if (status.state === 'done' && status.result) {
    return (
      <div className="import-panel export-strip done" role="status" aria-label={t('export.status.label')}>
        <span>{t('export.status.done', { count: status.result.written, file: status.result.path.split(/[\\/]/).pop() ?? '' })}</span>
        {window.scrollback.offerDownload ? (
          // The browser preview: the file is fetched as a download (it has no folder to show).
          <button type="button" onClick={() => void window.scrollback.offerDownload!(status.result!.path)} data-testid="export-download">
            {t('export.status.download')}
          </button>
        ) : (
          <button type="button" onClick={showInFolder}>
            {t('common.showInFolder')}
          </button>
        )}
        {close}
      </div>
    );
  }
  return (
    <div
      className={`import-panel export-strip ${status.state === 'failed' ? 'error' : ''}`}
      role="alert"
      aria-label={t('export.status.label')}
    >
      <span>
        {status.state === 'cancelled'
          ? t('export.status.cancelled')
          : t('export.status.failed', { reason: status.error?.message ?? t('common.unknownError') })}
      </span>
      {close}
    </div>
  );
}
