import { useRef } from 'react';
import { useAppCommand } from '../../app/appCommands.ts';
import { useImport } from './useImport.ts';
import { filesFromInput } from './filesFromDrop.ts';
import { importDropWording } from '../../../../shared/importFormats.ts';
import { useImportFormats } from './useImportFormats.ts';
import { useDroppedFiles } from './useDroppedFiles.ts';
import { useUploadAndImport } from './useUploadAndImport.ts';
import { ImportResultSummary } from './ImportResultSummary.tsx';
import { useJobToast } from '../../app/toasts.tsx';

function formatBytes(bytes: number): string {
  if (bytes >= 1 << 30) return `${(bytes / (1 << 30)).toFixed(1)} GB`;
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * File → Import… (Ctrl+O) and files dropped on the window: a toast with the import's progress and a Cancel
 * button while it runs, then what it added per chat (fading by itself), or the error (until closed).
 */
export function ImportPanel({ onOpenChat }: { onOpenChat(chatId: number): void }) {
  const { status, start, cancel, startError } = useImport();
  const toast = useJobToast(status);
  const formats = useImportFormats();
  const { canUpload, uploading, uploadAndImport, dismiss } = useUploadAndImport(start);
  const dragging = useDroppedFiles(start, (files) => void uploadAndImport(files));
  const pickRef = useRef<HTMLInputElement>(null);
  useAppCommand('importFiles', () => (canUpload ? pickRef.current?.click() : start(null)));

  // The picker and the drop overlay stay whatever the strip shows: a new import can start from any state.
  const overlay = (
    <>
      {canUpload && (
        <input
          ref={pickRef}
          type="file"
          multiple
          hidden
          data-testid="import-file-input"
          onChange={(event) => {
            const files = event.target.files ? filesFromInput(event.target.files) : [];
            event.target.value = '';
            void uploadAndImport(files);
          }}
        />
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          {importDropWording(formats)}
        </div>
      )}
    </>
  );
  return (
    <>
      {overlay}
      {strip()}
    </>
  );

  /** The strip at the bottom: the upload, the import's progress, what it added, or what went wrong. */
  function strip() {
    if (uploading)
      return (
        <div className={`import-panel${uploading.error ? ' error' : ''}`} role={uploading.error ? 'alert' : 'status'} aria-label="Import">
          <span>
            {uploading.error
              ? `Could not hand the files to Scrollback: ${uploading.error}`
              : `Handing ${uploading.count.toLocaleString()} ${uploading.count === 1 ? 'file' : 'files'} to Scrollback…`}
          </span>
          {uploading.error && (
            <button type="button" onClick={dismiss}>
              Close
            </button>
          )}
        </div>
      );
    if (!status || !toast.shown)
      return startError ? (
        <div className="import-panel error" role="alert">
          {startError.message}
        </div>
      ) : null;
    const close = (
      <button type="button" onClick={toast.dismiss} aria-label="Close">
        Close
      </button>
    );
    if (status.state === 'running') {
      const progress = status.progress;
      const fraction = progress && progress.totalBytes > 0 ? progress.bytesRead / progress.totalBytes : 0;
      return (
        <div className="import-panel" role="status" aria-label="Import">
          <span>
            Importing
            {progress
              ? ` ${progress.path.split(/[\\/]/).pop()} (${progress.fileIndex} of ${progress.fileCount}) — ${formatBytes(progress.bytesRead)} of ${formatBytes(progress.totalBytes)}`
              : '…'}
          </span>
          <progress max={1} value={fraction} aria-label="Import progress" />
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      );
    }
    if (status.state === 'done' && status.result)
      return <ImportResultSummary result={status.result} onOpenChat={onOpenChat} close={close} />;
    return (
      <div className={`import-panel ${status.state === 'failed' ? 'error' : ''}`} role="alert" aria-label="Import">
        <span>
          {status.state === 'cancelled'
            ? 'Import cancelled; the file being read was not kept.'
            : `Import failed: ${status.error?.message ?? 'unknown error'}`}
        </span>
        {close}
      </div>
    );
  }
}
