import { useJobToast } from '../../app/toasts.tsx';
import type { useExport } from './useExport.ts';

/** The running export's progress and Cancel, then where it went ("Show in folder") or why it failed. */
export function ExportStatusStrip({ exporting }: { exporting: ReturnType<typeof useExport> }) {
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
      Close
    </button>
  );
  if (status.state === 'running') {
    const progress = status.progress;
    const downloading = progress !== null && 'downloading' in progress;
    const fraction = progress && 'written' in progress && progress.total > 0 ? progress.written / progress.total : 0;
    return (
      <div className="import-panel export-strip" role="status" aria-label="Export">
        <span>
          {downloading
            ? 'Downloading the missing messages first…'
            : progress && 'written' in progress
              ? `Exporting ${progress.written.toLocaleString()} of ${progress.total.toLocaleString()}`
              : 'Exporting…'}
        </span>
        <progress max={1} value={downloading ? undefined : fraction} aria-label="Export progress" />
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    );
  }
  if (status.state === 'done' && status.result) {
    return (
      <div className="import-panel export-strip done" role="status" aria-label="Export">
        <span>
          Exported {status.result.written.toLocaleString()} messages to {status.result.path.split(/[\\/]/).pop()}
        </span>
        {window.scrollback.offerDownload ? (
          // The browser preview: the file is fetched as a download (it has no folder to show).
          <button type="button" onClick={() => void window.scrollback.offerDownload!(status.result!.path)} data-testid="export-download">
            Download
          </button>
        ) : (
          <button type="button" onClick={showInFolder}>
            Show in folder
          </button>
        )}
        {close}
      </div>
    );
  }
  return (
    <div className={`import-panel export-strip ${status.state === 'failed' ? 'error' : ''}`} role="alert" aria-label="Export">
      <span>
        {status.state === 'cancelled'
          ? 'Export cancelled; no file was written.'
          : `Export failed: ${status.error?.message ?? 'unknown error'}`}
      </span>
      {close}
    </div>
  );
}
