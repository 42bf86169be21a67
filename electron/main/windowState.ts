import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The window's last size and place, as `window-state.json` keeps it (a file this app wrote, read back as outside JSON). */
const windowStateSchema = z.object({
  width: z.number().min(400).max(10_000),
  height: z.number().min(300).max(10_000),
  // A damaged position or flag loses only itself: the size still holds.
  x: z.number().finite().optional().catch(undefined),
  y: z.number().finite().optional().catch(undefined),
  maximized: z.boolean().optional().catch(undefined),
});

export type WindowState = z.infer<typeof windowStateSchema>;

const DEFAULT_STATE: WindowState = { width: 1200, height: 820 };

/** Reads the last window size; a missing or damaged file gives the default, never an error. */
export function readWindowState(folder: string): WindowState {
  let text: string;
  try {
    text = fs.readFileSync(path.join(folder, 'window-state.json'), 'utf8');
  } catch {
    return DEFAULT_STATE;
  }
  const parsed = windowStateSchema.safeParse(parseJsonOrNull(text));
  if (!parsed.success) return DEFAULT_STATE;
  const { width, height, x, y, maximized } = parsed.data;
  // A position is kept only whole (one coordinate alone would place the window anywhere).
  return { width, height, maximized: maximized === true, ...(x !== undefined && y !== undefined ? { x, y } : {}) };
}

function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function writeWindowState(folder: string, state: WindowState): void {
  const file = path.join(folder, 'window-state.json');
  const temporary = `${file}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(state), { mode: 0o600 });
  fs.renameSync(temporary, file);
}

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How much of the window's top edge must be on a display for the saved place to count (its title bar, to drag it). */
const MIN_VISIBLE = { width: 120, height: 40 };

/**
 * The saved place checked against the displays connected now (`screen.getAllDisplays()` work areas, the
 * primary first): a window whose top strip is on no display (a monitor since unplugged, a resolution
 * lowered) loses its position and opens centred on the primary display; the size never exceeds the work
 * area of the display it opens on.
 */
export function placeOnDisplays(state: WindowState, workAreas: readonly Area[]): WindowState {
  const [primary] = workAreas;
  if (!primary) return state;
  const visibleOn = (area: Area) => {
    if (state.x === undefined || state.y === undefined) return false;
    const width = Math.min(state.x + state.width, area.x + area.width) - Math.max(state.x, area.x);
    const height = Math.min(state.y + MIN_VISIBLE.height, area.y + area.height) - Math.max(state.y, area.y);
    return width >= Math.min(MIN_VISIBLE.width, state.width) && height >= MIN_VISIBLE.height;
  };
  const display = workAreas.find(visibleOn);
  const area = display ?? primary;
  const width = Math.min(state.width, area.width);
  const height = Math.min(state.height, area.height);
  const { x: _x, y: _y, ...rest } = state;
  if (!display || state.x === undefined || state.y === undefined) return { ...rest, width, height };
  // Kept on its display: moved in just enough that the whole (possibly shrunk) window fits its work area.
  const x = Math.max(area.x, Math.min(state.x, area.x + area.width - width));
  const y = Math.max(area.y, Math.min(state.y, area.y + area.height - height));
  return { ...rest, width, height, x, y };
}
