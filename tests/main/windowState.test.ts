import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWindowState, writeWindowState } from '../../electron/main/windowState.ts';
import { useTempFolder } from '../support/tempFolder.ts';

const tempFolder = useTempFolder();

describe('window state', () => {
  it('remembers the window size and position across restarts', () => {
    const folder = tempFolder();
    writeWindowState(folder, { width: 1400, height: 900, x: 40, y: 60, maximized: true });
    expect(readWindowState(folder)).toEqual({ width: 1400, height: 900, x: 40, y: 60, maximized: true });
  });

  it('falls back to the default for a missing, damaged or absurd file', () => {
    const folder = tempFolder();
    expect(readWindowState(folder)).toEqual({ width: 1200, height: 820 });
    fs.writeFileSync(path.join(folder, 'window-state.json'), '{"width": 12');
    expect(readWindowState(folder)).toEqual({ width: 1200, height: 820 });
    fs.writeFileSync(path.join(folder, 'window-state.json'), '{"width": 5, "height": 99999}');
    expect(readWindowState(folder)).toEqual({ width: 1200, height: 820 });
    fs.writeFileSync(path.join(folder, 'window-state.json'), '{"width": "1400", "height": 900}');
    expect(readWindowState(folder)).toEqual({ width: 1200, height: 820 });
    fs.writeFileSync(path.join(folder, 'window-state.json'), '[1400, 900]');
    expect(readWindowState(folder)).toEqual({ width: 1200, height: 820 });
  });

  it('keeps a position only whole, and a size without one', () => {
    const folder = tempFolder();
    fs.writeFileSync(path.join(folder, 'window-state.json'), '{"width": 1400, "height": 900, "x": 40, "maximized": "yes"}');
    expect(readWindowState(folder)).toEqual({ width: 1400, height: 900, maximized: false });
  });
});
