import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import type { ChatMessage } from '../../shared/domain.ts';
import { sourceMessages, type Translate } from '../../shared/i18n/locales.ts';
import { historyKeyAction, pageTarget } from '../../renderer/src/features/history/historyKeys.ts';
import { endsRun, GROUP_GAP_MS } from '../../renderer/src/features/history/rowPlacement.ts';
import { newMessagesAnnouncement } from '../../renderer/src/features/history/useNewMessageAnnouncement.ts';
import { calendarKeyMove, leadingBlanks } from '../../renderer/src/features/calendar/weekStart.ts';
import { clampPan } from '../../renderer/src/features/media/clampPan.ts';

const noon = new Date(2024, 2, 12, 12, 0).getTime();
function message(id: number, senderId: string, date: number, extra: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: String(id),
    chatId: 1,
    date,
    senderId,
    senderName: senderId === 'a' ? 'Ana Costa' : 'Ben',
    out: false,
    text: `text ${id}`,
    entities: [],
    media: null,
    service: null,
    replyToId: null,
    forward: null,
    editDate: null,
    deletedAt: null,
    reactions: [],
    earlierVersions: 0,
    ...extra,
  } as ChatMessage;
}

describe('runs of bubbles', () => {
  it('a bubble ends its run (tail, avatar) when the next is another sender, a service line, a long pause, another day or not loaded', () => {
    const first = message(1, 'a', noon);
    expect(endsRun(first, message(2, 'a', noon + 60_000))).toBe(false);
    expect(endsRun(first, message(2, 'b', noon + 60_000))).toBe(true);
    expect(endsRun(first, message(2, 'a', noon + 60_000, { service: { action: 'pinMessage' } }))).toBe(true);
    expect(endsRun(first, message(2, 'a', noon + GROUP_GAP_MS + 1))).toBe(true);
    expect(endsRun(message(1, 'a', new Date(2024, 2, 12, 23, 59).getTime()), message(2, 'a', new Date(2024, 2, 13, 0, 1).getTime()))).toBe(
      true,
    );
    expect(endsRun(first, null)).toBe(true);
    expect(endsRun(message(1, 'a', noon, { service: { action: 'pinMessage' } }), message(2, 'a', noon + 1))).toBe(true);
  });
});

describe('the list’s keys', () => {
  const state = { reachedOldest: false, hasPreviousPage: true, focusedIndex: 5, lastVisibleIndex: 9, count: 20 };
  const key = (name: string, more: { shiftKey?: boolean; ctrlKey?: boolean } = {}) => ({ key: name, ctrlKey: false, ...more });
  it('arrows start from the last message in view when none has focus', () => {
    expect(historyKeyAction(key('ArrowUp'), { ...state, focusedIndex: null })).toEqual({ kind: 'focus', index: 9 });
    expect(historyKeyAction(key('ArrowUp'), { ...state, focusedIndex: null, lastVisibleIndex: null })).toBeNull();
  });
  it('on a focused message: PageUp/PageDown page, Enter opens, Shift+F10 and the Menu key open the menu, Space selects only in selection mode', () => {
    expect(historyKeyAction(key('PageUp'), state)).toEqual({ kind: 'page', from: 5, direction: -1 });
    expect(historyKeyAction(key('PageDown'), state)).toEqual({ kind: 'page', from: 5, direction: 1 });
    expect(historyKeyAction(key('PageUp'), { ...state, focusedIndex: null })).toBeNull();
    expect(historyKeyAction(key('Enter'), state)).toEqual({ kind: 'open', index: 5 });
    expect(historyKeyAction(key('F10', { shiftKey: true }), state)).toEqual({ kind: 'menu', index: 5 });
    expect(historyKeyAction(key('F10'), state)).toBeNull();
    expect(historyKeyAction(key('ContextMenu'), state)).toEqual({ kind: 'menu', index: 5 });
    expect(historyKeyAction(key(' '), state)).toBeNull();
    expect(historyKeyAction(key(' '), { ...state, selecting: true })).toEqual({ kind: 'toggleSelected', index: 5 });
  });
  it('a page is the message a viewport away, at least one row, within the loaded rows', () => {
    const starts = Array.from({ length: 20 }, (_, i) => i * 50);
    const geometry = {
      count: 20,
      viewportHeight: 300,
      startOf: (index: number) => starts[index],
      indexAt: (offset: number) => (offset >= 1000 ? undefined : Math.floor(offset / 50)),
    };
    expect(pageTarget(10, -1, geometry)).toBe(4);
    expect(pageTarget(10, 1, geometry)).toBe(16);
    expect(pageTarget(2, -1, geometry)).toBe(0);
    expect(pageTarget(18, 1, geometry)).toBe(19);
    expect(pageTarget(5, 1, { ...geometry, viewportHeight: 10 })).toBe(6);
  });
});

describe('the calendar grid', () => {
  it('starts weeks on the locale’s first day', () => {
    // 1 March 2024 was a Friday.
    expect(leadingBlanks(2024, 2, 1)).toBe(4);
    expect(leadingBlanks(2024, 2, 0)).toBe(5);
    expect(leadingBlanks(2024, 2, 6)).toBe(6);
  });
  it('moves by day, week, to the week’s ends, and by month and year', () => {
    expect(calendarKeyMove({ key: 'ArrowRight', shiftKey: false }, 2)).toEqual({ days: 1 });
    expect(calendarKeyMove({ key: 'ArrowUp', shiftKey: false }, 2)).toEqual({ days: -7 });
    expect(calendarKeyMove({ key: 'Home', shiftKey: false }, 2)).toEqual({ days: -2 });
    expect(calendarKeyMove({ key: 'End', shiftKey: false }, 2)).toEqual({ days: 4 });
    expect(calendarKeyMove({ key: 'PageUp', shiftKey: true }, 2)).toEqual({ months: -12 });
    expect(calendarKeyMove({ key: 'a', shiftKey: false }, 2)).toBeNull();
  });
});

describe('the viewer’s pan', () => {
  it('keeps a zoomed picture covering the middle of its stage', () => {
    expect(clampPan({ x: 500, y: -500 }, 2, { width: 400, height: 300 })).toEqual({ x: 200, y: -150 });
    expect(clampPan({ x: 50, y: 10 }, 2, { width: 400, height: 300 })).toEqual({ x: 50, y: 10 });
    expect(clampPan({ x: 50, y: 10 }, 1, { width: 400, height: 300 })).toEqual({ x: 0, y: 0 });
  });
});

/** English from the source catalog, as the window formats it. */
const english: Translate = (id, values) => String(new IntlMessageFormat(sourceMessages[id], 'en').format(values));

describe('new message announcements', () => {
  it('say who and what, one message or many', () => {
    expect(newMessagesAnnouncement(1, message(1, 'a', noon), english)).toBe('New message from Ana Costa: text 1');
    expect(newMessagesAnnouncement(3, message(3, 'b', noon, { out: true }), english)).toBe('3 new messages, the last from you: text 3');
  });
});
