import fs from 'node:fs';
import sharp from 'sharp';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sharpImageBackend } from '../../electron/core/files/sharpImageBackend.ts';

/**
 * The hidden image page of the app on Linux, run in a real Chromium: Electron's BrowserWindow is the one
 * stand-in, whose executeJavaScript evaluates the code the app sends in a Playwright page (as the window's
 * renderer would). What it draws is compared with what sharp draws from the same input.
 */
const chromiumPage = vi.hoisted(() => ({ page: null as Page | null, windows: 0, destroyed: 0 }));
vi.mock('electron', () => ({
  app: { whenReady: () => Promise.resolve() },
  BrowserWindow: class {
    private closed: (() => void)[] = [];
    private gone = false;
    readonly webContents = { executeJavaScript: (code: string) => chromiumPage.page!.evaluate(code) };
    constructor() {
      chromiumPage.windows++;
    }
    on(_event: 'closed', listener: () => void) {
      this.closed.push(listener);
    }
    async loadURL() {}
    isDestroyed() {
      return this.gone;
    }
    destroy() {
      this.gone = true;
      chromiumPage.destroyed++;
      for (const listener of this.closed) listener();
    }
  },
}));
const { createChromiumImageBackend } = await import('../../electron/main/chromiumImageBackend.ts');

const executablePath = process.env.SCROLLBACK_CHROMIUM ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const noChromium = !executablePath && !fs.existsSync(chromium.executablePath());

/** Mean absolute difference per channel of two images of one size, as RGB. */
async function difference(a: Uint8Array, b: Uint8Array): Promise<number> {
  const [left, right] = await Promise.all([a, b].map((bytes) => sharp(bytes).removeAlpha().raw().toBuffer()));
  let sum = 0;
  for (let i = 0; i < left!.length; i++) sum += Math.abs(left![i]! - right![i]!);
  return sum / left!.length;
}

describe.skipIf(noChromium)('pictures drawn by Chromium (the app on Linux) match what sharp draws', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    chromiumPage.page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('thumbnails (EXIF turns applied, never enlarged), SVG renders, sizes and formats; garbage is no image; one page, closed on request', async () => {
    const backend = createChromiumImageBackend();
    // A 900 × 500 photo stored sideways (EXIF orientation 6): shown 500 wide, 900 high.
    const photo = await sharp({ create: { width: 900, height: 500, channels: 3, background: '#2a6fdb' } })
      .composite([
        {
          input: Buffer.from('<svg width="300" height="200"><circle cx="150" cy="100" r="90" fill="#ffcc00"/></svg>'),
          left: 100,
          top: 100,
        },
      ])
      .jpeg({ quality: 90 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const [ours, theirs] = await Promise.all([backend.makeThumbnail(photo, 320), sharpImageBackend.makeThumbnail(photo, 320)]);
    expect(ours).toMatchObject({ mimeType: 'image/jpeg', width: theirs.width, height: theirs.height });
    expect([ours.width, ours.height]).toEqual([178, 320]);
    expect(await difference(ours.bytes, theirs.bytes)).toBeLessThan(6);

    const small = await sharp({ create: { width: 40, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    expect(await backend.makeThumbnail(small, 320)).toMatchObject({ width: 40, height: 20 });
    expect(await backend.readImageInfo(photo)).toEqual(await sharpImageBackend.readImageInfo(photo));
    expect(await backend.readImageInfo(small)).toEqual({ width: 40, height: 20, format: 'png' });
    expect(await backend.readImageInfo(Buffer.from('not an image at all'))).toBeNull();
    await expect(backend.makeThumbnail(Buffer.from([0xff, 0xd8, 0xff, 0, 1, 2]), 320)).rejects.toThrow();

    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"><rect width="120" height="80" fill="#22aa66"/></svg>';
    const webp = await backend.renderSvg(svg, 'webp', 80);
    expect(webp).toMatchObject({ mimeType: 'image/webp', width: 120, height: 80 });
    expect((await sharp(webp.bytes).metadata()).format).toBe('webp');
    const jpeg = await backend.renderSvg(svg, 'jpeg', 85);
    expect(await difference(jpeg.bytes, (await sharpImageBackend.renderSvg(svg, 'jpeg', 85)).bytes)).toBeLessThan(4);

    const pixels = await backend.drawPixels(svg, 40);
    expect(pixels).toMatchObject({ width: 40, height: 27, channels: 4 });
    expect(pixels.data.length).toBe(40 * 27 * 4);

    expect(chromiumPage.windows).toBe(1);
    backend.close();
    await vi.waitFor(() => expect(chromiumPage.destroyed).toBe(1));
  });
});
