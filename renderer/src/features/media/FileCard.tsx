import { scrollback } from '../../bridge/scrollbackClient.ts';
import { formatBytes } from '../../format/formatDates.ts';
import { MediaProgress } from './MediaProgress.tsx';
import { useMediaDownload } from './useMediaDownload.ts';

/** A document: its name, size and type, Download (with progress and Cancel), and Show in folder once here. */
export function FileCard({
  chatId,
  messageId,
  fileName,
  size,
  mimeType,
  onComputer,
}: {
  chatId: number;
  messageId: string;
  fileName: string;
  size: number;
  mimeType?: string | undefined;
  onComputer: boolean;
}) {
  const download = useMediaDownload(chatId, messageId, onComputer);
  const running = download.status?.state === 'running' || download.status?.state === 'waiting';
  const type =
    mimeType && mimeType !== 'application/octet-stream' ? mimeType : (/\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toUpperCase() ?? 'File');
  return (
    <div className="file-card">
      <span className="file-icon" aria-hidden="true">
        📄
      </span>
      <span className="file-facts">
        <span className="file-name" dir="auto">
          {fileName}
        </span>
        <span className="file-meta">
          {size > 0 ? formatBytes(size) : 'size unknown'} · {type} · {download.onComputer ? 'on this computer' : 'not on this computer'}
        </span>
        {running && download.status && <MediaProgress status={download.status} onCancel={download.cancel} />}
        {download.status?.state === 'failed' && (
          <span className="media-error" role="alert">
            {download.status.detail}
          </span>
        )}
      </span>
      {download.onComputer ? (
        <button type="button" onClick={() => void scrollback.showMediaFile({ chatId, messageId })}>
          Show in folder
        </button>
      ) : (
        !running && (
          <button type="button" onClick={() => void download.start()}>
            Download
          </button>
        )
      )}
    </div>
  );
}
