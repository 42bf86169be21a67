import type { ChatMessage } from '../../../../shared/domain.ts';
import { transcriptLine } from '../../../../shared/messageTranscript.ts';

/** The message a node of the list belongs to: inside its bubble, or anywhere in its row (its day separator). */
function messageIdOf(node: Node): string | null {
  const element = node instanceof Element ? node : node.parentElement;
  const inMessage = element?.closest<HTMLElement>('[data-message-id]');
  if (inMessage) return inMessage.dataset.messageId ?? null;
  return element?.closest('.message-row')?.querySelector<HTMLElement>('[data-message-id]')?.dataset.messageId ?? null;
}

/**
 * A text selection dragged across several messages, as transcript lines of every message it touches (in
 * order); null when it stays inside one message (that copy is the selected words, as the browser makes it).
 */
export function transcriptOfTextSelection(messages: readonly ChatMessage[], indexById: ReadonlyMap<string, number>): string | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const startId = messageIdOf(range.startContainer);
  const endId = messageIdOf(range.endContainer);
  if (startId === null || endId === null || startId === endId) return null;
  const from = indexById.get(startId);
  const to = indexById.get(endId);
  if (from === undefined || to === undefined) return null;
  return messages
    .slice(Math.min(from, to), Math.max(from, to) + 1)
    .map(transcriptLine)
    .join('\n');
}
