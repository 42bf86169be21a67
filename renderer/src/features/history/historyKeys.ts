/** What a key press in the message list asks for; null: not the list's key. */
export type HistoryKeyAction =
  | { kind: 'latest' }
  /** The first message is loaded: scroll to it. */
  | { kind: 'firstLoaded' }
  /** The beginning is not loaded: open a window at the chat's start. */
  | { kind: 'beginning' }
  | { kind: 'focus'; index: number }
  /** The message a viewport above or below the focused one. */
  | { kind: 'page'; from: number; direction: -1 | 1 }
  /** Enter: the focused message's media in the viewer, or the message it replies to. */
  | { kind: 'open'; index: number }
  /** Shift+F10 or the Menu key: the focused message's context menu. */
  | { kind: 'menu'; index: number }
  /** Space in selection mode: select or deselect the focused message. */
  | { kind: 'toggleSelected'; index: number };

export function historyKeyAction(
  key: { key: string; ctrlKey: boolean; shiftKey?: boolean; altKey?: boolean },
  state: {
    reachedOldest: boolean;
    hasPreviousPage: boolean;
    /** The message that has focus itself (not a control inside it); null: none. */
    focusedIndex: number | null;
    /** The last message in view, where the arrows start when no message has focus; null: none drawn. */
    lastVisibleIndex?: number | null;
    count: number;
    selecting?: boolean;
  },
): HistoryKeyAction | null {
  const { focusedIndex, count } = state;
  const plain = !key.ctrlKey && !key.altKey;
  if (key.key === 'End' && !key.ctrlKey) return { kind: 'latest' };
  if (key.key === 'Home' && !key.ctrlKey)
    return state.reachedOldest && !state.hasPreviousPage ? { kind: 'firstLoaded' } : { kind: 'beginning' };
  if ((key.key === 'ArrowDown' || key.key === 'ArrowUp') && plain) {
    if (focusedIndex === null) return state.lastVisibleIndex != null ? { kind: 'focus', index: state.lastVisibleIndex } : null;
    const next = focusedIndex + (key.key === 'ArrowDown' ? 1 : -1);
    return next >= 0 && next < count ? { kind: 'focus', index: next } : null;
  }
  // Without a focused message, PageUp/PageDown scroll the list as the browser does.
  if ((key.key === 'PageUp' || key.key === 'PageDown') && plain && focusedIndex !== null)
    return { kind: 'page', from: focusedIndex, direction: key.key === 'PageUp' ? -1 : 1 };
  if (focusedIndex === null) return null;
  if (key.key === 'Enter' && plain && !key.shiftKey) return { kind: 'open', index: focusedIndex };
  if ((key.key === 'F10' && key.shiftKey && plain) || (key.key === 'ContextMenu' && plain)) return { kind: 'menu', index: focusedIndex };
  if (key.key === ' ' && plain && !key.shiftKey && state.selecting) return { kind: 'toggleSelected', index: focusedIndex };
  return null;
}

/**
 * The message a page up or down from `from`: the one at the offset a viewport away from its top, clamped to
 * the loaded rows (the list pages in more at the edges).
 */
export function pageTarget(
  from: number,
  direction: -1 | 1,
  geometry: {
    count: number;
    viewportHeight: number;
    startOf(index: number): number | undefined;
    indexAt(offset: number): number | undefined;
  },
): number {
  const start = geometry.startOf(from) ?? 0;
  const at = geometry.indexAt(Math.max(0, start + direction * geometry.viewportHeight));
  const target = at === undefined ? (direction < 0 ? 0 : geometry.count - 1) : at === from ? from + direction : at;
  return Math.max(0, Math.min(geometry.count - 1, target));
}

/**
 * Which edge of the loaded window to extend, one direction at a time and by row index (not pixels): the
 * older side once the first visible row is within `threshold` rows of the top, else the newer side.
 */
export function edgeToLoad(state: {
  ready: boolean;
  fetching: boolean;
  count: number;
  firstVisible: number;
  lastVisible: number;
  hasPrevious: boolean;
  hasNext: boolean;
  previousFailed: boolean;
  nextFailed: boolean;
  threshold: number;
}): 'previous' | 'next' | null {
  if (!state.ready || state.fetching || state.count === 0) return null;
  if (state.firstVisible < state.threshold && state.hasPrevious && !state.previousFailed) return 'previous';
  if (state.lastVisible >= state.count - state.threshold && state.hasNext && !state.nextFailed) return 'next';
  return null;
}
