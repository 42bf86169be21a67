import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { focusRegion } from './useRegionKeys.ts';

const WIDTH_KEY = 'scrollback.sidebarWidth';
const COLLAPSED_KEY = 'scrollback.sidebarCollapsed';
export const SIDEBAR_MIN_WIDTH = 220;
export const SIDEBAR_MAX_WIDTH = 480;
const SIDEBAR_DEFAULT_WIDTH = 300;
/** Below this window width the sidebar no longer sits beside the chat: it opens over it, on demand. */
export const NARROW_WINDOW = 900;
/** The chat pane never gets narrower than this while the sidebar or search sit beside it. */
export const CHAT_PANE_MIN_WIDTH = 320;
export const SEARCH_PANEL_WIDTH = 380;

function subscribeToResize(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}
const windowWidth = () => window.innerWidth;

function readStoredWidth(): number {
  const stored = Number(localStorage.getItem(WIDTH_KEY));
  return Number.isFinite(stored) && stored >= SIDEBAR_MIN_WIDTH && stored <= SIDEBAR_MAX_WIDTH ? stored : SIDEBAR_DEFAULT_WIDTH;
}

export interface WindowLayout {
  /** The sidebar sits in its own column (a wide window, not collapsed). */
  sidebarDocked: boolean;
  /** The sidebar is drawn over the chat (a narrow window, opened on demand). */
  sidebarOverlay: boolean;
  sidebarWidth: number;
  /** The search panel is drawn over the chat: beside it the chat pane would be narrower than its minimum. */
  searchOverlay: boolean;
  toggleSidebar(): void;
  /** After choosing a chat: a sidebar drawn over the chat gets out of the way. */
  chatChosen(): void;
  /** Drag or keyboard resize; clamped so the chat pane keeps its minimum. */
  resizeSidebar(width: number): void;
}

/**
 * The window's columns as Telegram Desktop arranges them: a sidebar the user can resize and collapse (it
 * collapses by itself in a narrow window and then opens over the chat), a chat pane that keeps its minimum
 * width, and a search panel beside the chat when it fits, over it when it does not.
 */
export function useWindowLayout(searchOpen: boolean): WindowLayout {
  const width = useSyncExternalStore(subscribeToResize, windowWidth);
  const [storedWidth, setStoredWidth] = useState(readStoredWidth);
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  const [overlayOpen, setOverlayOpen] = useState(false);
  const narrow = width < NARROW_WINDOW;
  useEffect(() => {
    if (!narrow) setOverlayOpen(false);
  }, [narrow]);
  // Esc folds a chat list drawn over the chat away (unless a dialog or menu is what Esc is for), and focus
  // goes to the chat.
  useEffect(() => {
    if (!narrow || !overlayOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open], .context-menu')) return;
      setOverlayOpen(false);
      const chat = document.querySelector<HTMLElement>('[data-region="chat"]');
      if (chat) requestAnimationFrame(() => focusRegion(chat));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [narrow, overlayOpen]);

  const maxWidth = Math.max(SIDEBAR_MIN_WIDTH, Math.min(SIDEBAR_MAX_WIDTH, width - CHAT_PANE_MIN_WIDTH));
  const sidebarWidth = Math.min(storedWidth, maxWidth);
  const sidebarDocked = !narrow && !collapsed;
  const besideChat = (sidebarDocked ? sidebarWidth : 0) + SEARCH_PANEL_WIDTH + CHAT_PANE_MIN_WIDTH;

  const toggleSidebar = useCallback(() => {
    if (narrow) return setOverlayOpen((open) => !open);
    setCollapsed((was) => {
      localStorage.setItem(COLLAPSED_KEY, was ? '0' : '1');
      return !was;
    });
  }, [narrow]);
  const chatChosen = useCallback(() => setOverlayOpen(false), []);
  const resizeSidebar = useCallback(
    (wanted: number) => {
      const next = Math.round(Math.max(SIDEBAR_MIN_WIDTH, Math.min(maxWidth, wanted)));
      setStoredWidth(next);
      localStorage.setItem(WIDTH_KEY, String(next));
    },
    [maxWidth],
  );
  return {
    sidebarDocked,
    sidebarOverlay: narrow && overlayOpen,
    sidebarWidth,
    searchOverlay: searchOpen && width < besideChat,
    toggleSidebar,
    chatChosen,
    resizeSidebar,
  };
}
