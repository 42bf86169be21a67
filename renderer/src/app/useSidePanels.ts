import { useState } from 'react';
import { scrollback } from '../bridge/scrollbackClient.ts';
import { usePersonViewRequests } from '../features/people/personViewRequests.ts';
import { useAppCommand } from './appCommands.ts';
import { useFocusReturn } from './useFocusReturn.ts';

export interface SearchPanelState {
  open: boolean;
  scope: 'chat' | 'all';
  /** Bumped at each opening: the panel takes focus again. */
  focus: number;
  /** A query to start with (a person's "Search everything they wrote"); undefined keeps the last one. */
  query?: string | undefined;
}

/**
 * The panel beside the chat: the search panel (Ctrl+F, Ctrl+Shift+F) or a person view (from a sender), one at a
 * time. Focus goes back to where it was when the search panel closes.
 */
export function useSidePanels() {
  const [search, setSearch] = useState<SearchPanelState>({ open: false, scope: 'chat', focus: 0 });
  const [personId, setPersonId] = useState<number | null>(null);
  const searchFocus = useFocusReturn();
  const openSearch = (scope: 'chat' | 'all') => {
    if (!search.open) searchFocus.remember();
    setPersonId(null);
    setSearch((s) => ({ open: true, scope, focus: s.focus + 1, query: s.open ? s.query : undefined }));
  };
  usePersonViewRequests(({ chatId, messageId }) => {
    void scrollback.findPersonOfMessage({ chatId, messageId }).then((found) => {
      if (found === null) return;
      setSearch((s) => ({ ...s, open: false }));
      setPersonId(found);
    });
  });
  useAppCommand('find', () => openSearch('chat'));
  useAppCommand('findAll', () => openSearch('all'));
  return {
    search,
    personId,
    open: search.open || personId !== null,
    showPerson: setPersonId,
    closePerson: () => setPersonId(null),
    setSearchScope: (scope: 'chat' | 'all') => setSearch((s) => ({ ...s, scope })),
    /** "Search everything they wrote": the search panel over all chats with the person's query. */
    searchPerson: (id: number) => {
      setPersonId(null);
      setSearch((s) => ({ open: true, scope: 'all', focus: s.focus + 1, query: `from:person:${id} ` }));
    },
    closeSearch: () => {
      setSearch((s) => ({ ...s, open: false }));
      searchFocus.restore();
    },
  };
}
