/**
 * Position of a message in its chat's history: the total order is (date, sortKey).
 * A cursor names one message; pages are fetched strictly before or after it (it is exclusive).
 */
export interface MessagePosition {
  date: number;
  sortKey: number;
  id: string;
}

declare const cursorBrand: unique symbol;
/** Opaque to the renderer: hand back what a page returned, never build one. */
export type HistoryCursor = string & { readonly [cursorBrand]: true };

export function encodeCursor(position: MessagePosition): HistoryCursor {
  return `${position.date}~${position.sortKey}~${position.id}` as HistoryCursor;
}

/** Returns null for a string that is not a cursor (callers turn that into INVALID_INPUT). */
export function decodeCursor(cursor: string): MessagePosition | null {
  const first = cursor.indexOf('~');
  const second = cursor.indexOf('~', first + 1);
  if (first <= 0 || second <= first + 1) return null;
  const date = Number(cursor.slice(0, first));
  const sortKey = Number(cursor.slice(first + 1, second));
  const id = cursor.slice(second + 1);
  if (!Number.isSafeInteger(date) || !Number.isSafeInteger(sortKey) || id === '') return null;
  return { date, sortKey, id };
}

/** Negative when a is older than b. */
export function comparePositions(a: Pick<MessagePosition, 'date' | 'sortKey'>, b: Pick<MessagePosition, 'date' | 'sortKey'>): number {
  return a.date !== b.date ? a.date - b.date : a.sortKey - b.sortKey;
}
