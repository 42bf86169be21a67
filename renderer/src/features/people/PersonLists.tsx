import type { PersonDetails } from '../../../../shared/ipc/contract.ts';
import { formatDay } from '../../format/formatDates.ts';
import { useT } from '../../i18n/translate.ts';

/**
 * What the person view lists: each sender with its source and what proves it (Unlink when there are several),
 * every chat they wrote in (opens it), and people of the same name to link.
 */
export function PersonLists({
  person,
  busy,
  onUnlink,
  onLink,
  onOpenChat,
}: {
  person: PersonDetails;
  busy: boolean;
  onUnlink(senderId: number): void;
  onLink(otherPersonId: number): void;
  onOpenChat(chatId: number): void;
}) {
  const t = useT();
  return (
    <>
      <h3>{t('people.senders.heading')}</h3>
      <ul className="person-senders">
        {person.senders.map((sender) => (
          <li key={sender.id} data-testid="person-sender">
            <span dir="auto">{sender.name}</span> · <span>{sender.sourceName}</span>
            <div className="person-proof">{sender.identities.length > 0 ? sender.identities.join(', ') : t('people.proof.nameOnly')}</div>
            {person.senders.length > 1 && (
              <button type="button" onClick={() => onUnlink(sender.id)} disabled={busy}>
                {t('people.unlink')}
              </button>
            )}
          </li>
        ))}
      </ul>

      <h3>{t('people.chats.heading')}</h3>
      <ul className="person-chats">
        {person.chats.map((chat) => (
          <li key={chat.chatId}>
            <button type="button" onClick={() => onOpenChat(chat.chatId)} data-testid="person-chat" data-chat-id={chat.chatId}>
              <span dir="auto">{chat.chatName}</span>
              <span className="person-chat-meta">
                {t('people.chats.detail', { count: chat.messages, first: formatDay(chat.first), last: formatDay(chat.last) })}
              </span>
            </button>
          </li>
        ))}
      </ul>

      {person.suggestions.length > 0 && (
        <>
          <h3>{t('people.suggestions.heading')}</h3>
          <ul className="person-suggestions">
            {person.suggestions.map((other) => (
              <li key={other.id} data-testid="person-suggestion">
                <span dir="auto">{other.name}</span> · <span>{other.senders.map((sender) => sender.sourceName).join(', ')}</span>
                <button type="button" onClick={() => onLink(other.id)} disabled={busy}>
                  {t('people.link')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
