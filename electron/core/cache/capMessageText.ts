import type { MessageEntity } from '../../../shared/domain.ts';
import { cutText } from '../../../shared/cutText.ts';

/** The longest text stored for one message (UTF-16 code units, about 1 MB of ordinary text). */
export const MAX_STORED_TEXT = 1_000_000;

function notKept(cut: number): string {
  return `\n[… ${cut.toLocaleString('en-US')} more characters not kept: Scrollback stores up to ${MAX_STORED_TEXT.toLocaleString('en-US')} of one message]`;
}
const NOT_KEPT = /\n\[… [\d,]+ more characters not kept: Scrollback stores up to [\d,]+ of one message\]$/;

/**
 * A message's text cut to what is stored, with a marker saying how much was left out, and its entities
 * clamped to it; the message's own fields, uncopied, when it fits (nearly always). No source sends such a
 * message; a damaged or hostile export can (a 200 MB "line"). A text a reader already cut while streaming
 * (capStreamedText) is kept as it is.
 */
export function capMessageText(message: { text: string; entities: MessageEntity[] }): { text: string; entities: MessageEntity[] } {
  if (message.text.length <= MAX_STORED_TEXT) return message;
  const marker = NOT_KEPT.exec(message.text.slice(MAX_STORED_TEXT - 1));
  if (marker && message.text.length - marker[0].length <= MAX_STORED_TEXT) {
    const kept = message.text.length - marker[0].length;
    return { text: message.text, entities: cutText(message.text.slice(0, kept), message.entities, kept).entities };
  }
  const kept = cutText(message.text, message.entities, MAX_STORED_TEXT);
  return { text: `${kept.text}${notKept(message.text.length - kept.text.length)}`, entities: kept.entities };
}

/**
 * What capMessageText makes of a text a reader never held whole: its first MAX_STORED_TEXT units (or all
 * of it, when shorter) and its full length. The same result, without a 200 MB string ever existing.
 */
export function capStreamedText(head: string, totalLength: number): string {
  if (totalLength <= MAX_STORED_TEXT) return head;
  const kept = cutText(head, [], MAX_STORED_TEXT).text;
  return `${kept}${notKept(totalLength - kept.length)}`;
}
