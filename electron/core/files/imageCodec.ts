import { encodeStrippedScan } from './encodeStrippedScan.ts';
import { sharpImageBackend } from './sharpImageBackend.ts';

export interface EncodedImage {
  bytes: Uint8Array;
  mimeType: 'image/jpeg' | 'image/webp' | 'image/png';
  width: number;
  height: number;
}

/**
 * What draws and encodes pictures. On plain Node (the CLI, tests, the import worker) it is sharp, loaded on
 * first use. Inside Electron on Linux sharp's libvips must never load: its bundled GLib collides with the
 * system's that the Electron binary links, and the process dies decoding (electron/electron#46323,
 * lovell/sharp#4522; #4525 crashes in a utilityProcess too, and an ELECTRON_RUN_AS_NODE child maps the same
 * GLib). There the app sets a backend on Chromium's own codecs instead (electron/main/chromiumImageBackend.ts).
 */
export interface ImageBackend {
  /** Draws an SVG this program wrote at its own size as JPEG (on white) or WebP. */
  renderSvg(svg: string, format: 'jpeg' | 'webp', quality: number): Promise<EncodedImage>;
  /** Fits an image (turned as its EXIF says) into `box` × `box`, never enlarging, as JPEG on white. */
  makeThumbnail(bytes: Uint8Array, box: number): Promise<EncodedImage>;
  /** Width and height as shown (EXIF turns applied) and format, or null when the bytes are no image it reads. */
  readImageInfo(bytes: Uint8Array): Promise<{ width: number; height: number; format: string } | null>;
  /** The picture fitted into `box` × `box` (enlarged if smaller), drawn on white, as RGB pixels. */
  drawPixels(input: Uint8Array | string, box: number): Promise<{ data: Uint8Array; width: number; height: number; channels: 3 | 4 }>;
}

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
