import { encodeStrippedScan } from './encodeStrippedScan.ts';
import type { EncodedImage, ImageBackend } from './ImageBackend.ts';
import { sharpImageBackend } from './sharpImageBackend.ts';

export type { EncodedImage, ImageBackend };

/**
 * The backend is kept on the global object, not in this module: the app binary answering the command line
 * runs the CLI bundle, which has its own copy of this module, in the process whose backend main chose.
 */
const BACKEND = Symbol.for('scrollback.imageBackend');

function backendNow(): ImageBackend {
  const chosen: ImageBackend | undefined = Reflect.get(globalThis, BACKEND);
  return chosen ?? sharpImageBackend;
}

/** Sets the process's image backend; the Electron app does this once, before anything draws. */
export function useImageBackend(chosen: ImageBackend): void {
  Reflect.set(globalThis, BACKEND, chosen);
}

/** Draws an SVG this program wrote (never a source's) at its own size, as JPEG or WebP (keeps transparency). */
export function renderSvg(svg: string, format: 'jpeg' | 'webp', quality = 82): Promise<EncodedImage> {
  return backendNow().renderSvg(svg, format, quality);
}

/** Fits an image into a `box` × `box` square (never enlarging) as JPEG: the thumbnail kept for the list. */
export function makeThumbnail(bytes: Uint8Array, box = 320): Promise<EncodedImage> {
  return backendNow().makeThumbnail(bytes, box);
}

/** Width, height and format of an image's bytes, or null when they are not an image the library reads. */
export function readImageInfo(bytes: Uint8Array): Promise<{ width: number; height: number; format: string } | null> {
  return backendNow().readImageInfo(bytes);
}

/**
 * A stripped preview in Telegram's format (byte 1, height, width, scan) of an image, at most 40 px a side:
 * the picture drawn at that size by the backend, encoded here under Telegram's fixed header (quality-20
 * tables, 4:2:0, standard Huffman tables), so every backend makes previews that header decodes.
 */
export async function encodeStrippedPreview(input: Uint8Array | string): Promise<Uint8Array> {
  const pixels = await backendNow().drawPixels(input, 40);
  const scan = encodeStrippedScan(pixels);
  const stripped = new Uint8Array(3 + scan.length);
  stripped[0] = 1;
  stripped[1] = pixels.height;
  stripped[2] = pixels.width;
  stripped.set(scan, 3);
  return stripped;
}
