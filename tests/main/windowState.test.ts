import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeOnDisplays, readWindowState, writeWindowState } from '../../electron/main/windowState.ts';
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

describe('the saved place on the displays connected now', () => {
  const laptop = { x: 0, y: 0, width: 1440, height: 860 };
  const monitorOnTheRight = { x: 1440, y: -200, width: 2560, height: 1400 };

  it('keeps a place on a connected display, moved in just enough to fit, and its size within that display', () => {
    expect(placeOnDisplays({ width: 1200, height: 800, x: 100, y: 40 }, [laptop, monitorOnTheRight])).toEqual({
      width: 1200,
      height: 800,
      x: 100,
      y: 40,
    });
    expect(placeOnDisplays({ width: 1200, height: 800, x: 2000, y: 100 }, [laptop, monitorOnTheRight])).toEqual({
      width: 1200,
      height: 800,
      x: 2000,
      y: 100,
    });
    // Half off the laptop's right edge: pulled back in.
    expect(placeOnDisplays({ width: 1200, height: 800, x: 900, y: 30 }, [laptop])).toEqual({ width: 1200, height: 800, x: 240, y: 30 });
    // Taller than the display: shrunk to it.
    expect(placeOnDisplays({ width: 1000, height: 1300, x: 10, y: 0 }, [laptop])).toEqual({ width: 1000, height: 860, x: 10, y: 0 });
  });

  it('forgets a place on a display no longer connected (or under the top edge), opening on the primary one at a size that fits', () => {
    expect(placeOnDisplays({ width: 2000, height: 1200, x: 2000, y: 100, maximized: true }, [laptop])).toEqual({
      width: 1440,
      height: 860,
      maximized: true,
    });
    expect(placeOnDisplays({ width: 1200, height: 800, x: 100, y: -500 }, [laptop])).toEqual({ width: 1200, height: 800 });
    expect(placeOnDisplays({ width: 1200, height: 800 }, [laptop])).toEqual({ width: 1200, height: 800 });
  });
});
