import { useEffect, useMemo, useRef, useState } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ChatSummary } from '../../../../shared/domain.ts';
import { searchKinds, type SearchFilter, type SearchHit, type SearchKind } from '../../../../shared/search.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { formatDateTime } from '../../format/formatDates.ts';
import { describeSearchTotal } from '../../../../shared/describeSearchTotal.ts';
import { DensityCalendar } from '../calendar/DensityCalendar.tsx';
import { SourceErrorNotice } from '../history/SourceErrorNotice.tsx';
import { HighlightedText } from './HighlightedText.tsx';
import { useChatSync } from '../sync/useChatSync.ts';
import { quickRange, startOf, toDayInput, type QuickRange } from './searchDates.ts';
import {
  describeSearchedSpans,
  emptySearchForm,
  filterFromForm,
  hasCriteria,
  steppedIndex,
  toggledKind,
  type SearchForm,
} from './searchForm.ts';
import { useDebounced } from './useDebounced.ts';

const PAGE = 50;

interface SearchPanelProps {
  chat: ChatSummary | null;
  scope: 'chat' | 'all';
  onScopeChange(scope: 'chat' | 'all'): void;
  onOpen(hit: SearchHit): void;
  onClose(): void;
  /** "Export these results": the current filter of this chat's search. */
  onExport(search: { filter: { query: string; sender: string; kinds: SearchKind[] }; from: number | null; to: number | null }): void;
  focusToken: number;
}

/** Ctrl+F (this chat) / Ctrl+Shift+F (all chats): dates, words, sender and kinds in one search. */
export function SearchPanel({ chat, scope, onScopeChange, onOpen, onClose, onExport, focusToken }: SearchPanelProps) {
  const [form, setForm] = useState<SearchForm>(emptySearchForm);
  const { query, sender, kinds, fromDay, fromTime, toDay, toTime } = form;
  const setField =
    <K extends keyof SearchForm>(field: K) =>
    (value: SearchForm[K]) =>
      setForm((current) => ({ ...current, [field]: value }));
  const [setQuery, setSender, setFromDay, setFromTime, setToDay, setToTime] = [
    setField('query'),
    setField('sender'),
    setField('fromDay'),
    setField('fromTime'),
    setField('toDay'),
    setField('toTime'),
  ];
  const [order, setOrder] = useState<'newest' | 'oldest'>('newest');
  const [calendarOpen, setCalendarOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const queryRef = useRef<HTMLInputElement>(null);
  useEffect(() => queryRef.current?.focus(), [focusToken]);

  // Debounce the filter's JSON (compared by value): a fresh object each render would restart the timer
  // and set state forever.
  const filterKey = useDebounced(JSON.stringify(filterFromForm(form, scope === 'chat' ? (chat?.id ?? null) : null)), 200);
  const filter = useMemo(() => JSON.parse(filterKey) as SearchFilter, [filterKey]);
  const searching = hasCriteria(filter);
  const results = useInfiniteQuery({
    queryKey: ['search', filterKey, order],
    // The signal: a search superseded by new typing stops in main too (at the source as well).
    queryFn: ({ pageParam, signal }) => scrollback.searchMessages({ ...filter, order, limit: PAGE, cursor: pageParam }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: searching,
    gcTime: 0,
  });
  // The total is asked for once the first results are in, so they never wait behind a long count; a count
  // superseded by new typing is cancelled in main (the signal), not left running.
  const total = useQuery({
    queryKey: ['searchCount', filterKey],
    queryFn: ({ signal }) => scrollback.countSearchMatches(filter, { signal }),
    enabled: searching && results.isSuccess,
    gcTime: 0,
  });
  const hits = useMemo(() => results.data?.pages.flatMap((page) => page.hits) ?? [], [results.data]);
  useEffect(() => setActive(-1), [filterKey, order]);

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
    onOpen(hit);
  };
  const onQueryKey = (event: React.KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      open(steppedIndex(active, hits.length, event.shiftKey));
    } else if (event.key === 'Escape') onClose();
  };
  const toggleKind = (kind: SearchKind) => setForm((current) => ({ ...current, kinds: toggledKind(current.kinds, kind) }));
  const applyQuick = (range: QuickRange) => {
    const { from, to } = quickRange(range);
    setForm((current) => ({ ...current, fromDay: from, toDay: to, fromTime: '', toTime: '' }));
  };

  const firstPage = results.data?.pages[0];
  const searchedSummary = describeSearchedSpans(firstPage?.searched ?? [], chat?.sourceName ?? 'the source');

  return (
    <aside className="search-panel" aria-label="Search">
      <div className="search-header">
        <div className="search-scope" role="radiogroup" aria-label="Search in">
          <button
            type="button"
            role="radio"
            aria-checked={scope === 'chat'}
            className={scope === 'chat' ? 'on' : ''}
            disabled={!chat}
            onClick={() => onScopeChange('chat')}
            data-testid="search-scope-chat"
          >
            This chat
          </button>
          <button
            type="button"
            role="radio"
            aria-checked={scope === 'all'}
            className={scope === 'all' ? 'on' : ''}
            onClick={() => onScopeChange('all')}
          >
            All chats
          </button>
        </div>
        <button type="button" className="search-close" onClick={onClose} aria-label="Close search">
          ✕
        </button>
      </div>
      <input
        ref={queryRef}
        className="search-query"
        type="search"
        placeholder="Words or parts of words"
        aria-label="Search text"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onQueryKey}
        data-testid="search-query"
      />
      <input
        className="search-sender"
        type="search"
        placeholder="Sender"
        aria-label="Sender"
        value={sender}
        onChange={(e) => setSender(e.target.value)}
        onKeyDown={onQueryKey}
        data-testid="search-sender"
      />
      <div className="search-kinds" aria-label="Kinds">
        {searchKinds.map((kind) => (
          <button
            key={kind}
            type="button"
            aria-pressed={kinds.includes(kind)}
            className={kinds.includes(kind) ? 'on' : ''}
            onClick={() => toggleKind(kind)}
          >
            {kind}
          </button>
        ))}
      </div>
      <div className="search-quick">
        <button type="button" onClick={() => applyQuick('last7')}>
          Last 7 days
        </button>
        <button type="button" onClick={() => applyQuick('thisMonth')}>
          This month
        </button>
        <button type="button" onClick={() => applyQuick('thisYear')}>
          This year
        </button>
        <button type="button" onClick={() => applyQuick('all')}>
          All time
        </button>
        {scope === 'chat' && chat && (
          <button
            type="button"
            aria-expanded={calendarOpen}
            onClick={() => setCalendarOpen((o) => !o)}
            data-testid="search-calendar-toggle"
          >
            📅
          </button>
        )}
      </div>
      <div className="search-dates">
        <label>
          From <input type="date" value={fromDay} onChange={(e) => setFromDay(e.target.value)} data-testid="search-from" />
        </label>
        <input type="time" aria-label="From time (optional)" value={fromTime} onChange={(e) => setFromTime(e.target.value)} />
        <label>
          To <input type="date" value={toDay} onChange={(e) => setToDay(e.target.value)} data-testid="search-to" />
        </label>
        <input type="time" aria-label="To time (optional)" value={toTime} onChange={(e) => setToTime(e.target.value)} />
      </div>
      {calendarOpen && chat && (
        <DensityCalendar
          chatId={chat.id}
          value={startOf(fromDay, '') ?? chat.lastMessageDate ?? Date.now()}
          onPick={(day) => {
            setFromDay(toDayInput(day));
            setToDay(toDayInput(day));
          }}
        />
      )}
      <div className="search-status" role="status">
        {!searching ? (
          'Type words, pick dates, a sender or kinds.'
        ) : results.isPending ? (
          'Searching…'
        ) : (
          <>
            <span data-testid="search-total">{total.data !== undefined ? describeSearchTotal(total.data) : 'Counting…'}</span>
            <button type="button" className="search-order" onClick={() => setOrder((o) => (o === 'newest' ? 'oldest' : 'newest'))}>
              {order === 'newest' ? 'Newest first' : 'Oldest first'}
            </button>
            {scope === 'chat' && chat && (
              <button
                type="button"
                className="search-order"
                data-testid="search-export"
                onClick={() =>
                  onExport({
                    filter: { query: filter.query, sender: filter.sender, kinds: filter.kinds },
                    from: filter.from,
                    to: filter.to,
                  })
                }
              >
                Export these results…
              </button>
            )}
          </>
        )}
      </div>
      {searchedSummary && (
        <div className="search-where" data-testid="search-where">
          {searchedSummary}
          {firstPage?.incomplete ? ' (some of it could not be reached)' : ''}
        </div>
      )}
      {scope === 'chat' && chat && firstPage?.searched.some((span) => span.where === 'source') && <DownloadRestOffer chatId={chat.id} />}
      {results.isError && <SourceErrorNotice key={results.errorUpdatedAt} error={results.error} onRetry={() => void results.refetch()} />}
      <div ref={listRef} className="search-results" role="list" aria-label="Search results" data-testid="search-results">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const hit = hits[item.index]!;
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className="search-result-row"
                style={{ transform: `translateY(${item.start}px)` }}
                role="listitem"
              >
                <button
                  type="button"
                  className={`search-result${item.index === active ? ' active' : ''}`}
                  data-result-index={item.index}
                  data-message-id={hit.message.id}
                  onClick={() => open(item.index)}
                >
                  <span className="search-result-meta">
                    {scope === 'all' && (
                      <span className="search-result-chat" dir="auto">
                        {hit.chatName} ·{' '}
                      </span>
                    )}
                    <span dir="auto">{hit.message.senderName ?? 'Unknown'}</span> · {formatDateTime(hit.message.date)}
                  </span>
                  <span className="search-result-text">
                    {hit.message.text ? (
                      <HighlightedText text={hit.message.text} highlights={hit.highlights} />
                    ) : (
                      <em>{hit.message.media?.kind ?? 'message'}</em>
                    )}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
        {searching && !results.isPending && hits.length === 0 && <div className="search-empty">No messages match.</div>}
      </div>
    </aside>
  );
}

/** When part of a search went to the source, offer to bring the whole chat here for fully local search. */
function DownloadRestOffer({ chatId }: { chatId: number }) {
  const { status, start } = useChatSync(chatId);
  if (status?.state === 'running') return <div className="search-where">Downloading the rest of this chat…</div>;
  return (
    <button type="button" className="search-download" onClick={() => start()} data-testid="search-download-rest">
      Download the rest of this chat for fully local search
    </button>
  );
}
