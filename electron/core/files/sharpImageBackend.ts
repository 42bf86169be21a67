import type * as SharpModule from 'sharp';
import type { Sharp, SharpOptions } from 'sharp';
import type { ImageBackend } from './ImageBackend.ts';

/**
 * The image backend on plain Node: sharp (libvips, prebuilt per platform, no download at install). Loaded
 * on first use, so starting the app or the CLI does not pay for it, and a process that chose another
 * backend never loads libvips at all.
 */
let library: Promise<typeof SharpModule> | null = null;

async function image(input: Uint8Array | string, options?: SharpOptions): Promise<Sharp> {
  library ??= import('sharp');
  const sharp = (await library).default;
  return sharp(typeof input === 'string' ? Buffer.from(input) : input, { limitInputPixels: 100_000_000, ...options });
}

export const sharpImageBackend: ImageBackend = {
  async renderSvg(svg, format, quality) {
    const pipeline = await image(svg);
    const encoded = format === 'jpeg' ? pipeline.flatten({ background: '#ffffff' }).jpeg({ quality }) : pipeline.webp({ quality });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { bytes: data, mimeType: format === 'jpeg' ? 'image/jpeg' : 'image/webp', width: info.width, height: info.height };
  },
  async makeThumbnail(bytes, box) {
    const pipeline = (await image(bytes, { failOn: 'error' }))
      .rotate()
      .resize({ width: box, height: box, fit: 'inside', withoutEnlargement: true });
    const { data, info } = await pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 78 }).toBuffer({ resolveWithObject: true });
    return { bytes: data, mimeType: 'image/jpeg', width: info.width, height: info.height };
  },
  async readImageInfo(bytes) {
    try {
      const metadata = await (await image(bytes)).metadata();
      if (!metadata.width || !metadata.height) return null;
      const turned = (metadata.orientation ?? 1) >= 5;
      return {
        width: turned ? metadata.height : metadata.width,
        height: turned ? metadata.width : metadata.height,
        format: metadata.format,
      };
    } catch {
      return null;
    }
  },
  async drawPixels(input, box) {
    const { data, info } = await (
      await image(input)
    )
      .rotate()
      .resize({ width: box, height: box, fit: 'inside' })
      .flatten({ background: '#ffffff' })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, channels: 3 };
  },
};
