import type { Media } from '../../../../shared/domain.ts';

const MAX_SIDE = 320;
const STICKER_SIDE = 160;
const ROUND_SIDE = 200;

/**
 * The box a visual medium takes in the list, from its known size (unknown: 240 × 180), so the row never
 * grows when the picture arrives. The row height estimate uses the same box.
 */
export function mediaBox(media: Media): { width: number; height: number } {
  if (media.kind === 'sticker') return fit(media.width || 512, media.height || 512, STICKER_SIDE);
  if (media.kind === 'video' && media.round) return { width: ROUND_SIDE, height: ROUND_SIDE };
  if (media.kind === 'photo' || media.kind === 'video' || media.kind === 'gif') {
    if (!(media.width > 0 && media.height > 0)) return { width: 240, height: 180 };
    return fit(media.width, media.height, MAX_SIDE);
  }
  return { width: 0, height: 0 };
}

function fit(width: number, height: number, side: number): { width: number; height: number } {
  const scale = Math.min(1, side / width, side / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
