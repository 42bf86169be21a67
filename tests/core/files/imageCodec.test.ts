import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { strippedPreviewToJpeg } from '../../../shared/strippedPreview.ts';
import { encodeStrippedScan } from '../../../electron/core/files/encodeStrippedScan.ts';
import { encodeStrippedPreview } from '../../../electron/core/files/imageCodec.ts';

/** Mean absolute difference per channel between two RGB images of the same size. */
function meanDifference(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / a.length;
}

async function rgbOf(jpeg: Uint8Array): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(jpeg).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('stripped previews in Telegram’s format, encoded without an image library', () => {
  it('a scan under the fixed header decodes to the picture it was made from (odd sizes, edges padded)', async () => {
    for (const [width, height] of [
      [40, 30],
      [23, 40],
      [1, 1],
      [40, 40],
    ] as const) {
      // A gradient with a hard-edged square: smooth and sharp content both survive quality 20 roughly.
      const data = new Uint8Array(width * height * 3);
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 3;
          const inSquare = x > width / 4 && x < width / 2 && y > height / 4 && y < height / 2;
          data[i] = inSquare ? 250 : Math.round((x / width) * 200);
          data[i + 1] = inSquare ? 200 : 90;
          data[i + 2] = inSquare ? 20 : Math.round((y / height) * 220);
        }
      const scan = encodeStrippedScan({ data, width, height, channels: 3 });
      const jpeg = strippedPreviewToJpeg(Uint8Array.from([1, height, width, ...scan]));
      expect(jpeg).not.toBeNull();
      const decoded = await rgbOf(jpeg!);
      expect([decoded.width, decoded.height]).toEqual([width, height]);
      // Quality 20 with 4:2:0 chroma: close, not exact. A wrong table or bit order decodes to noise (> 40).
      expect(meanDifference(decoded.data, data)).toBeLessThan(width * height > 1 ? 12 : 20);
    }
  });

  it('a transparent pixel is drawn on white, and a fully white picture decodes white', async () => {
    const clear = new Uint8Array(16 * 16 * 4); // all transparent
    const decoded = await rgbOf(
      strippedPreviewToJpeg(Uint8Array.from([1, 16, 16, ...encodeStrippedScan({ data: clear, width: 16, height: 16, channels: 4 })]))!,
    );
    expect(Math.min(...decoded.data)).toBeGreaterThan(245);
  });

  it('an SVG becomes a preview at most 40 px a side that decodes close to the same picture drawn by sharp', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="120"><rect width="160" height="120" fill="#3388ff"/><circle cx="80" cy="60" r="30" fill="#ffcc00"/></svg>';
    const stripped = await encodeStrippedPreview(svg);
    expect([stripped[0], stripped[1], stripped[2]]).toEqual([1, 30, 40]);
    const decoded = await rgbOf(strippedPreviewToJpeg(stripped)!);
    const small = sharp(Buffer.from(svg)).resize(40, 30).removeAlpha();
    const reference = await small.clone().raw().toBuffer();
    // As close as libjpeg's own quality-20 4:2:0 JPEG of the same pixels (the previews sharp used to encode).
    const libjpeg = await rgbOf(await small.clone().jpeg({ quality: 20, chromaSubsampling: '4:2:0' }).toBuffer());
    const ours = meanDifference(decoded.data, reference);
    expect(ours).toBeLessThan(meanDifference(libjpeg.data, reference) * 1.2 + 1);
  });
});
