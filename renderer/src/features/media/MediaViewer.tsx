import { useEffect, useRef } from 'react';
import { formatDateTime } from '../../format/formatDates.ts';
import { useMediaViewer, ZOOMS } from './useMediaViewer.ts';
import { ViewerPicture } from './ViewerPicture.tsx';
import { ViewerVideo } from './ViewerVideo.tsx';

/**
 * The media viewer: one photo, video, GIF or sticker of the chat at a time, as large as the window allows,
 * with zoom (+, −, or a click), the arrows to the previous and next media of the chat, and Esc to close.
 */
export function MediaViewer({ chatId, messageId, onClose }: { chatId: number; messageId: string; onClose(): void }) {
  const { data, items, index, shown, step, zoom, setZoom, zoomIn, zoomOut } = useMediaViewer(chatId, messageId, onClose);
  const dialog = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    dialog.current?.focus();
  }, []);

  const media = shown?.media ?? null;
  return (
    <div
      className="media-viewer"
      role="dialog"
      aria-modal="true"
      aria-label="Media viewer"
      tabIndex={-1}
      ref={dialog}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="viewer-bar">
        <span className="viewer-caption" dir="auto">
          {shown ? `${shown.senderName ?? ''} · ${formatDateTime(shown.date)}` : 'Loading…'}
          {index >= 0 && data ? ` · ${index + 1} of ${items.length} nearby on this computer` : ''}
        </span>
        <button type="button" onClick={zoomOut} aria-label="Zoom out" disabled={zoom === 0}>
          −
        </button>
        <span className="viewer-zoom">{Math.round(ZOOMS[zoom]! * 100)}%</span>
        <button type="button" onClick={zoomIn} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={onClose} aria-label="Close the viewer">
          ✕
        </button>
      </div>
      <button type="button" className="viewer-arrow previous" onClick={() => step(-1)} disabled={index <= 0} aria-label="Previous media">
        ‹
      </button>
      <div
        className={`viewer-stage${zoom > 0 ? ' zoomed' : ''}`}
        data-testid="viewer-stage"
        data-message-id={shown?.id}
        onClick={() => setZoom((z) => (z === 0 ? 2 : 0))}
      >
        {shown && media && (media.kind === 'video' || media.kind === 'gif') ? (
          <ViewerVideo key={shown.id} message={shown} />
        ) : shown && media ? (
          <ViewerPicture chatId={chatId} shown={shown} media={media} scale={ZOOMS[zoom]!} />
        ) : null}
      </div>
      <button
        type="button"
        className="viewer-arrow next"
        onClick={() => step(1)}
        disabled={index < 0 || index >= items.length - 1}
        aria-label="Next media"
      >
        ›
      </button>
    </div>
  );
}
