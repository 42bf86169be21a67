import type { MessageEntity } from '../../../shared/domain.ts';
import { cutText } from '../../../shared/cutText.ts';

/** The longest text stored for one message (UTF-16 code units, about 1 MB of ordinary text). */
export const MAX_STORED_TEXT = 1_000_000;

/**
 * A message's text cut to what is stored, with a marker saying how much was left out, and its entities
 * clamped to it; the message's own fields, uncopied, when it fits (nearly always). No source sends such a
 * message; a damaged or hostile export can (a 200 MB "line").
 */
export function capMessageText(message: { text: string; entities: MessageEntity[] }): { text: string; entities: MessageEntity[] } {
  if (message.text.length <= MAX_STORED_TEXT) return message;
  const kept = cutText(message.text, message.entities, MAX_STORED_TEXT);
  const cut = message.text.length - kept.text.length;
  return {
    text: `${kept.text}\n[… ${cut.toLocaleString('en-US')} more characters not kept: Scrollback stores up to ${MAX_STORED_TEXT.toLocaleString('en-US')} of one message]`,
    entities: kept.entities,
  };
}
