import { COLLAPSED_LENGTH } from './collapsedText.ts';
import type { ChatMessage } from '../../../../shared/domain.ts';

/** A first guess of a row's height before it is measured; close guesses mean less correction while scrolling. */
export function estimateRowHeight(message: ChatMessage | undefined): number {
  if (!message) return 48;
  if (message.service) return 36;
  let height = 44;
  // A long text is shown collapsed (LongText), so it is estimated as collapsed.
  const lines = Math.ceil(Math.min(message.text.length, COLLAPSED_LENGTH) / 60);
  height += Math.max(0, lines - 1) * 20;
  const media = message.media;
  if (media && 'width' in media && 'height' in media) height += Math.min(320, media.height * Math.min(1, 320 / media.width)) + 8;
  else if (media) height += 28;
  if (message.replyToId) height += 40;
  if (message.forward) height += 18;
  return height;
}
