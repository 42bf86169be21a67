import { useEffect, useRef } from 'react';

/** Whose person view to open: the sender of a stored message. */
export interface PersonViewRequest {
  chatId: number;
  messageId: string;
}

type Listener = (request: PersonViewRequest) => void;
const listeners = new Set<Listener>();

/** Asks the window to show the person who sent a message (its sender's name or avatar, or "About …" in its menu). */
export function requestPersonView(request: PersonViewRequest): void {
  for (const listener of listeners) listener(request);
}

export function usePersonViewRequests(handler: Listener): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener: Listener = (request) => latest.current(request);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}
