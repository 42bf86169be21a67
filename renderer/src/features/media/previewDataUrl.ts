import { strippedPreviewToJpeg } from '../../../../shared/strippedPreview.ts';
import { base64OfBytes, bytesOfBase64 } from './base64.ts';

const cache = new Map<string, string | null>();
const MAX_CACHED = 2000;

/**
 * A stripped preview as a data: URL the window draws in the same frame (the CSP allows data: images).
 * Memoised, because a row re-rendered while scrolling must not rebuild it.
 */
export function previewDataUrl(base64: string | undefined): string | null {
  if (!base64) return null;
  const known = cache.get(base64);
  if (known !== undefined) return known;
  const bytes = bytesOfBase64(base64);
  const jpeg = bytes ? strippedPreviewToJpeg(bytes) : null;
  const url = jpeg ? `data:image/jpeg;base64,${base64OfBytes(jpeg)}` : null;
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(base64, url);
  return url;
}
