import { useCallback, useRef, useState } from 'react';
import type { ChatMessage } from '../../../../shared/domain.ts';
import { transcriptLine } from '../../../../shared/messageTranscript.ts';
import { transcriptOfTextSelection } from './transcriptOfTextSelection.ts';
import type { MessageSelection } from './useMessageSelection.ts';

/**
 * The scroller's mouse and clipboard handlers over the loaded messages: the context menu of the message
 * under the pointer (or the focused one, by keyboard; focus goes back to it when the menu closes), clicks that
 * select in selection mode, and copying as a transcript.
 */
export function useMessagePointer(messages: readonly ChatMessage[], indexById: ReadonlyMap<string, number>, selection: MessageSelection) {
  const [menu, setMenu] = useState<{ message: ChatMessage; x: number; y: number } | null>(null);
  // Synchronous: the Menu key's own contextmenu event may follow its keydown before a render.
  const menuFor = useRef<{ id: string; element: HTMLElement } | null>(null);
  const messageAt = (element: EventTarget): ChatMessage | null => {
    const id = (element as HTMLElement).closest?.<HTMLElement>('[data-message-id]')?.dataset.messageId;
    const index = id === undefined ? undefined : indexById.get(id);
    return index === undefined ? null : messages[index]!;
  };
  const selectedTranscript = () =>
    selection
      .ordered()
      .map((id) => transcriptLine(messages[indexById.get(id)!]!))
      .join('\n');
  const handlers = {
    onContextMenu: (event: React.MouseEvent) => {
      const message = messageAt(event.target);
      if (!message) return;
      event.preventDefault();
      if (menuFor.current?.id === message.id) return;
      const element = (event.target as HTMLElement).closest<HTMLElement>('[data-message-id]')!;
      menuFor.current = { id: message.id, element };
      setMenu({ message, x: event.clientX, y: event.clientY });
    },
    onClickCapture: (event: React.MouseEvent) => {
      // Selection mode: a click anywhere on a message selects it (its links and buttons wait).
      const message = messageAt(event.target);
      if (!message || (!selection.active && !event.shiftKey)) return;
      if (!selection.active && window.getSelection()?.isCollapsed === false) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.shiftKey) {
        window.getSelection()?.removeAllRanges();
        selection.extendTo(message.id);
      } else selection.toggle(message.id);
    },
    onCopy: (event: React.ClipboardEvent) => {
      // Copied messages are a transcript ("[12 Mar 2021 14:02] Ana: text"), not the row's pieces on lines.
      const text = selection.active ? selectedTranscript() : transcriptOfTextSelection(messages, indexById);
      if (text === null) return;
      event.preventDefault();
      event.clipboardData.setData('text/plain', text);
    },
  };
  /** By keyboard: the menu of a message element, at its start edge. */
  const openMenuFor = (element: HTMLElement) => {
    const message = messageAt(element);
    if (!message) return;
    const box = element.getBoundingClientRect();
    menuFor.current = { id: message.id, element };
    setMenu({ message, x: box.left + Math.min(24, box.width / 2), y: box.top + Math.min(24, box.height / 2) });
  };
  const closeMenu = useCallback(() => {
    const closed = menuFor.current;
    menuFor.current = null;
    setMenu(null);
    // Focus goes back to the message, unless the pointer put it somewhere else on the way out, or a menu
    // opened since (a key pressed before this frame): that menu keeps its focus.
    requestAnimationFrame(() => {
      if (menuFor.current !== null) return;
      const active = document.activeElement;
      if (closed?.element.isConnected && (active === null || active === document.body)) closed.element.focus({ preventScroll: true });
    });
  }, []);
  return { menu, closeMenu, openMenuFor, handlers, selectedTranscript };
}
