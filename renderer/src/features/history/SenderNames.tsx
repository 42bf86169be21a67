import { memo, useMemo } from 'react';
import type { ChatMessage } from '../../../../shared/domain.ts';
import { useT } from '../../i18n/translate.ts';

/** The id of the hidden element naming a message's sender (where no name is shown on the bubble). */
export function senderLabelId(message: Pick<ChatMessage, 'chatId' | 'out' | 'senderId'>): string {
  return `sender-${message.chatId}-${message.out ? 'you' : (message.senderId ?? 'none')}`;
}

/**
 * One hidden name per sender of the loaded messages, outside the list: a bubble without a visible name (a
 * private chat, the rest of a run) is named through it, so no row carries an extra element for it. Memoised: the list's scroll frames leave it alone.
 */
export const SenderNames = memo(function SenderNames({ messages }: { messages: readonly ChatMessage[] }) {
  const t = useT();
  const senders = useMemo(() => {
    const byId = new Map<string, ChatMessage>();
    for (const message of messages) if (!message.service) byId.set(senderLabelId(message), message);
    return [...byId];
  }, [messages]);
  return (
    <div hidden>
      {senders.map(([id, message]) => (
        <span key={id} id={id}>
          {message.out ? t('common.you') : (message.senderName ?? t('history.deletedAccount'))}
        </span>
      ))}
    </div>
  );
});
