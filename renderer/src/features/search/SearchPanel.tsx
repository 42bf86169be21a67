import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ChatSummary } from '../../../../shared/domain.ts';
import type { SearchHit } from '../../../../shared/search.ts';
import { describeSearchOutcome } from '../../../../shared/searchCoverage.ts';
import { SourceErrorNotice } from '../history/SourceErrorNotice.tsx';
import { highlightSearchMatch } from './highlightSearchMatch.ts';
import { searchedChatId, useSearchForm } from './useSearchForm.ts';
import { useSearchResults } from './useSearchResults.ts';
import { useSearchStepKeys } from './useSearchStepKeys.ts';
import { SearchHeader } from './SearchHeader.tsx';
import { SearchQueryBox } from './SearchQueryBox.tsx';
import { SearchFilters } from './SearchFilters.tsx';
import { SearchAnnouncement, SearchStatus, type ExportedSearch } from './SearchStatus.tsx';
import { useT } from '../../i18n/translate.ts';
import { usePanelFocusReturn } from '../../app/usePanelFocusReturn.ts';
import { SearchResultList } from './SearchResultList.tsx';
import { useResultArrowKeys } from './useResultArrowKeys.ts';
import { DownloadRestOffer } from './DownloadRestOffer.tsx';

interface SearchPanelProps {
  chat: ChatSummary | null;
  scope: 'chat' | 'all';
  onScopeChange(scope: 'chat' | 'all'): void;
  onOpen(hit: SearchHit): void;
  onClose(): void;
  /** "Export these results": the current filter of this chat's search. */
  onExport(search: ExportedSearch): void;
  focusToken: number;
  /** What the box holds when the panel opens (a person view's `from:person:<id>`). */
  initialQuery?: string;
}

/** Ctrl+F (this chat) / Ctrl+Shift+F (all chats): dates, words, sender and kinds in one search. */
export function SearchPanel({ chat, scope, onScopeChange, onOpen, onClose, onExport, focusToken, initialQuery }: SearchPanelProps) {
  const chatId = searchedChatId(scope, chat);
  const form = useSearchForm(chatId, initialQuery);
  const search = useSearchResults(form.form, chatId, form.earlierVersions);
  const { results, hits, setActive } = search;
  const [filtersOpen, setFiltersOpen] = useState(false);
  const { queryRef } = form;
  const t = useT();
  const intl = useIntl();
  const panelRef = useRef<HTMLElement>(null);
  usePanelFocusReturn(panelRef);
  useEffect(() => queryRef.current?.focus(), [focusToken, queryRef]);
  const [opened, setOpened] = useState<SearchHit | null>(null);
  useEffect(() => (opened ? highlightSearchMatch(opened.message.id, opened.highlights) : undefined), [opened]);

  const listRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: hits.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => 72,
    getItemKey: (index) => `${hits[index]!.message.chatId}:${hits[index]!.message.id}`,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (lastIndex >= hits.length - 10 && results.hasNextPage && !results.isFetchingNextPage) void results.fetchNextPage();
  }, [lastIndex, hits.length, results]);

  const open = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    setOpened(hit);
    onOpen(hit);
  };
  useSearchStepKeys(panelRef, { active: search.active, count: hits.length, open, onClose });
  const onArrowKey = useResultArrowKeys({ queryRef, listRef, virtualizer, count: hits.length, active: search.active });

  // The total, the where line and the offer to download come from one model of the first page's coverage.
  const firstPage = results.data?.pages[0];
  const outcome = describeSearchOutcome(firstPage ?? null, search.total ?? null, t, intl.locale);
  const thisChat = scope === 'chat' ? chat : null;
  const client = useQueryClient();
  // After the rest of the chat is downloaded: the results, their coverage and the total are read again.
  const searchAgain = useCallback(() => {
    void client.invalidateQueries({ queryKey: ['search'] });
    void client.invalidateQueries({ queryKey: ['searchCount'] });
  }, [client]);

  return (
    <aside className="search-panel" aria-label={t('search.panel.label')} ref={panelRef} onKeyDown={onArrowKey}>
      <SearchHeader
        scope={scope}
        chatOpen={chat !== null}
        onScopeChange={onScopeChange}
        filtersOpen={filtersOpen}
        onToggleFilters={() => setFiltersOpen((isOpen) => !isOpen)}
        onClose={onClose}
      />
      <SearchQueryBox form={form} />
      <SearchFilters form={form} open={filtersOpen} scope={scope} chat={chat} />
      <SearchStatus search={search} hits={hits} totalText={outcome.total} onExport={thisChat ? onExport : null} />
      <SearchAnnouncement search={search} hits={hits} />
      {outcome.where && (
        <div className="search-where" data-testid="search-where">
          {outcome.where}
        </div>
      )}
      {thisChat && outcome.offerDownload && <DownloadRestOffer chatId={thisChat.id} onDownloaded={searchAgain} />}
      {results.isError && <SourceErrorNotice key={results.errorUpdatedAt} error={results.error} onRetry={() => void results.refetch()} />}
      <SearchResultList
        listRef={listRef}
        virtualizer={virtualizer}
        hits={hits}
        active={search.active}
        showChat={scope === 'all'}
        empty={search.searching && !results.isPending && hits.length === 0}
        onOpen={open}
      />
    </aside>
  );
}
