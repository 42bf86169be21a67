import { scrollback } from '../../bridge/scrollbackClient.ts';
import { formatBytes } from '../../format/formatDates.ts';
import { MediaProgress } from './MediaProgress.tsx';
import { useMediaDownload } from './useMediaDownload.ts';
import { useT } from '../../i18n/translate.ts';

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
  const t = useT();
  const download = useMediaDownload(chatId, messageId, onComputer);
  const running = download.status?.state === 'running' || download.status?.state === 'waiting';
  const type =
    mimeType && mimeType !== 'application/octet-stream'
      ? mimeType
      : (/\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toUpperCase() ?? t('common.messageKind', { kind: 'file' }));
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
          {size > 0 ? formatBytes(size) : t('media.file.sizeUnknown')} · {type} ·{' '}
          {download.onComputer ? t('media.file.here') : t('media.file.notHere')}
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
          {t('common.showInFolder')}
        </button>
      ) : (
        !running && (
          <button type="button" onClick={() => void download.start()}>
            {t('media.download')}
          </button>
        )
      )}
    </div>
  );
}
