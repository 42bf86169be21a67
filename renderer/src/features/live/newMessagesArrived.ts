import { useEffect, useRef } from 'react';

type Listener = (chatId: number, added: number) => void;
const listeners = new Set<Listener>();

/** New messages of a chat were stored after its newest (pushed by main): the open window shows or counts them. */
export function emitNewMessagesArrived(chatId: number, added: number): void {
  for (const listener of listeners) listener(chatId, added);
}

export function useNewMessagesArrived(chatId: number, handler: (added: number) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener: Listener = (arrivedIn, added) => {
      if (arrivedIn === chatId) latest.current(added);
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [chatId]);
}
