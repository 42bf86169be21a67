import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { useViewerZoom } from './useViewerZoom.ts';

/** How many neighbours each side the viewer knows; it asks again around the shown one near either end. */
const AROUND = 30;

/**
 * The viewer's state: the media shown among its known neighbours, the step to the previous or next one
 * (asking for new neighbours near either end), the zoom and pan of a photo, and the keys (Esc, ←, →, and for
 * a photo +, −, 0).
 */
export function useMediaViewer(chatId: number, messageId: string, onClose: () => void) {
  const [anchor, setAnchor] = useState(messageId);
  const [shownId, setShownId] = useState(messageId);
  const zoom = useViewerZoom();
  const { data } = useQuery({
    queryKey: queryKeys.media.around(chatId, anchor),
    queryFn: ({ signal }) => scrollback.listMediaAround({ chatId, messageId: anchor, limit: AROUND }, { signal }),
    staleTime: 60_000,
    placeholderData: (previous) => previous,
  });
  const items = data ? [...data.before, ...(data.current ? [data.current] : []), ...data.after] : [];
  const index = items.findIndex((item) => item.id === shownId);
  const shown = index >= 0 ? items[index]! : null;
  const kind = shown?.media?.kind;
  // Videos and GIFs play at the fitted size: no zoom for them.
  const zoomable = kind === 'photo' || kind === 'sticker';

  const step = (by: number) => {
    const next = items[index + by];
    if (!next) return;
    setShownId(next.id);
    zoom.reset();
    // Near an end of what is known: ask for the neighbours of the new one.
    if (index + by < 3 || index + by > items.length - 4) setAnchor(next.id);
  };

  // On the window, not the dialog: a control that had focus (Play) may be gone, leaving focus on the body.
  const keys = useRef<(event: KeyboardEvent) => void>(() => undefined);
  keys.current = (event) => {
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowLeft') step(-1);
    else if (event.key === 'ArrowRight') step(1);
    else if (zoomable && (event.key === '+' || event.key === '=')) zoom.zoomIn();
    else if (zoomable && event.key === '-') zoom.zoomOut();
    else if (zoomable && event.key === '0') zoom.reset();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keys.current(event);
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);
  return { data, items, index, shown, step, zoom, zoomable };
}
