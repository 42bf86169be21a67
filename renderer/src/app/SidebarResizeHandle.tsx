import { SIDEBAR_MAX_WIDTH, SIDEBAR_MIN_WIDTH } from './useWindowLayout.ts';
import { useT } from '../i18n/translate.ts';

const KEY_STEP = 16;

/**
 * The sidebar's inner edge (its right, or its left in a right-to-left window): drag it, or focus it and use
 * the arrow keys (a window splitter, per ARIA).
 */
export function SidebarResizeHandle({ width, onResize }: { width: number; onResize(width: number): void }) {
  const t = useT();
  // Mirrored: the sidebar is on the right, so dragging or pressing towards the left widens it.
  const outwards = document.documentElement.dir === 'rtl' ? -1 : 1;
  return (
    <div
      className="sidebar-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('sidebar.resize')}
      aria-valuemin={SIDEBAR_MIN_WIDTH}
      aria-valuemax={SIDEBAR_MAX_WIDTH}
      aria-valuenow={width}
      tabIndex={0}
      style={{ insetInlineStart: width - 3 }}
      data-testid="sidebar-resize"
      onPointerDown={(event) => {
        event.preventDefault();
        const handle = event.currentTarget;
        handle.setPointerCapture(event.pointerId);
        const startX = event.clientX;
        const move = (moved: PointerEvent) => onResize(width + outwards * (moved.clientX - startX));
        const end = () => {
          handle.removeEventListener('pointermove', move);
          handle.removeEventListener('pointerup', end);
          handle.removeEventListener('pointercancel', end);
        };
        handle.addEventListener('pointermove', move);
        handle.addEventListener('pointerup', end);
        handle.addEventListener('pointercancel', end);
      }}
      onKeyDown={(event) => {
        if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
          event.preventDefault();
          onResize(width + outwards * (event.key === 'ArrowLeft' ? -KEY_STEP : KEY_STEP));
        }
      }}
    />
  );
}
