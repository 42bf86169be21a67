import type { MessageEntity } from '../../../../shared/domain.ts';
import { cutText } from '../../../../shared/cutText.ts';

/** Longer texts are shown collapsed to this many characters until "Show more". */
export const COLLAPSED_LENGTH = 3000;

/** The beginning of a long text, cut at a line or word break near the limit, with its entities clamped. */
export function collapsedText(text: string, entities: readonly MessageEntity[]): { text: string; entities: MessageEntity[] } {
  if (text.length <= COLLAPSED_LENGTH) return { text, entities: [...entities] };
  const window = text.slice(0, COLLAPSED_LENGTH);
  const breakAt = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
  const shown = cutText(text, entities, breakAt > COLLAPSED_LENGTH * 0.8 ? breakAt : COLLAPSED_LENGTH);
  return { text: `${shown.text}…`, entities: shown.entities };
}
