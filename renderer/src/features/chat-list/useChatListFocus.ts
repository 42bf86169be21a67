import { useMemo, useRef, useState, type RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import type { ChatRow, ListRow } from './chatListRows.ts';

/**
 * The list as one Tab stop: the active chat (the last one moved to, else the open one, else the first)
 * takes Tab; arrows, Home/End, PageUp/PageDown and type-ahead move it, the up arrow from the top goes back
 * to the filter box.
 */
export function useChatListFocus({
  rows,
  selectedChatId,
  virtualizer,
  scrollRef,
  filterRef,
}: {
  rows: readonly ListRow[];
  selectedChatId: number | null;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  scrollRef: RefObject<HTMLDivElement | null>;
  filterRef: RefObject<HTMLInputElement | null>;
}) {
  const chatRows = useMemo(() => rows.flatMap((row, index) => (row.kind === 'chat' ? [index] : [])), [rows]);
  const [activeId, setActiveId] = useState<number | null>(null);
  const firstChat = chatRows.length > 0 ? (rows[chatRows[0]!] as ChatRow).chat.id : null;
  const visibleIds = useMemo(() => new Set(chatRows.map((index) => (rows[index] as ChatRow).chat.id)), [rows, chatRows]);
  const tabStop =
    activeId !== null && visibleIds.has(activeId)
      ? activeId
      : selectedChatId !== null && visibleIds.has(selectedChatId)
        ? selectedChatId
        : firstChat;
  const typed = useRef<{ text: string; at: number }>({ text: '', at: 0 });

  const focusChat = (rowIndex: number) => {
    const row = rows[rowIndex];
    if (row?.kind !== 'chat') return;
    setActiveId(row.chat.id);
    virtualizer.scrollToIndex(rowIndex, { align: 'auto' });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-chat-id="${row.chat.id}"]`)?.focus());
  };
  const onListKey = (event: React.KeyboardEvent) => {
    const current = chatRows.findIndex((index) => (rows[index] as ChatRow).chat.id === tabStop);
    const move = (to: number) => {
      event.preventDefault();
      if (chatRows.length > 0) focusChat(chatRows[Math.max(0, Math.min(chatRows.length - 1, to))]!);
    };
    if (event.key === 'ArrowDown') return move(current + 1);
    if (event.key === 'ArrowUp') return current <= 0 ? (event.preventDefault(), filterRef.current?.focus()) : move(current - 1);
    if (event.key === 'Home') return move(0);
    if (event.key === 'End') return move(chatRows.length - 1);
    if (event.key === 'PageDown') return move(current + 10);
    if (event.key === 'PageUp') return move(current - 10);
    // Type-ahead: letters typed within a moment find the next chat whose name starts with them.
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key !== ' ') {
      const now = performance.now();
      typed.current = { text: (now - typed.current.at < 800 ? typed.current.text : '') + event.key.toLocaleLowerCase(), at: now };
      const wanted = typed.current.text;
      const order = [
        ...chatRows.slice(current + (wanted.length === 1 ? 1 : 0)),
        ...chatRows.slice(0, current + (wanted.length === 1 ? 1 : 0)),
      ];
      const found = order.find((index) => (rows[index] as ChatRow).chat.name.toLocaleLowerCase().startsWith(wanted));
      if (found !== undefined) {
        event.preventDefault();
        focusChat(found);
      }
    }
  };
  /** The filter box's keys: Enter opens the first match; the down arrow goes into the list. */
  const onFilterKey = (event: React.KeyboardEvent, onSelect: (chatId: number) => void) => {
    if (event.key === 'Enter' && firstChat !== null) {
      event.preventDefault();
      onSelect(firstChat);
    } else if (event.key === 'ArrowDown' && chatRows.length > 0) {
      event.preventDefault();
      focusChat(chatRows[0]!);
    }
  };
  return { chatCount: chatRows.length, tabStop, setActiveId, onListKey, onFilterKey };
}
