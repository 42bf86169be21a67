import { COLLAPSED_LENGTH } from './collapsedText.ts';
import { mediaBox } from '../media/mediaBox.ts';
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
  const box = media ? mediaBox(media) : null;
  if (box && box.height > 0) height += box.height + 8;
  else if (media?.kind === 'voice' || media?.kind === 'file') height += 44;
  else if (media?.kind === 'audio') height += 68;
  else if (media) height += 28;
  if (message.replyToId) height += 40;
  if (message.forward) height += 18;
  return height;
}
