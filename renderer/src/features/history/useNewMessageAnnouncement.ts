import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '../../../../shared/domain.ts';
import type { Translate } from '../../../../shared/i18n/locales.ts';
import { translate } from '../../i18n/translate.ts';
import { snippetOf } from './messageSnippet.ts';

/** At most one announcement this often: a burst of arrivals is read as one line, not one line each. */
export const ANNOUNCE_GAP_MS = 2000;

/** What the polite live region says of messages that arrived while the reader was at the bottom. */
export function newMessagesAnnouncement(count: number, last: ChatMessage, t: Translate): string {
  const sender = last.out ? t('history.announce.you') : (last.senderName ?? t('history.deletedAccount'));
  const text = snippetOf(last).slice(0, 200);
  return count === 1 ? t('history.announce.one', { sender, text }) : t('history.announce.many', { count, sender, text });
}

/**
 * The text of the list's live region (polite) and `announce`, throttled: the first arrival is said at once,
 * the ones within the next ANNOUNCE_GAP_MS are gathered and said together when it ends.
 */
export function useNewMessageAnnouncement(): { text: string; announce(messages: readonly ChatMessage[]): void } {
  const [text, setText] = useState('');
  const pending = useRef<{ count: number; last: ChatMessage } | null>(null);
  const lastAt = useRef(Number.NEGATIVE_INFINITY);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const announce = useCallback((messages: readonly ChatMessage[]) => {
    const last = messages.at(-1);
    if (!last) return;
    pending.current = { count: (pending.current?.count ?? 0) + messages.length, last };
    if (timer.current !== undefined) return;
    const flush = () => {
      timer.current = undefined;
      const said = pending.current;
      pending.current = null;
      if (!said) return;
      lastAt.current = Date.now();
      setText(newMessagesAnnouncement(said.count, said.last, translate));
    };
    const wait = lastAt.current + ANNOUNCE_GAP_MS - Date.now();
    if (wait <= 0) flush();
    else timer.current = setTimeout(flush, wait);
  }, []);
  return { text, announce };
}
