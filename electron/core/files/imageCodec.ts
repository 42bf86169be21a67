import type * as SharpModule from 'sharp';
import type { Sharp, SharpOptions } from 'sharp';
import { strippedJpegHeader } from '../../../shared/strippedPreview.ts';

/**
 * The one module that touches the image library (sharp: libvips, prebuilt per platform, no download at
 * install). Loaded on first use, so starting the app or the CLI does not pay for it.
 */
let library: Promise<typeof SharpModule> | null = null;

async function image(input: Buffer | Uint8Array | string, options?: SharpOptions): Promise<Sharp> {
  library ??= import('sharp');
  const sharp = (await library).default;
  return sharp(typeof input === 'string' ? Buffer.from(input) : input, { limitInputPixels: 100_000_000, ...options });
}

export interface EncodedImage {
  bytes: Buffer;
  mimeType: 'image/jpeg' | 'image/webp' | 'image/png';
  width: number;
  height: number;
}

/** Draws an SVG this program wrote (never a source's) at its own size, as JPEG or WebP (keeps transparency). */
export async function renderSvg(svg: string, format: 'jpeg' | 'webp', quality = 82): Promise<EncodedImage> {
  const pipeline = await image(svg);
  const encoded = format === 'jpeg' ? pipeline.flatten({ background: '#ffffff' }).jpeg({ quality }) : pipeline.webp({ quality });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { bytes: data, mimeType: format === 'jpeg' ? 'image/jpeg' : 'image/webp', width: info.width, height: info.height };
}

/** Fits an image into a `box` × `box` square (never enlarging) as JPEG: the thumbnail kept for the list. */
export async function makeThumbnail(bytes: Uint8Array, box = 320): Promise<EncodedImage> {
  const pipeline = (await image(bytes, { failOn: 'error' }))
    .rotate()
    .resize({ width: box, height: box, fit: 'inside', withoutEnlargement: true });
  const { data, info } = await pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 78 }).toBuffer({ resolveWithObject: true });
  return { bytes: data, mimeType: 'image/jpeg', width: info.width, height: info.height };
}

/** Width, height and format of an image's bytes, or null when they are not an image the library reads. */
export async function readImageInfo(bytes: Uint8Array): Promise<{ width: number; height: number; format: string } | null> {
  try {
    const metadata = await (await image(bytes)).metadata();
    if (!metadata.width || !metadata.height) return null;
    const turned = (metadata.orientation ?? 1) >= 5;
    return { width: turned ? metadata.height : metadata.width, height: turned ? metadata.width : metadata.height, format: metadata.format };
  } catch {
    return null;
  }
}

function indexOfMarker(bytes: Uint8Array, marker: number, from = 0): number {
  for (let i = from; i < bytes.length - 1; i++) if (bytes[i] === 0xff && bytes[i + 1] === marker) return i;
  return -1;
}

/** The tables, frame and scan headers of a baseline JPEG, from its first DQT to the end of its SOS header. */
function tablesOf(jpeg: Uint8Array): { tables: Uint8Array; scanStart: number } {
  const start = indexOfMarker(jpeg, 0xdb);
  const sos = indexOfMarker(jpeg, 0xda, start);
  if (start < 0 || sos < 0) throw new Error('The image library wrote a JPEG without tables or scan.');
  const scanStart = sos + 2 + ((jpeg[sos + 2]! << 8) | jpeg[sos + 3]!);
  return { tables: jpeg.slice(start, scanStart), scanStart };
}

/** Blanks the frame's height and width, which are the only bytes a stripped preview's header varies in. */
function withoutFrameSize(tables: Uint8Array): Uint8Array {
  const copy = tables.slice();
  const sof = indexOfMarker(copy, 0xc0);
  if (sof >= 0) copy.fill(0, sof + 5, sof + 9);
  return copy;
}

/**
 * A stripped preview in Telegram's format (byte 1, height, width, scan) of an image, at most 40 px a side:
 * encoded at quality 20, 4:2:0, standard Huffman tables, so that Telegram's fixed header decodes it. The
 * encoder's tables are compared with that header's every time, so a library that encodes differently fails
 * loudly rather than drawing noise.
 */
export async function encodeStrippedPreview(input: Uint8Array | string): Promise<Uint8Array> {
  const jpeg = await (
    await image(input)
  )
    .resize({ width: 40, height: 40, fit: 'inside' })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 20, chromaSubsampling: '4:2:0', optimiseCoding: false, progressive: false, trellisQuantisation: false })
    .toBuffer({ resolveWithObject: true });
  const { tables, scanStart } = tablesOf(jpeg.data);
  const expected = tablesOf(strippedJpegHeader()).tables;
  const a = withoutFrameSize(tables);
  const b = withoutFrameSize(expected);
  if (a.length !== b.length || a.some((byte, i) => byte !== b[i]))
    throw new Error("The image library's JPEG tables differ from Telegram's stripped-preview header.");
  const end = jpeg.data.length - 2; // before the end-of-image marker
  const stripped = new Uint8Array(3 + end - scanStart);
  stripped[0] = 1;
  stripped[1] = jpeg.info.height;
  stripped[2] = jpeg.info.width;
  stripped.set(jpeg.data.subarray(scanStart, end), 3);
  return stripped;
}
