import { useEffect, useMemo, useRef, useState } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ChatSummary } from '../../../../shared/domain.ts';
import type { SearchFilter, SearchHit, SearchKind } from '../../../../shared/search.ts';
import { describeSearchedSources } from '../../../../shared/describeSearchedSources.ts';
import { describeSearchQuery, parseSearchQuery, topLevelTerms, withTopLevelTerms, type QueryNode } from '../../../../shared/searchQuery.ts';
import { formatCount } from '../../format/formatDates.ts';
import { highlightSearchMatch } from './highlightSearchMatch.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { formatDateTime } from '../../format/formatDates.ts';
import { describeSearchTotal } from '../../../../shared/describeSearchTotal.ts';
import { DensityCalendar } from '../calendar/DensityCalendar.tsx';
import { SourceErrorNotice } from '../history/SourceErrorNotice.tsx';
import { HighlightedText } from './HighlightedText.tsx';
import { useChatSync } from '../sync/useChatSync.ts';
import { quickRange, startOf, toDayInput, type QuickRange } from './searchDates.ts';
import { describeSearchedSpans, emptySearchForm, filterFromForm, hasCriteria, steppedIndex, type SearchForm } from './searchForm.ts';
import { KIND_CHIPS, kindChipsIn, withKindChips, type KindChip } from './kindTokens.ts';
import { useDebounced } from './useDebounced.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';

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
  const { query, fromDay, fromTime, toDay, toTime } = form;
  const setField =
    <K extends keyof SearchForm>(field: K) =>
    (value: SearchForm[K]) =>
      setForm((current) => ({ ...current, [field]: value }));
  const [setQuery, setFromDay, setFromTime, setToDay, setToTime] = [
    setField('query'),
    setField('fromDay'),
    setField('fromTime'),
    setField('toDay'),
    setField('toTime'),
  ];
  const [order, setOrder] = useState<'newest' | 'oldest'>('newest');
  const [calendarOpen, setCalendarOpen] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const queryRef = useRef<HTMLInputElement>(null);
  useEffect(() => queryRef.current?.focus(), [focusToken]);
  // The box is the filter; the sender field and kind chips are views of its top-level tokens.
  const parsed = useMemo(() => parseSearchQuery(query), [query]);
  const senderToken =
    topLevelTerms(parsed.root).find((node): node is Extract<QueryNode, { type: 'from' }> => node.type === 'from')?.value ?? '';
  const [senderDraft, setSenderDraft] = useState<string | null>(null);
  const sender = senderDraft !== null && senderDraft.trim() === senderToken ? senderDraft : senderToken;
  const setSender = (value: string) => {
    setSenderDraft(value);
    setQuery(withTopLevelTerms(query, (node) => node.type === 'from', value.trim() === '' ? [] : [{ type: 'from', value: value.trim() }]));
  };
  const chips = kindChipsIn(parsed.root);
  // Typing `from:da` offers the senders whose name contains "da"; choosing one writes the token.
  const typedSender = /(?:^|\s)(-?)from:([^\s"]*)$/.exec(query);
  const senderText = useDebounced(typedSender?.[2] ?? null, 120);
  const suggestions = useQuery({
    queryKey: queryKeys.search.senders(scope === 'chat' ? (chat?.id ?? null) : null, senderText),
    queryFn: () => scrollback.suggestSenders({ chatId: scope === 'chat' ? (chat?.id ?? null) : null, text: senderText ?? '' }),
    enabled: senderText !== null && typedSender !== null,
  });
  const chooseSender = (name: string) => {
    const token = `${typedSender?.[1] ?? ''}from:${/\s/.test(name) ? `"${name}"` : name}`;
    setQuery(`${query.slice(0, query.length - (typedSender?.[0].trimStart().length ?? 0))}${token} `);
    queryRef.current?.focus();
  };
  const readAs =
    parsed.root && (parsed.notes.length > 0 || /\b(OR|from:|in:|before:|after:|on:|during:|has:|is:)|["()-]/.test(query))
      ? describeSearchQuery(parsed.root)
      : null;

  // Debounce the filter's JSON (compared by value): a fresh object each render would restart the timer
  // and set state forever.
  const [earlierVersions, setEarlierVersions] = useState(false);
  const filterKey = useDebounced(
    JSON.stringify({
      ...filterFromForm(form, scope === 'chat' ? (chat?.id ?? null) : null),
      ...(earlierVersions ? { earlierVersions: true } : {}),
    }),
    200,
  );
  const filter = useMemo(() => JSON.parse(filterKey) as SearchFilter, [filterKey]);
  const searching = hasCriteria(filter);
  const results = useInfiniteQuery({
    queryKey: queryKeys.search.results(filterKey, order),
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
    queryKey: queryKeys.search.count(filterKey),
    queryFn: ({ signal }) => scrollback.countSearchMatches(filter, { signal }),
    enabled: searching && results.isSuccess,
    gcTime: 0,
  });
  const hits = useMemo(() => results.data?.pages.flatMap((page) => page.hits) ?? [], [results.data]);
  useEffect(() => setActive(-1), [filterKey, order]);
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
  // Enter / Shift+Enter step through the results and Esc closes, from anywhere in the panel or the message
  // list (opening a result may move focus there); not from other dialogs, menus or fields.
  const stepRef = useRef({ active, count: hits.length, open, onClose });
  stepRef.current = { active, count: hits.length, open, onClose };
  const panelRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      const inPanel = target !== null && panelRef.current?.contains(target) === true;
      const inList = target === null || target === document.body || target.closest('.chat-pane') !== null;
      if (!inPanel && !inList) return;
      if (target?.closest('[role="dialog"], [role="menu"]')) return;
      if (!inPanel && target instanceof HTMLInputElement) return;
      const { active: current, count, open: openAt, onClose: close } = stepRef.current;
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      } else if (
        event.key === 'Enter' &&
        !(
          target instanceof HTMLButtonElement &&
          target.closest('.search-header, .search-kinds, .search-quick, .search-status, .search-suggestions')
        )
      ) {
        if (count === 0) return;
        event.preventDefault();
        openAt(steppedIndex(current, count, event.shiftKey));
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  const toggleKind = (kind: KindChip) =>
    setQuery(withKindChips(query, chips.includes(kind) ? chips.filter((k) => k !== kind) : [...chips, kind]));
  const applyQuick = (range: QuickRange) => {
    const { from, to } = quickRange(range);
    setForm((current) => ({ ...current, fromDay: from, toDay: to, fromTime: '', toTime: '' }));
  };

  const firstPage = results.data?.pages[0];
  const searchedSummary =
    scope === 'all'
      ? describeSearchedSources(firstPage?.sources ?? [])
      : describeSearchedSpans(firstPage?.searched ?? [], chat?.sourceName ?? 'the source');

  return (
    <aside className="search-panel" aria-label="Search" ref={panelRef}>
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
        {/* A short window folds the fields away (the query's tokens say the same); see app.css. */}
        <button
          type="button"
          className="search-filters-toggle"
          aria-expanded={filtersOpen}
          onClick={() => setFiltersOpen((open) => !open)}
          data-testid="search-filters-toggle"
        >
          Filters {filtersOpen ? '▴' : '▾'}
        </button>
        <button type="button" className="search-close" onClick={onClose} aria-label="Close search">
          ✕
        </button>
      </div>
      <input
        ref={queryRef}
        className="search-query"
        type="search"
        placeholder='Words, "phrases", -not, OR, from:, has:photo, before:2021…'
        aria-label="Search text"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="search-query"
      />
      {typedSender && (suggestions.data?.length ?? 0) > 0 && (
        <div className="search-suggestions" role="listbox" aria-label="Senders" data-testid="search-sender-suggestions">
          {suggestions.data!.map((name) => (
            <button key={name} type="button" role="option" aria-selected={false} onClick={() => chooseSender(name)} dir="auto">
              {name}
            </button>
          ))}
        </div>
      )}
      {readAs && (
        <div className="search-read-as" data-testid="search-read-as">
          Searching for messages that {readAs}
          {parsed.notes.map((note) => (
            <div key={note} className="search-note">
              {note}
            </div>
          ))}
        </div>
      )}
      <div className={`search-filters${filtersOpen ? ' open' : ''}`} data-testid="search-filters">
        <input
          className="search-sender"
          type="search"
          placeholder="Sender"
          aria-label="Sender"
          value={sender}
          onChange={(e) => setSender(e.target.value)}
          data-testid="search-sender"
        />
        <div className="search-kinds" aria-label="Kinds">
          {KIND_CHIPS.map((kind) => (
            <button
              key={kind}
              type="button"
              aria-pressed={chips.includes(kind)}
              className={chips.includes(kind) ? 'on' : ''}
              onClick={() => toggleKind(kind)}
            >
              {kind}
            </button>
          ))}
        </div>
        <label
          className="search-earlier-versions"
          title="Words also match what edited messages said before (slower: every message is read)"
        >
          <input
            type="checkbox"
            checked={earlierVersions}
            onChange={(event) => setEarlierVersions(event.target.checked)}
            data-testid="search-earlier-versions"
          />{' '}
          Search earlier versions of edited messages too
        </label>
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
      </div>
      <div className="search-status" role="status">
        {!searching ? (
          'Type words, pick dates, a sender or kinds.'
        ) : results.isPending ? (
          'Searching…'
        ) : (
          <>
            {active >= 0 && hits.length > 0 && (
              <span className="search-position" data-testid="search-position">
                {formatCount(active + 1)} of {formatCount(Math.max(total.data?.onComputer ?? 0, hits.length))}
              </span>
            )}
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
                    {hit.topicTitle && (
                      <span className="search-result-topic" dir="auto" data-testid="search-result-topic">
                        {hit.topicTitle} ·{' '}
                      </span>
                    )}
                    <span dir="auto">{hit.message.senderName ?? 'Unknown'}</span> · {formatDateTime(hit.message.date)}
                    {hit.foundAt && (
                      <span className="search-result-found" title="Not on this computer before this search; kept here now">
                        {' '}
                        · found at {hit.foundAt}
                      </span>
                    )}
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
