import type { ChatSummary } from '../../../shared/domain.ts';
import type { SearchHit } from '../../../shared/search.ts';
import { PersonPanel } from '../features/people/PersonPanel.tsx';
import { SearchPanel } from '../features/search/SearchPanel.tsx';
import type { ExportScope } from '../features/export/ExportDialog.tsx';
import { PaneErrorBoundary } from './PaneErrorBoundary.tsx';
import type { useSidePanels } from './useSidePanels.ts';

/** The search panel or the person view beside the chat, each behind its own error boundary. */
export function SidePanels({
  panels,
  selected,
  onOpenChat,
  onOpenHit,
  onExport,
}: {
  panels: ReturnType<typeof useSidePanels>;
  selected: ChatSummary | null;
  onOpenChat(chatId: number): void;
  onOpenHit(hit: SearchHit): void;
  onExport(scope: ExportScope): void;
}) {
  const { search, personId } = panels;
  return (
    <>
      {personId !== null && (
        <PaneErrorBoundary>
          <PersonPanel
            personId={personId}
            onOpenChat={onOpenChat}
            onSearch={panels.searchPerson}
            onShowPerson={panels.showPerson}
            onClose={panels.closePerson}
          />
        </PaneErrorBoundary>
      )}
      {search.open && (
        <PaneErrorBoundary pane="search">
          <SearchPanel
            key={search.query === undefined ? 'search' : `search:${search.focus}`}
            initialQuery={search.query}
            chat={selected}
            scope={search.scope}
            focusToken={search.focus}
            onScopeChange={panels.setSearchScope}
            onOpen={onOpenHit}
            onClose={panels.closeSearch}
            onExport={(found) => selected && onExport({ chat: selected, search: found })}
          />
        </PaneErrorBoundary>
      )}
    </>
  );
}
