import { useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '../../../../shared/domain.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';

/** Rows drawn within this long of each other share one request. */
const BATCH_DELAY_MS = 16;
const MAX_PER_REQUEST = 100;

/**
 * Originals of the reply quotes drawn now whose message the window has not loaded: asked in one call per
 * batch (main reads the cache, then the source), remembered per chat window. A quote whose original neither
 * has maps to null ("not available"). Calls in flight are cancelled when the window closes.
 */
export function useQuotedMessages(chatId: number, wanted: readonly string[]): ReadonlyMap<string, ChatMessage | null> {
  const [known, setKnown] = useState<ReadonlyMap<string, ChatMessage | null>>(() => new Map());
  const asked = useRef(new Set<string>());
  const controller = useRef(new AbortController());
  useEffect(() => {
    const current = controller.current;
    return () => current.abort();
  }, []);
  const key = wanted.join('\n');
  useEffect(() => {
    const missing = wanted.filter((id) => !asked.current.has(id)).slice(0, MAX_PER_REQUEST);
    if (missing.length === 0) return;
    const timer = setTimeout(() => {
      for (const id of missing) asked.current.add(id);
      const signal = controller.current.signal;
      scrollback.getQuotedMessages({ chatId, messageIds: missing }, { signal }).then(
        (found) => {
          const byId = new Map(found.map((message) => [message.id, message]));
          setKnown((previous) => {
            const next = new Map(previous);
            for (const id of missing) next.set(id, byId.get(id) ?? null);
            return next;
          });
        },
        () => {
          // Cancelled, or main could not answer: ask again when the row is next drawn.
          for (const id of missing) asked.current.delete(id);
        },
      );
    }, BATCH_DELAY_MS);
    return () => clearTimeout(timer);
    // `key` stands for `wanted` (a new array each render with the same ids).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chatId, key]);
  return known;
}
