import { app, BrowserWindow } from 'electron';
import { z } from 'zod';
import type { EncodedImage, ImageBackend } from '../core/files/ImageBackend.ts';
import { drawInPage, type PageDrawing } from './drawInPage.ts';

const drawnSchema = z.object({ width: z.number().int().positive(), height: z.number().int().positive(), base64: z.string() });

/** The format of an image's bytes by their signature (what sharp's metadata names it). */
function formatOf(bytes: Uint8Array): string | null {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'webp';
  if (starts(0x42, 0x4d)) return 'bmp';
  if (bytes.length > 12 && String.fromCharCode(...bytes.subarray(4, 12)).match(/^ftyp(avif|avis)$/)) return 'avif';
  return null;
}

/**
 * Pictures drawn by Chromium in a hidden, sandboxed page (no preload, no Node, never shown, never navigated):
 * the image backend of the app on Linux, where sharp's libvips must not load into Electron's process (see
 * imageCodec.ts), for the window and for the command line the app binary answers. The page is opened on first
 * use, once the app is ready, and closed with the main window
 * (`close`), so that it never keeps the app from quitting. One page draws everything, one picture at a time
 * in its own task queue; JPEG and WebP are Chromium's encoders, stripped previews are encoded in core.
 */
export function createChromiumImageBackend(): ImageBackend & { close(): void } {
  let page: Promise<BrowserWindow> | null = null;
  const open = (): Promise<BrowserWindow> => {
    page ??= (async () => {
      // The command line runs before the app is ready; windows can be made only after.
      await app.whenReady();
      const window = new BrowserWindow({
        show: false,
        width: 64,
        height: 64,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, backgroundThrottling: false, spellcheck: false },
      });
      window.on('closed', () => {
        page = null;
      });
      await window.loadURL('about:blank');
      return window;
    })();
    return page;
  };
  const draw = async (drawing: PageDrawing) => {
    const window = await open();
    const answer: unknown = await window.webContents.executeJavaScript(`(${drawInPage.toString()})(${JSON.stringify(drawing)})`);
    const drawn = drawnSchema.parse(answer);
    return { width: drawn.width, height: drawn.height, bytes: Buffer.from(drawn.base64, 'base64') };
  };
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  const sourceOf = (input: Uint8Array | string) => (typeof input === 'string' ? { svg: input } : { base64: base64(input) });
  return {
    async renderSvg(svg, format, quality): Promise<EncodedImage> {
      const type = format === 'jpeg' ? 'image/jpeg' : 'image/webp';
      const drawn = await draw({ source: { svg }, fit: null, onWhite: format === 'jpeg', output: { type, quality } });
      return { ...drawn, mimeType: type };
    },
    async makeThumbnail(bytes, box): Promise<EncodedImage> {
      const drawn = await draw({
        source: sourceOf(bytes),
        fit: { box, enlarge: false },
        onWhite: true,
        output: { type: 'image/jpeg', quality: 78 },
      });
      return { ...drawn, mimeType: 'image/jpeg' };
    },
    async readImageInfo(bytes) {
      const format = formatOf(bytes);
      if (!format) return null;
      try {
        const { width, height } = await draw({ source: sourceOf(bytes), fit: null, onWhite: false, output: 'size' });
        return { width, height, format };
      } catch {
        return null;
      }
    },
    async drawPixels(input, box) {
      const drawn = await draw({ source: sourceOf(input), fit: { box, enlarge: true }, onWhite: true, output: 'rgba' });
      if (drawn.bytes.length !== drawn.width * drawn.height * 4) throw new Error('The image page sent pixels of the wrong size.');
      return { data: drawn.bytes, width: drawn.width, height: drawn.height, channels: 4 };
    },
    close() {
      void page?.then((window) => {
        if (!window.isDestroyed()) window.destroy();
      });
      page = null;
    },
  };
}
