import type { MessageEntity } from './domain.ts';

/**
 * The first `end` UTF-16 units of a text (one less rather than split a surrogate pair), with its entities
 * clamped to what is kept. Shared by the store's cap and the window's collapsed view.
 */
export function cutText(text: string, entities: readonly MessageEntity[], end: number): { text: string; entities: MessageEntity[] } {
  const at = /[\ud800-\udbff]/.test(text[end - 1] ?? '') ? end - 1 : end;
  return {
    text: text.slice(0, at),
    entities: entities
      .filter((entity) => entity.offset < at)
      .map((entity) => ({ ...entity, length: Math.min(entity.length, at - entity.offset) })),
  };
}
