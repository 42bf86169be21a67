import { useEffect, useRef } from 'react';
import type { MessageLinkTarget } from '../../../shared/messageLink.ts';

type Listener = (target: MessageLinkTarget) => void;
const listeners = new Set<Listener>();

/** Asks the window to show one message in context (a `scrollback://` link clicked in a message or opened from outside). */
export function requestOpenMessage(target: MessageLinkTarget): void {
  for (const listener of listeners) listener(target);
}

export function useOpenMessageRequests(handler: Listener): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener: Listener = (target) => latest.current(target);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}
