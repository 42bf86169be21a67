import { useRef } from 'react';
import { formatDateTime } from '../../format/formatDates.ts';
import { useT } from '../../i18n/translate.ts';
import { useDialogFocus } from './useDialogFocus.ts';
import { useMediaViewer } from './useMediaViewer.ts';
import { ViewerBar } from './ViewerBar.tsx';
import { ViewerPicture } from './ViewerPicture.tsx';
import { ViewerVideo } from './ViewerVideo.tsx';

/**
 * The media viewer, as Telegram Desktop's: an opaque modal dialog over the whole window with one photo, video,
 * GIF or sticker of the chat at a time, fitted to the window; a photo zooms (+, −, 0, Ctrl+wheel, a click) and
 * pans by dragging; ← and → step through the chat's media; its sender, date and caption, Download and Show in
 * folder. Tab stays inside; Esc closes and focus goes back to where it was.
 */
export function MediaViewer({ chatId, messageId, onClose }: { chatId: number; messageId: string; onClose(): void }) {
  const { data, items, index, shown, step, zoom, zoomable } = useMediaViewer(chatId, messageId, onClose);
  const dialog = useRef<HTMLDivElement | null>(null);
  const t = useT();
  const trapTab = useDialogFocus(dialog, () =>
    document.querySelector<HTMLElement>(`[data-testid="message-scroller"] [data-message-id="${CSS.escape(messageId)}"]`),
  );
  const media = shown?.media ?? null;
  return (
    <div
      className="media-viewer"
      role="dialog"
      aria-modal="true"
      aria-labelledby="viewer-title"
      aria-describedby={shown?.text ? 'viewer-text' : undefined}
      tabIndex={-1}
      ref={dialog}
      onKeyDown={trapTab}
      data-testid="media-viewer"
    >
      <ViewerBar
        title={
          shown
            ? t('media.viewer.title', { sender: shown.senderName ?? t('common.unknownSender'), date: formatDateTime(shown.date) })
            : t('common.loading')
        }
        position={index >= 0 && data ? t('media.viewer.position', { index: index + 1, count: items.length }) : ''}
        shown={shown}
        zoom={zoomable ? zoom : null}
        onClose={onClose}
      />
      <button
        type="button"
        className="viewer-arrow previous"
        onClick={() => step(-1)}
        disabled={index <= 0}
        aria-label={t('media.viewer.previous')}
      >
        ‹
      </button>
      <div
        className={`viewer-stage${zoomable && zoom.zoom > 0 ? ' zoomed' : ''}${zoomable ? ' zoomable' : ''}`}
        data-testid="viewer-stage"
        data-message-id={shown?.id}
        {...(zoomable ? zoom.stageHandlers : {})}
      >
        {shown && media && (media.kind === 'video' || media.kind === 'gif') ? (
          <ViewerVideo key={shown.id} message={shown} />
        ) : shown && media ? (
          <ViewerPicture chatId={chatId} shown={shown} media={media} scale={zoom.scale} pan={zoom.pan} />
        ) : null}
      </div>
      <button
        type="button"
        className="viewer-arrow next"
        onClick={() => step(1)}
        disabled={index < 0 || index >= items.length - 1}
        aria-label={t('media.viewer.next')}
      >
        ›
      </button>
      {shown?.text && (
        <p className="viewer-text" id="viewer-text" dir="auto">
          {shown.text}
        </p>
      )}
    </div>
  );
}
