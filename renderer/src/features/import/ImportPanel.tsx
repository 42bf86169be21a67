import { useEffect, useState } from 'react';
import { useAppCommand } from '../../app/appCommands.ts';
import { useImport } from './useImport.ts';

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
  useAppCommand('importFiles', () => start(null));

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
      const paths = [...(event.dataTransfer?.files ?? [])].map((file) => window.scrollback.pathForFile(file)).filter((path) => path !== '');
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

  const overlay = dragging ? (
    <div className="drop-overlay" aria-hidden="true">
      Drop Telegram or WhatsApp exports to import them
    </div>
  ) : null;
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
