import { useRef, useState } from 'react';
import { clampPan } from './clampPan.ts';

/** Zoom steps over the fitted size (1 = as large as the window allows). */
export const ZOOMS = [1, 1.5, 2, 3, 4] as const;
/** A pointer that moves further than this between down and up was dragging (panning), not clicking. */
const DRAG_PX = 4;

/**
 * Zoom and pan of a photo in the viewer: steps in and out (keys, buttons, Ctrl+wheel), a click toggles 2×,
 * and a drag pans while zoomed (kept within the picture). Reset for each new picture.
 */
export function useViewerZoom() {
  const [zoom, setZoomIndex] = useState(0);
  const [pan, setPan] = useState({ x: 0, y: 0 });
  const drag = useRef<{ x: number; y: number; panX: number; panY: number; moved: boolean } | null>(null);
  const dragged = useRef(false);
  const scale = ZOOMS[zoom]!;

  const setZoom = (next: number | ((current: number) => number)) => {
    setZoomIndex((current) => {
      const index = Math.max(0, Math.min(ZOOMS.length - 1, typeof next === 'function' ? next(current) : next));
      if (index === 0) setPan({ x: 0, y: 0 });
      return index;
    });
  };
  const zoomIn = () => setZoom((z) => z + 1);
  const zoomOut = () => setZoom((z) => z - 1);
  const reset = () => setZoom(0);

  const panTo = (event: React.PointerEvent<HTMLElement>) => {
    const start = drag.current;
    if (!start) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (Math.hypot(dx, dy) > DRAG_PX) start.moved = true;
    setPan(clampPan({ x: start.panX + dx, y: start.panY + dy }, scale, event.currentTarget.getBoundingClientRect()));
  };
  const stageHandlers = {
    onPointerDown(event: React.PointerEvent<HTMLElement>) {
      dragged.current = false;
      if (zoom === 0 || event.button !== 0) return;
      drag.current = { x: event.clientX, y: event.clientY, panX: pan.x, panY: pan.y, moved: false };
      event.currentTarget.setPointerCapture(event.pointerId);
    },
    onPointerMove(event: React.PointerEvent<HTMLElement>) {
      panTo(event);
    },
    onPointerUp(event: React.PointerEvent<HTMLElement>) {
      // The last position too: moves are coalesced per frame, and the release may come before the last one.
      panTo(event);
      dragged.current = drag.current?.moved ?? false;
      drag.current = null;
    },
    onPointerCancel() {
      drag.current = null;
    },
    onClick() {
      // The end of a drag is not a click.
      if (dragged.current) return;
      setZoom((z) => (z === 0 ? 2 : 0));
    },
    onWheel(event: React.WheelEvent) {
      if (!event.ctrlKey) return;
      if (event.deltaY < 0) zoomIn();
      else if (event.deltaY > 0) zoomOut();
    },
  };
  return { zoom, scale, pan, setZoom, zoomIn, zoomOut, reset, stageHandlers };
}
