import { describe, expect, it } from 'vitest';
import { edgeToLoad, historyKeyAction } from '../../renderer/src/features/history/historyKeys.ts';
import { GROUP_GAP_MS, rowPlacement } from '../../renderer/src/features/history/rowPlacement.ts';

const noon = new Date(2024, 2, 12, 12, 0).getTime();

describe('row grouping', () => {
  it('opens a day at the first message and at each new local day', () => {
    expect(rowPlacement({ date: noon, senderId: 'a' }, null)).toEqual({ startsDay: true, startsGroup: true });
    expect(
      rowPlacement({ date: noon, senderId: 'a' }, { date: new Date(2024, 2, 11, 23, 59).getTime(), senderId: 'a', service: false }),
    ).toEqual({ startsDay: true, startsGroup: true });
  });

  it('keeps one sender’s messages in a group unless a service line, another sender or a long pause comes between', () => {
    const previous = { date: noon, senderId: 'a', service: false };
    expect(rowPlacement({ date: noon + 60_000, senderId: 'a' }, previous).startsGroup).toBe(false);
    expect(rowPlacement({ date: noon + 60_000, senderId: 'b' }, previous).startsGroup).toBe(true);
    expect(rowPlacement({ date: noon + 60_000, senderId: 'a' }, { ...previous, service: true }).startsGroup).toBe(true);
    expect(rowPlacement({ date: noon + GROUP_GAP_MS + 1, senderId: 'a' }, previous).startsGroup).toBe(true);
    expect(rowPlacement({ date: noon + GROUP_GAP_MS, senderId: 'a' }, previous).startsGroup).toBe(false);
  });
});

describe('keyboard navigation', () => {
  const state = { reachedOldest: false, hasPreviousPage: true, focusedIndex: 3, count: 10 };
  it('End goes to the latest; Home to the loaded first message only when it is the chat’s first', () => {
    expect(historyKeyAction({ key: 'End', ctrlKey: false }, state)).toEqual({ kind: 'latest' });
    expect(historyKeyAction({ key: 'Home', ctrlKey: false }, state)).toEqual({ kind: 'beginning' });
    expect(historyKeyAction({ key: 'Home', ctrlKey: false }, { ...state, reachedOldest: true, hasPreviousPage: false })).toEqual({
      kind: 'firstLoaded',
    });
    expect(historyKeyAction({ key: 'End', ctrlKey: true }, state)).toBeNull();
  });
  it('arrows move focus within the loaded rows only', () => {
    expect(historyKeyAction({ key: 'ArrowDown', ctrlKey: false }, state)).toEqual({ kind: 'focus', index: 4 });
    expect(historyKeyAction({ key: 'ArrowUp', ctrlKey: false }, { ...state, focusedIndex: 0 })).toBeNull();
    expect(historyKeyAction({ key: 'ArrowDown', ctrlKey: false }, { ...state, focusedIndex: 9 })).toBeNull();
    expect(historyKeyAction({ key: 'ArrowDown', ctrlKey: false }, { ...state, focusedIndex: null })).toBeNull();
  });
});

describe('edge paging', () => {
  const base = {
    ready: true,
    fetching: false,
    count: 100,
    firstVisible: 40,
    lastVisible: 60,
    hasPrevious: true,
    hasNext: true,
    previousFailed: false,
    nextFailed: false,
    threshold: 10,
  };
  it('loads the side the view is near, one at a time, never before placement or while fetching or after a failure', () => {
    expect(edgeToLoad(base)).toBeNull();
    expect(edgeToLoad({ ...base, firstVisible: 9 })).toBe('previous');
    expect(edgeToLoad({ ...base, lastVisible: 90 })).toBe('next');
    expect(edgeToLoad({ ...base, firstVisible: 2, lastVisible: 95 })).toBe('previous');
    expect(edgeToLoad({ ...base, firstVisible: 2, ready: false })).toBeNull();
    expect(edgeToLoad({ ...base, firstVisible: 2, fetching: true })).toBeNull();
    expect(edgeToLoad({ ...base, firstVisible: 2, previousFailed: true })).toBeNull();
    expect(edgeToLoad({ ...base, firstVisible: 2, hasPrevious: false, lastVisible: 95 })).toBe('next');
  });
});
