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
