import type { ChatMessage } from '../../../../shared/domain.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { useT } from '../../i18n/translate.ts';
import { MediaProgress } from './MediaProgress.tsx';
import { useMediaDownload } from './useMediaDownload.ts';
import { ZOOMS, type useViewerZoom } from './useViewerZoom.ts';

/**
 * The viewer's top row: who sent it and when (the dialog's name), where it is among its neighbours, the zoom
 * of a photo (none for a video), Download or Show in folder, and Close.
 */
export function ViewerBar({
  title,
  position,
  shown,
  zoom,
  onClose,
}: {
  title: string;
  position: string;
  shown: ChatMessage | null;
  /** A photo's zoom; null for a video or GIF, which have no zoom control. */
  zoom: ReturnType<typeof useViewerZoom> | null;
  onClose(): void;
}) {
  const t = useT();
  return (
    <div className="viewer-bar">
      <div className="viewer-who">
        <span id="viewer-title" className="viewer-caption" dir="auto">
          {title}
        </span>
        {position && <span className="viewer-position">{position}</span>}
      </div>
      {zoom && (
        <>
          <button
            type="button"
            onClick={zoom.zoomOut}
            aria-label={t('media.viewer.zoomOut')}
            title={t('media.viewer.zoomOutTitle')}
            disabled={zoom.zoom === 0}
          >
            −
          </button>
          <span className="viewer-zoom" aria-live="polite">
            {t('media.viewer.zoom', { percent: Math.round(ZOOMS[zoom.zoom]! * 100) })}
          </span>
          <button
            type="button"
            onClick={zoom.zoomIn}
            aria-label={t('media.viewer.zoomIn')}
            title={t('media.viewer.zoomInTitle')}
            disabled={zoom.zoom === ZOOMS.length - 1}
          >
            +
          </button>
        </>
      )}
      {shown && <ViewerFileActions key={shown.id} message={shown} />}
      <button type="button" onClick={onClose} aria-label={t('media.viewer.close')} title={t('media.viewer.closeTitle')}>
        ✕
      </button>
    </div>
  );
}

/** Download (with its progress) until the whole file is on this computer, then Show in folder. */
function ViewerFileActions({ message }: { message: ChatMessage }) {
  const media = message.media;
  const onComputer = media !== null && 'onComputer' in media && media.onComputer === true;
  const download = useMediaDownload(message.chatId, message.id, onComputer);
  const running = download.status?.state === 'running' || download.status?.state === 'waiting';
  const t = useT();
  if (running && download.status) return <MediaProgress status={download.status} onCancel={download.cancel} />;
  if (download.onComputer)
    return (
      <button
        type="button"
        className="viewer-action"
        data-testid="viewer-show-in-folder"
        onClick={() => void scrollback.showMediaFile({ chatId: message.chatId, messageId: message.id })}
      >
        {t('common.showInFolder')}
      </button>
    );
  return (
    <button type="button" className="viewer-action" data-testid="viewer-download" onClick={() => void download.start()}>
      {t('media.download')}
    </button>
  );
}
