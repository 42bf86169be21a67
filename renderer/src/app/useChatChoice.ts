import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../bridge/queryKeys.ts';
import { scrollback } from '../bridge/scrollbackClient.ts';

const LAST_CHAT_KEY = 'scrollback.lastChatId';
/** Chats in the first answer: more than a tall window shows. */
const FIRST_SCREEN_OF_CHATS = 60;

function readLastChatId(): number | null {
  const stored = Number(localStorage.getItem(LAST_CHAT_KEY));
  return Number.isSafeInteger(stored) && stored > 0 ? stored : null;
}

/**
 * The chat list and the chat chosen in it (remembered across restarts). The first screenful of the list
 * is asked first and alone, so the sidebar paints as soon with 5,000 chats as with 4; the whole list (a
 * megabyte or so at that size) is asked once that has come back (its answer and parsing would otherwise
 * compete with the first paint) and replaces it.
 */
export function useChatChoice(onChosen: () => void) {
  const firstChats = useQuery({
    queryKey: queryKeys.chatsFirstScreen(),
    queryFn: () => scrollback.listChats({ limit: FIRST_SCREEN_OF_CHATS }),
    staleTime: Infinity,
  });
  const chats = useQuery({ queryKey: queryKeys.chats(), queryFn: () => scrollback.listChats(), enabled: !firstChats.isPending });
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
