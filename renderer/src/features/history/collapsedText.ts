import type { MessageEntity } from '../../../../shared/domain.ts';

/** Longer texts are shown collapsed to this many characters until "Show more". */
export const COLLAPSED_LENGTH = 3000;

/** The beginning of a long text, cut at a line or word break near the limit, with its entities clamped. */
export function collapsedText(text: string, entities: readonly MessageEntity[]): { text: string; entities: MessageEntity[] } {
  if (text.length <= COLLAPSED_LENGTH) return { text, entities: [...entities] };
  const window = text.slice(0, COLLAPSED_LENGTH);
  const breakAt = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
  let end = breakAt > COLLAPSED_LENGTH * 0.8 ? breakAt : COLLAPSED_LENGTH;
  if (/[\ud800-\udbff]/.test(text[end - 1] ?? '')) end--;
  return {
    text: `${text.slice(0, end)}…`,
    entities: entities
      .filter((entity) => entity.offset < end)
      .map((entity) => ({ ...entity, length: Math.min(entity.length, end - entity.offset) })),
  };
}
