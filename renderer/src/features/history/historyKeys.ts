/** What a key press in the message list asks for; null: not the list's key. */
export type HistoryKeyAction =
  | { kind: 'latest' }
  /** The first message is loaded: scroll to it. */
  | { kind: 'firstLoaded' }
  /** The beginning is not loaded: open a window at the chat's start. */
  | { kind: 'beginning' }
  | { kind: 'focus'; index: number };

export function historyKeyAction(
  key: { key: string; ctrlKey: boolean },
  state: { reachedOldest: boolean; hasPreviousPage: boolean; focusedIndex: number | null; count: number },
): HistoryKeyAction | null {
  if (key.key === 'End' && !key.ctrlKey) return { kind: 'latest' };
  if (key.key === 'Home' && !key.ctrlKey)
    return state.reachedOldest && !state.hasPreviousPage ? { kind: 'firstLoaded' } : { kind: 'beginning' };
  if ((key.key === 'ArrowDown' || key.key === 'ArrowUp') && state.focusedIndex !== null) {
    const next = state.focusedIndex + (key.key === 'ArrowDown' ? 1 : -1);
    return next >= 0 && next < state.count ? { kind: 'focus', index: next } : null;
  }
  return null;
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
