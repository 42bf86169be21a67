import { useCallback, useEffect, useRef, useState } from 'react';
import type { WindowTarget } from './historyWindow.ts';

/** A message to open in a chat (a search result, a notification); the nonce differs for every request. */
export interface JumpRequest {
  chatId: number;
  messageId: string;
  /** Changes for every request, so asking for the same message twice jumps twice. */
  nonce: number;
}

/**
 * Where the chat's window is (the latest, around a date or a message) and how many jumps led there (each
 * jump is a new window, even to the same place). A request from elsewhere jumps to its message in context.
 */
export function useHistoryTarget(chatId: number, jumpRequest: JumpRequest | null, onRequested: () => void) {
  const requested = jumpRequest?.chatId === chatId ? jumpRequest : null;
  const [target, setTarget] = useState<WindowTarget>(
    requested ? { kind: 'aroundMessage', messageId: requested.messageId } : { kind: 'latest' },
  );
  const [nonce, setNonce] = useState(requested ? 1 : 0);
  const jump = useCallback((next: WindowTarget) => {
    setTarget(next);
    setNonce((n) => n + 1);
  }, []);
  const handled = useRef(requested?.nonce ?? -1);
  const onRequestedRef = useRef(onRequested);
  onRequestedRef.current = onRequested;
  useEffect(() => {
    if (!requested || requested.nonce === handled.current) return;
    handled.current = requested.nonce;
    onRequestedRef.current();
    jump({ kind: 'aroundMessage', messageId: requested.messageId });
  }, [requested, jump]);
  return { target, nonce, jump };
}
