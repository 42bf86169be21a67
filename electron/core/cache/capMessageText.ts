import type { MessageEntity } from '../../../shared/domain.ts';

/** The longest text stored for one message (UTF-16 code units, about 1 MB of ordinary text). */
export const MAX_STORED_TEXT = 1_000_000;

/**
 * A text cut to what is stored, with a marker saying how much was left out, and its entities clamped to
 * it. No source sends such a message; a damaged or hostile export can (a 200 MB "line").
 */
export function capMessageText(text: string, entities: readonly MessageEntity[]): { text: string; entities: MessageEntity[] } {
  if (text.length <= MAX_STORED_TEXT) return { text, entities: [...entities] };
  // Never split a surrogate pair.
  const end = /[\ud800-\udbff]/.test(text[MAX_STORED_TEXT - 1] ?? '') ? MAX_STORED_TEXT - 1 : MAX_STORED_TEXT;
  const cut = text.length - end;
  return {
    text: `${text.slice(0, end)}\n[… ${cut.toLocaleString('en-US')} more characters not kept: Scrollback stores up to ${MAX_STORED_TEXT.toLocaleString('en-US')} of one message]`,
    entities: entities
      .filter((entity) => entity.offset < end)
      .map((entity) => ({ ...entity, length: Math.min(entity.length, end - entity.offset) })),
  };
}
