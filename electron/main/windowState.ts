import fs from 'node:fs';
import path from 'node:path';

export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized?: boolean;
}

const DEFAULT_STATE: WindowState = { width: 1200, height: 820 };

/** Reads the last window size; a missing or damaged file gives the default, never an error. */
export function readWindowState(folder: string): WindowState {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(folder, 'window-state.json'), 'utf8')) as Partial<WindowState>;
    const width = Number(parsed.width);
    const height = Number(parsed.height);
    if (!(width >= 400 && width <= 10000 && height >= 300 && height <= 10000)) return DEFAULT_STATE;
    const state: WindowState = { width, height, maximized: parsed.maximized === true };
    if (Number.isFinite(parsed.x) && Number.isFinite(parsed.y)) Object.assign(state, { x: parsed.x, y: parsed.y });
    return state;
  } catch {
    return DEFAULT_STATE;
  }
}

export function writeWindowState(folder: string, state: WindowState): void {
  const file = path.join(folder, 'window-state.json');
  const temporary = `${file}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(state), { mode: 0o600 });
  fs.renameSync(temporary, file);
}
