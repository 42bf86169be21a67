import type { MessageEntity } from '../../../../shared/domain.ts';
import { entityTypeOfTdesktop } from '../../model/tdesktopEntityTypes.ts';

interface TextPart {
  type?: unknown;
  text?: unknown;
  href?: unknown;
  user_id?: unknown;
  language?: unknown;
}

/**
 * Plain text and entities from an export's `text_entities` (every generation since 2021) or `text` (a
 * string, or an array mixing strings and typed parts). Offsets count UTF-16 code units, which is what
 * JavaScript string lengths are, so astral emoji take two as they do in Telegram.
 */
export function readTelegramText(raw: { text?: unknown; text_entities?: unknown }): { text: string; entities: MessageEntity[] } {
  const parts: unknown = Array.isArray(raw.text_entities) && raw.text_entities.length > 0 ? raw.text_entities : raw.text;
  if (typeof parts === 'string') return { text: parts, entities: [] };
  if (!Array.isArray(parts)) return { text: '', entities: [] };
  let text = '';
  const entities: MessageEntity[] = [];
  for (const part of parts as Array<string | TextPart>) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    if (!part || typeof part.text !== 'string') continue;
    const type = typeof part.type === 'string' ? entityTypeOfTdesktop(part.type) : undefined;
    if (type && part.text.length > 0) {
      const entity: MessageEntity = { type, offset: text.length, length: part.text.length };
      if (type === 'textLink' && typeof part.href === 'string') entity.url = part.href;
      if (type === 'pre' && typeof part.language === 'string' && part.language) entity.language = part.language;
      if (type === 'mentionName' && part.user_id !== undefined) entity.userId = String(part.user_id);
      entities.push(entity);
    }
    text += part.text;
  }
  return { text, entities };
}
