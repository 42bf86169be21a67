import { useEffect, useRef, useState } from 'react';
import { useAppCommand } from '../../app/appCommands.ts';
import { useImport } from './useImport.ts';
import { filesFromDrop, filesFromInput, type PickedFile } from './filesFromDrop.ts';

function formatBytes(bytes: number): string {
  if (bytes >= 1 << 30) return `${(bytes / (1 << 30)).toFixed(1)} GB`;
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * File → Import… (Ctrl+O) and files dropped on the window: a strip at the bottom of the window with the
 * import's progress and a Cancel button while it runs, then what it added per chat, or the error.
 */
export function ImportPanel({ onOpenChat }: { onOpenChat(chatId: number): void }) {
  const { status, start, cancel, startError } = useImport();
  const [dismissed, setDismissed] = useState<unknown>(null);
  const [dragging, setDragging] = useState(false);
  // The browser preview has no native open dialog and no paths for dropped files: it uploads them first.
  const upload = window.scrollback.uploadFiles;
  const pickRef = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState<{ count: number; error: string | null } | null>(null);
  const uploadAndImport = async (files: PickedFile[]) => {
    if (!upload || files.length === 0) return;
    setUploading({ count: files.length, error: null });
    try {
      const paths = await upload(files);
      setUploading(null);
      start(paths);
    } catch (error) {
      setUploading({ count: files.length, error: (error as Error).message });
    }
  };
  const uploadRef = useRef(uploadAndImport);
  uploadRef.current = uploadAndImport;
  useAppCommand('importFiles', () => (upload ? pickRef.current?.click() : start(null)));

  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      if (!event.dataTransfer) return;
      if (window.scrollback.uploadFiles) {
        void filesFromDrop(event.dataTransfer).then((files) => uploadRef.current(files));
        return;
      }
      const paths = [...event.dataTransfer.files].map((file) => window.scrollback.pathForFile(file)).filter((path) => path !== '');
      if (paths.length > 0) start(paths);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [start]);

  const picker = upload ? (
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
  ) : null;
  const overlay = (
    <>
      {picker}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop Telegram, WhatsApp or Discord exports to import them
        </div>
      )}
    </>
  );
  if (uploading)
    return (
      <>
        {overlay}
        <div className={`import-panel${uploading.error ? ' error' : ''}`} role={uploading.error ? 'alert' : 'status'} aria-label="Import">
          <span>
            {uploading.error
              ? `Could not hand the files to Scrollback: ${uploading.error}`
              : `Handing ${uploading.count.toLocaleString()} ${uploading.count === 1 ? 'file' : 'files'} to Scrollback…`}
          </span>
          {uploading.error && (
            <button type="button" onClick={() => setUploading(null)}>
              Close
            </button>
          )}
        </div>
      </>
    );
  if (!status || status.state === 'idle' || dismissed === status) {
    return startError ? (
      <div className="import-panel error" role="alert">
        {startError.message}
      </div>
    ) : (
      overlay
    );
  }
  const close = (
    <button type="button" onClick={() => setDismissed(status)} aria-label="Close">
      Close
    </button>
  );
  if (status.state === 'running') {
    const progress = status.progress;
    const fraction = progress && progress.totalBytes > 0 ? progress.bytesRead / progress.totalBytes : 0;
    return (
      <>
        {overlay}
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
      </>
    );
  }
  if (status.state === 'done' && status.result) {
    const chats = status.result.flatMap((file) => file.chats);
    const zones = status.result
      .flatMap((file) => (file.timeZone ? [file.timeZone] : []))
      .filter((zone, index, all) => all.findIndex((other) => other.zone === zone.zone) === index);
    return (
      <div className="import-panel done" role="status" aria-label="Import">
        <span>Imported:</span>
        <ul>
          {chats.map((chat) => (
            <li key={chat.chatId}>
              <button type="button" className="link-button" onClick={() => onOpenChat(chat.chatId)}>
                {chat.name}
              </button>{' '}
              {chat.added.toLocaleString()} new
              {chat.inFile > chat.added ? `, ${(chat.inFile - chat.added).toLocaleString()} already there` : ''}
            </li>
          ))}
        </ul>
        {zones.map(({ zone, computers }) => (
          <span key={zone} className="import-time-zone" data-testid="import-time-zone">
            WhatsApp times read in {zone}
            {computers ? " (this computer's zone; another can be chosen below the chat list)" : ''}
          </span>
        ))}
        {close}
      </div>
    );
  }
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
