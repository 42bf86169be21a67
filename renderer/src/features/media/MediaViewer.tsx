import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ChatMessage } from '../../../../shared/domain.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { formatBytes, formatDateTime, formatDuration } from '../../format/formatDates.ts';
import { mediaBox } from './mediaBox.ts';
import { MediaProgress } from './MediaProgress.tsx';
import { mediaUrl } from './mediaUrls.ts';
import { PreviewedImage } from './PreviewedImage.tsx';
import { useMediaDownload } from './useMediaDownload.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';

/** How many neighbours each side the viewer knows; it asks again around the shown one near either end. */
const AROUND = 30;
const ZOOMS = [1, 1.5, 2, 3] as const;

/** A video or GIF: its thumbnail and Play until the whole file is here (downloaded with progress), then playing. */
function ViewerVideo({ message }: { message: ChatMessage }) {
  const media = message.media!;
  const download = useMediaDownload(message.chatId, message.id, 'onComputer' in media && media.onComputer === true);
  const [asked, setAsked] = useState(false);
  const box = mediaBox(media);
  const size = 'size' in media ? media.size : undefined;
  if (download.onComputer && (asked || media.kind === 'gif' || download.status?.state === 'done'))
    return (
      <video
        className="viewer-video"
        src={mediaUrl(message.chatId, message.id, 'full')}
        controls={media.kind !== 'gif'}
        autoPlay
        loop={media.kind === 'gif'}
        muted={media.kind === 'gif'}
        data-testid="viewer-video"
      />
    );
  const running = download.status?.state === 'running' || download.status?.state === 'waiting';
  return (
    <div className="viewer-video-poster">
      <PreviewedImage
        src={mediaUrl(message.chatId, message.id, 'thumb')}
        preview={'preview' in media ? media.preview : undefined}
        alt=""
        width={box.width * 2}
        height={box.height * 2}
        fit="contain"
      />
      {running && download.status ? (
        <MediaProgress status={download.status} onCancel={download.cancel} />
      ) : (
        <button
          type="button"
          className="viewer-play"
          onClick={() => {
            setAsked(true);
            if (!download.onComputer) void download.start();
          }}
        >
          ▶ Play
          {media.kind === 'video' ? ` · ${formatDuration(media.durationS)}` : ''}
          {size && !download.onComputer ? ` · ${formatBytes(size)} to download` : ''}
        </button>
      )}
      {download.status?.state === 'failed' && (
        <span className="media-error" role="alert">
          {download.status.detail}
        </span>
      )}
    </div>
  );
}

/**
 * The media viewer: one photo, video, GIF or sticker of the chat at a time, as large as the window allows,
 * with zoom (+, −, or a click), the arrows to the previous and next media of the chat, and Esc to close.
 */
export function MediaViewer({ chatId, messageId, onClose }: { chatId: number; messageId: string; onClose(): void }) {
  const [anchor, setAnchor] = useState(messageId);
  const [shownId, setShownId] = useState(messageId);
  const [zoom, setZoom] = useState(0);
  const dialog = useRef<HTMLDivElement | null>(null);
  const { data } = useQuery({
    queryKey: queryKeys.media.around(chatId, anchor),
    queryFn: ({ signal }) => scrollback.listMediaAround({ chatId, messageId: anchor, limit: AROUND }, { signal }),
    staleTime: 60_000,
    placeholderData: (previous) => previous,
  });
  const items = data ? [...data.before, ...(data.current ? [data.current] : []), ...data.after] : [];
  const index = items.findIndex((item) => item.id === shownId);
  const shown = index >= 0 ? items[index]! : null;

  const step = (by: number) => {
    const next = items[index + by];
    if (!next) return;
    setShownId(next.id);
    setZoom(0);
    // Near an end of what is known: ask for the neighbours of the new one.
    if (index + by < 3 || index + by > items.length - 4) setAnchor(next.id);
  };

  useEffect(() => {
    dialog.current?.focus();
  }, []);

  // On the window, not the dialog: a control that had focus (Play) may be gone, leaving focus on the body.
  const keys = useRef<(event: KeyboardEvent) => void>(() => undefined);
  keys.current = (event) => {
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowLeft') step(-1);
    else if (event.key === 'ArrowRight') step(1);
    else if (event.key === '+' || event.key === '=') setZoom((z) => Math.min(ZOOMS.length - 1, z + 1));
    else if (event.key === '-') setZoom((z) => Math.max(0, z - 1));
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keys.current(event);
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);

  const media = shown?.media ?? null;
  const box = media ? mediaBox(media) : { width: 0, height: 0 };
  const natural =
    media && 'width' in media && media.width > 0
      ? { width: media.width, height: media.height }
      : { width: box.width * 3, height: box.height * 3 };
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
        <button type="button" onClick={() => setZoom((z) => Math.max(0, z - 1))} aria-label="Zoom out" disabled={zoom === 0}>
          −
        </button>
        <span className="viewer-zoom">{Math.round(ZOOMS[zoom]! * 100)}%</span>
        <button type="button" onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))} aria-label="Zoom in">
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
          <div
            className="viewer-picture"
            style={{ transform: `scale(${ZOOMS[zoom]})` }}
            data-testid="viewer-picture"
            data-message-id={shown.id}
          >
            <PreviewedImage
              key={shown.id}
              src={mediaUrl(chatId, shown.id, 'full')}
              preview={'preview' in media ? media.preview : undefined}
              alt={media.kind === 'sticker' ? `Sticker ${media.emoji ?? ''}` : 'Photo'}
              width={natural.width}
              height={natural.height}
              className="viewer-image"
              fit="contain"
              boxStyle={{
                // As large as the window allows, never larger than the picture, its aspect kept.
                width: `min(${natural.width}px, 90vw, calc((100vh - 60px) * ${natural.width / Math.max(1, natural.height)}))`,
                aspectRatio: `${natural.width} / ${Math.max(1, natural.height)}`,
              }}
            />
          </div>
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
