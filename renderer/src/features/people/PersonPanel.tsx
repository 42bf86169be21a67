import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/translate.ts';
import { usePanelFocusReturn } from '../../app/usePanelFocusReturn.ts';
import { PersonLists } from './PersonLists.tsx';
import { PersonRename } from './PersonRename.tsx';
import { usePerson } from './usePerson.ts';

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
  const panelRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const { person: data, failure, rename, link, unlink } = usePerson(personId, onShowPerson, () => setRenaming(null));

  usePanelFocusReturn(panelRef);
  useEffect(() => {
    if (data) headingRef.current?.focus({ preventScroll: true });
  }, [data?.id]); // eslint-disable-line react-hooks/exhaustive-deps -- once per person shown

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
          <PersonRename draft={renaming} onDraft={setRenaming} onSave={(name) => rename.mutate(name)} currentName={data.name} />
          <button type="button" className="person-action" onClick={() => onSearch(data.id)} data-testid="person-search">
            {t('people.searchAll')}
          </button>

          <PersonLists
            person={data}
            busy={link.isPending || unlink.isPending}
            onUnlink={(senderId) => unlink.mutate(senderId)}
            onLink={(otherPersonId) => link.mutate(otherPersonId)}
            onOpenChat={onOpenChat}
          />
        </div>
      )}
    </aside>
  );
}
