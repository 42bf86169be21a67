import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../bridge/queryKeys.ts';
import { scrollback } from '../bridge/scrollbackClient.ts';

const LAST_CHAT_KEY = 'scrollback.lastChatId';
/** Chats in the first answer: more than a tall window shows. */
const FIRST_SCREEN_OF_CHATS = 60;
/** The longest the whole list waits for an idle moment after the first screen. */
const WHOLE_LIST_WAIT_MS = 500;

function readLastChatId(): number | null {
  const stored = Number(localStorage.getItem(LAST_CHAT_KEY));
  return Number.isSafeInteger(stored) && stored > 0 ? stored : null;
}

/**
 * The chat list and the chat chosen in it (remembered across restarts). The first screenful of the list
 * is asked first and alone, so the sidebar paints as soon with 5,000 chats as with 4; the whole list (a
 * megabyte or so at that size) is asked once that has been painted and the window is idle (its answer and
 * parsing would otherwise compete with the first paint and the reopened chat's first page) and replaces it.
 */
export function useChatChoice(onChosen: () => void) {
  const firstChats = useQuery({
    queryKey: queryKeys.chatsFirstScreen(),
    queryFn: () => scrollback.listChats({ limit: FIRST_SCREEN_OF_CHATS }),
    staleTime: Infinity,
  });
  // The whole list is asked once the first screen has been painted and the window is idle (the reopened
  // chat's first page comes first), not in the frame that paints it.
  const [firstScreenDrawn, setFirstScreenDrawn] = useState(false);
  const firstSettled = !firstChats.isPending;
  useEffect(() => {
    if (!firstSettled) return;
    const idle = requestIdleCallback(() => setFirstScreenDrawn(true), { timeout: WHOLE_LIST_WAIT_MS });
    return () => cancelIdleCallback(idle);
  }, [firstSettled]);
  const chats = useQuery({ queryKey: queryKeys.chats(), queryFn: () => scrollback.listChats(), enabled: firstScreenDrawn });
  const [selectedChatId, setSelectedChatId] = useState<number | null>(readLastChatId);
  // The remembered chat may be gone (another database): fall back to the first chat, once the whole list says so.
  const chatList = chats.data ?? firstChats.data ?? [];
  const selected =
    chatList.find((chat) => chat.id === selectedChatId) ?? (chats.data || selectedChatId === null ? (chatList[0] ?? null) : null);
  const select = (chatId: number) => {
    onChosen();
    setSelectedChatId(chatId);
    localStorage.setItem(LAST_CHAT_KEY, String(chatId));
  };
  return {
    chatList,
    selected,
    select,
    loading: chats.isPending && firstChats.isPending,
    /** The whole list has not come back yet. */
    pending: chats.isPending,
    error: chats.error,
  };
}
