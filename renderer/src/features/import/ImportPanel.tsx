import { useRef } from 'react';
import { useAppCommand } from '../../app/appCommands.ts';
import { useImport } from './useImport.ts';
import { filesFromInput } from './filesFromDrop.ts';
import { useImportFormats } from './useImportFormats.ts';
import { useDroppedFiles } from './useDroppedFiles.ts';
import { useUploadAndImport } from './useUploadAndImport.ts';
import { ImportResultSummary } from './ImportResultSummary.tsx';
import { useJobToast } from '../../app/toasts.tsx';
import { useT } from '../../i18n/translate.ts';
import { formatBytes, formatLocale } from '../../format/formatDates.ts';

/**
 * File → Import… (Ctrl+O) and files dropped on the window: a toast with the import's progress and a Cancel
 * button while it runs, then what it added per chat (fading by itself), or the error (until closed).
 */
export function ImportPanel({ onOpenChat }: { onOpenChat(chatId: number): void }) {
  const t = useT();
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
          {formats.length > 0
            ? t('import.drop.apps', {
                apps: new Intl.ListFormat(formatLocale(), { type: 'disjunction' }).format([
                  ...new Set(formats.map((format) => format.app)),
                ]),
              })
            : t('import.drop.any')}
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
        <div
          className={`import-panel${uploading.error ? ' error' : ''}`}
          role={uploading.error ? 'alert' : 'status'}
          aria-label={t('import.panel.label')}
        >
          <span>
            {uploading.error
              ? t('import.upload.failed', { reason: uploading.error })
              : t('import.upload.running', { count: uploading.count })}
          </span>
          {uploading.error && (
            <button type="button" onClick={dismiss}>
              {t('common.close')}
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
      <button type="button" onClick={toast.dismiss}>
        {t('common.close')}
      </button>
    );
    if (status.state === 'running') {
      const progress = status.progress;
      const fraction = progress && progress.totalBytes > 0 ? progress.bytesRead / progress.totalBytes : 0;
      return (
        <div className="import-panel" role="status" aria-label={t('import.panel.label')}>
          <span>
            {progress
              ? t('import.progress', {
                  file: progress.path.split(/[\\/]/).pop() ?? progress.path,
                  index: progress.fileIndex,
                  count: progress.fileCount,
                  read: formatBytes(progress.bytesRead),
                  total: formatBytes(progress.totalBytes),
                })
              : t('import.starting')}
          </span>
          <progress max={1} value={fraction} aria-label={t('import.progressLabel')} />
          <button type="button" onClick={cancel}>
            {t('common.cancel')}
          </button>
        </div>
      );
    }
    if (status.state === 'done' && status.result)
      return <ImportResultSummary result={status.result} onOpenChat={onOpenChat} close={close} />;
    return (
      <div className={`import-panel ${status.state === 'failed' ? 'error' : ''}`} role="alert" aria-label={t('import.panel.label')}>
        <span>
          {status.state === 'cancelled'
            ? t('import.cancelled')
            : t('import.failed', { reason: status.error?.message ?? t('common.unknownError') })}
        </span>
        {close}
      </div>
    );
  }
}
