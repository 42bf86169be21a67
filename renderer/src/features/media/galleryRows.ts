import type { ChatMessage } from '../../../../shared/domain.ts';

/** A photo tile's side, in CSS pixels. */
export const GALLERY_TILE = 116;

export type GalleryRow = { kind: 'month'; label: string } | { kind: 'tiles'; items: ChatMessage[] } | { kind: 'item'; item: ChatMessage };

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

/** The rows of a tab: a heading per month, then its photos in rows of `perRow`, or its items one a row. */
export function galleryRowsOf(messages: readonly ChatMessage[], grid: boolean, perRow: number): GalleryRow[] {
  const rows: GalleryRow[] = [];
  let month = '';
  let tiles: ChatMessage[] = [];
  const flush = () => {
    if (tiles.length > 0) rows.push({ kind: 'tiles', items: tiles });
    tiles = [];
  };
  for (const message of messages) {
    const label = monthFormat.format(message.date);
    if (label !== month) {
      flush();
      rows.push({ kind: 'month', label });
      month = label;
    }
    if (!grid) rows.push({ kind: 'item', item: message });
    else {
      tiles.push(message);
      if (tiles.length === perRow) flush();
    }
  }
  flush();
  return rows;
}

/** The first link a message carries (its web page preview, a text link, a bare link), or null. */
export function firstLink(message: ChatMessage): string | null {
  if (message.media?.kind === 'webpage') return message.media.url;
  for (const entity of message.entities) {
    if (entity.type === 'textLink' && entity.url) return entity.url;
    if (entity.type === 'link') return message.text.slice(entity.offset, entity.offset + entity.length);
  }
  return null;
}
