import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';

/**
 * Main learns which chat is open: "what changed" counts restart from now, and a polled source's open chat
 * is asked for its newest messages while it stays open. Answers when the chat was last looked at before.
 */
export function useOpenChat(chatId: number): number | null {
  const queryClient = useQueryClient();
  const [previousLook, setPreviousLook] = useState<number | null>(null);
  useEffect(() => {
    let current = true;
    scrollback.setOpenChat({ chatId }).then(
      (answer) => current && setPreviousLook(answer.previousLook),
      () => undefined,
    );
    return () => {
      current = false;
      // The chat just left was looked at until now: its "what changed" counts in the list start again.
      void scrollback.setOpenChat({ chatId: null }).then(
        () => queryClient.invalidateQueries({ queryKey: queryKeys.chats() }),
        () => undefined,
      );
    };
  }, [chatId, queryClient]);
  return previousLook;
}
