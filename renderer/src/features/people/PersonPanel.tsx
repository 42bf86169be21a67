import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { formatDay } from '../../format/formatDates.ts';
import { useT } from '../../i18n/translate.ts';

/** The person view's query key: every person view reads again after a link, unlink or rename. */
const personKey = (personId: number) => ['person', personId] as const;

/**
 * One person across sources, beside the chat as the search panel is: their name (renamed inline), each sender
 * with its source and what proves it, every chat they wrote in, people of the same name to link, and a search
 * of everything they wrote. Focus moves in when it opens and back where it was when it closes; Esc closes.
 */
export function PersonPanel({
  personId,
  onOpenChat,
  onSearch,
  onShowPerson,
  onClose,
}: {
  personId: number;
  onOpenChat(chatId: number): void;
  /** "Search everything they wrote": the search panel over all chats with `from:person:<id>`. */
  onSearch(personId: number): void;
  /** After an unlink the sender is a person of their own; after a link the view stays on this one. */
  onShowPerson(personId: number): void;
  onClose(): void;
}) {
  const t = useT();
  const client = useQueryClient();
  const panelRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const person = useQuery({ queryKey: personKey(personId), queryFn: () => scrollback.getPerson({ personId }) });
  const [renaming, setRenaming] = useState<string | null>(null);
  const changed = () => void client.invalidateQueries({ queryKey: ['person'] });
  const rename = useMutation({
    mutationFn: (name: string) => scrollback.renamePerson({ personId, name }),
    onSuccess: () => {
      setRenaming(null);
      changed();
    },
  });
  const link = useMutation({
    mutationFn: (otherPersonId: number) => scrollback.linkPeople({ personId, otherPersonId }),
    onSuccess: changed,
  });
  const unlink = useMutation({
    mutationFn: (senderId: number) => scrollback.unlinkSender({ senderId }),
    onSuccess: (split) => {
      changed();
      // The last sender taken out leaves nothing of this person: show the one it became.
      if ((person.data?.senders.length ?? 0) <= 1) onShowPerson(split.id);
    },
  });
  const failure = [person, rename, link, unlink].find((state) => state.error)?.error;

  // Focus goes back to where it came from when the panel closes, unless it was moved outside meanwhile.
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const panel = panelRef.current;
    return () => {
      const now = document.activeElement;
      const leftInPanel = now === null || now === document.body || (panel !== null && panel.contains(now));
      if (leftInPanel && opener?.isConnected && !panel?.contains(opener)) opener.focus({ preventScroll: true });
    };
  }, []);
  useEffect(() => {
    if (person.data) headingRef.current?.focus({ preventScroll: true });
  }, [person.data?.id]); // eslint-disable-line react-hooks/exhaustive-deps -- once per person shown

  const data = person.data;
  return (
    <aside
      className="search-panel person-panel"
      aria-label={t('people.panel.label')}
      ref={panelRef}
      data-testid="person-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && renaming === null) {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="search-header">
        <h2 className="person-name" tabIndex={-1} ref={headingRef} dir="auto" data-testid="person-name">
          {data?.name ?? t('common.loading')}
          {data?.me && <span className="person-me"> {t('people.you')}</span>}
        </h2>
        <button type="button" className="search-close" onClick={onClose} aria-label={t('common.close')}>
          ✕
        </button>
      </div>
      {failure && (
        <p role="alert" className="person-error">
          {failure.message}
        </p>
      )}
      {data && (
        <div className="person-body">
          {renaming === null ? (
            <button type="button" className="person-action" onClick={() => setRenaming(data.name)} data-testid="person-rename">
              {t('people.rename')}
            </button>
          ) : (
            <form
              className="person-rename"
              onSubmit={(event) => {
                event.preventDefault();
                if (renaming.trim() !== '') rename.mutate(renaming.trim());
              }}
            >
              <input
                autoFocus
                value={renaming}
                maxLength={200}
                aria-label={t('people.rename.field')}
                onChange={(event) => setRenaming(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Escape') {
                    event.stopPropagation();
                    setRenaming(null);
                  }
                }}
              />
              <button type="submit">{t('common.save')}</button>
            </form>
          )}
          <button type="button" className="person-action" onClick={() => onSearch(data.id)} data-testid="person-search">
            {t('people.searchAll')}
          </button>

          <h3>{t('people.senders.heading')}</h3>
          <ul className="person-senders">
            {data.senders.map((sender) => (
              <li key={sender.id} data-testid="person-sender">
                <span dir="auto">{sender.name}</span> · <span>{sender.sourceName}</span>
                <div className="person-proof">
                  {sender.identities.length > 0 ? sender.identities.join(', ') : t('people.proof.nameOnly')}
                </div>
                {data.senders.length > 1 && (
                  <button type="button" onClick={() => unlink.mutate(sender.id)} disabled={unlink.isPending}>
                    {t('people.unlink')}
                  </button>
                )}
              </li>
            ))}
          </ul>

          <h3>{t('people.chats.heading')}</h3>
          <ul className="person-chats">
            {data.chats.map((chat) => (
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

          {data.suggestions.length > 0 && (
            <>
              <h3>{t('people.suggestions.heading')}</h3>
              <ul className="person-suggestions">
                {data.suggestions.map((other) => (
                  <li key={other.id} data-testid="person-suggestion">
                    <span dir="auto">{other.name}</span> · <span>{other.senders.map((sender) => sender.sourceName).join(', ')}</span>
                    <button type="button" onClick={() => link.mutate(other.id)} disabled={link.isPending}>
                      {t('people.link')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </aside>
  );
}
