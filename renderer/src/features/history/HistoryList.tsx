import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useQueryClient } from '@tanstack/react-query';
import { useAppCommand } from '../../app/appCommands.ts';
import { estimateRowHeight } from './estimateRowHeight.ts';
import { historyKeyAction } from './historyKeys.ts';
import { useEdgePaging } from './useEdgePaging.ts';
import { useWindowPlacement } from './useWindowPlacement.ts';
import { neighbourOf, rowPlacement, type Neighbour } from './rowPlacement.ts';
import { DateChip } from './DateChip.tsx';
import { BEGINNING_OF_TIME, type WindowTarget } from './historyWindow.ts';
import { MessageRow } from './MessageRow.tsx';
import { SourceErrorNotice } from './SourceErrorNotice.tsx';
import { useHistoryWindow } from './useHistoryWindow.ts';
import { useNewMessagesArrived } from '../live/newMessagesArrived.ts';
import type { InfiniteData } from '@tanstack/react-query';
import type { HistoryPage } from '../../../../shared/history.ts';
import type { ChatMessage } from '../../../../shared/domain.ts';
import { transcriptLine } from '../../../../shared/messageTranscript.ts';
import { ContextMenu } from '../../app/ContextMenu.tsx';
import { copyText } from '../../app/copyText.ts';
import { useMessageSelection } from './useMessageSelection.ts';
import { useQuotedMessages } from './useQuotedMessages.ts';
import { useNewerCount } from './useNewerCount.ts';
import { formatCompactCount, formatCount } from '../../format/formatDates.ts';
import { SelectionBar } from './SelectionBar.tsx';
import { messageMenuItems } from './messageMenuItems.ts';
import { transcriptOfTextSelection } from './transcriptOfTextSelection.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';

interface HistoryListProps {
  chatId: number;
  chatName: string;
  target: WindowTarget;
  windowKey: string;
  onJump(target: WindowTarget): void;
  /** Why the window is showing only the cache (the source's error), or null when the source answered. */
  onOfflineChange(reason: string | null): void;
  /** Take keyboard focus once placed (after a jump, so the keys keep working in the new window). */
  focusOnPlace: boolean;
  /** Export selected: the selected messages' ids, oldest first. */
  onExportSelection(messageIds: string[]): void;
  /** One forum topic's messages, or null for the whole chat. */
  topicId: string | null;
  /** Topic titles by id, to say which topic a message is in (the whole chat's view of a forum). */
  topicTitles: ReadonlyMap<string, string>;
}

/**
 * One window of history: a virtualized list anchored at the end. Only loaded messages are counted (never
 * the whole chat), rows are keyed by message id, and the virtualizer keeps the row at the top of the
 * viewport in place when pages are added or dropped above it, so content never jumps.
 */
export function HistoryList({
  chatId,
  chatName,
  target,
  windowKey,
  onJump,
  onOfflineChange,
  focusOnPlace,
  onExportSelection,
  topicId,
  topicTitles,
}: HistoryListProps) {
  const query = useHistoryWindow(chatId, target, windowKey, topicId);
  const pages = query.data?.pages;
  const messages = useMemo(() => pages?.flatMap((page) => page.messages) ?? [], [pages]);
  const firstPage = pages?.[0];
  const reachedOldest = firstPage?.reachedOldest ?? false;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [highlightId, setHighlightId] = useState<string | null>(target.kind === 'aroundMessage' ? target.messageId : null);

  const indexById = useMemo(() => {
    const map = new Map<string, number>();
    messages.forEach((message, index) => map.set(message.id, index));
    return map;
  }, [messages]);
  // A jump to a date lands on the first message at or after it: highlighted, as a jump to a message is.
  const anchorId =
    target.kind === 'aroundDate' && target.date !== BEGINNING_OF_TIME && firstPage?.anchorIndex != null
      ? firstPage.messages[firstPage.anchorIndex]?.id
      : undefined;
  useEffect(() => {
    if (anchorId !== undefined) setHighlightId(anchorId);
  }, [anchorId]);
  const loadedIds = useMemo(() => messages.map((message) => message.id), [messages]);
  const selection = useMessageSelection(loadedIds);
  const [menu, setMenu] = useState<{ message: ChatMessage; x: number; y: number } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const messageAt = (element: EventTarget): ChatMessage | null => {
    const id = (element as HTMLElement).closest?.<HTMLElement>('[data-message-id]')?.dataset.messageId;
    const index = id === undefined ? undefined : indexById.get(id);
    return index === undefined ? null : messages[index]!;
  };
  const selectedTranscript = () =>
    selection
      .ordered()
      .map((id) => transcriptLine(messages[indexById.get(id)!]!))
      .join('\n');

  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => estimateRowHeight(messages[index]),
    getItemKey: (index) => messages[index]?.id ?? index,
    overscan: 6,
    anchorTo: 'end',
    // Follow new messages only while this window reaches the newest one; otherwise a reader parked at the
    // bottom of an older window would be dragged along by every page loaded below.
    followOnAppend: !query.hasNextPage,
  });

  // Opening a window fetches from the source: refresh the chat list's counts once it has.
  const queryClient = useQueryClient();
  const firstLoaded = firstPage !== undefined;
  useEffect(() => {
    if (firstLoaded) void queryClient.invalidateQueries({ queryKey: queryKeys.chats() });
  }, [firstLoaded, queryClient]);

  const offlineReason =
    pages?.find((page) => page.offline)?.offlineReason?.message ??
    (pages?.some((page) => page.offline) ? 'The source could not be reached.' : null);
  useEffect(() => onOfflineChange(offlineReason), [offlineReason, onOfflineChange]);

  const ready = useWindowPlacement({
    virtualizer,
    scrollRef,
    firstPage,
    count: messages.length,
    placeAtEnd: target.kind === 'latest',
    focusOnPlace,
  });

  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;
  const { hasPreviousPage, hasNextPage, fetchPreviousPage, fetchNextPage } = query;

  useEdgePaging(query, { ready, count: messages.length, firstVisible: firstIndex, lastVisible: lastIndex });
  // Reply quotes drawn now whose original this window has not loaded: read (or fetched) by id.
  const quotedElsewhere = items.flatMap((item) => {
    const replyToId = messages[item.index]?.replyToId;
    return replyToId && !indexById.has(replyToId) ? [replyToId] : [];
  });
  const quoted = useQuotedMessages(chatId, quotedElsewhere);

  const jumpToMessage = useCallback(
    (messageId: string) => {
      const index = indexById.get(messageId);
      setHighlightId(messageId);
      if (index !== undefined) virtualizer.scrollToIndex(index, { align: 'center' });
      else onJump({ kind: 'aroundMessage', messageId });
    },
    [indexById, virtualizer, onJump],
  );

  const jumpToLatest = useCallback(() => {
    if (!hasNextPage) virtualizer.scrollToEnd();
    else onJump({ kind: 'latest' });
  }, [hasNextPage, virtualizer, onJump]);
  useAppCommand('jumpToLatest', jumpToLatest);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      return selection.selectAll();
    }
    if (event.key === 'Escape' && selection.active) {
      event.preventDefault();
      return selection.clear();
    }
    const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-index]');
    const action = historyKeyAction(event, {
      reachedOldest,
      hasPreviousPage,
      focusedIndex: focused ? Number(focused.dataset.index) : null,
      count: messages.length,
    });
    if (!action) return;
    event.preventDefault();
    switch (action.kind) {
      case 'latest':
        return jumpToLatest();
      case 'firstLoaded':
        return virtualizer.scrollToIndex(0, { align: 'start' });
      case 'beginning':
        return onJump({ kind: 'aroundDate', date: BEGINNING_OF_TIME });
      case 'focus':
        virtualizer.scrollToIndex(action.index, { align: 'auto' });
        requestAnimationFrame(() =>
          scrollRef.current?.querySelector<HTMLElement>(`[data-index="${action.index}"] [data-message-id]`)?.focus(),
        );
    }
  };

  const scrollOffset = virtualizer.scrollOffset ?? 0;
  const viewportHeight = virtualizer.scrollRect?.height ?? 0;
  const awayFromLatest = hasNextPage || virtualizer.getTotalSize() - (scrollOffset + viewportHeight) > 400;

  // New messages stored while this window is open (pushed updates, a refresh): a window that reaches the
  // newest message pages on to them (from the cache, no request); the reader at the bottom follows them,
  // one scrolled up keeps their place and sees how many arrived on the jump-to-latest button.
  const [arrivedAway, setArrivedAway] = useState(0);
  const awayRef = useRef(awayFromLatest);
  awayRef.current = awayFromLatest;
  useNewMessagesArrived(chatId, (added) => {
    const wasAway = awayRef.current;
    if (wasAway) setArrivedAway((count) => count + added);
    if (hasNextPage) return;
    queryClient.setQueryData<InfiniteData<HistoryPage>>(queryKeys.history.window(chatId, topicId, windowKey), (data) => {
      if (!data || data.pages.length === 0) return data;
      const last = data.pages.length - 1;
      return { ...data, pages: data.pages.map((page, index) => (index === last ? { ...page, reachedNewest: false } : page)) };
    });
    void fetchNextPage().then(() => {
      if (!wasAway) requestAnimationFrame(() => virtualizer.scrollToEnd());
    });
  });
  useEffect(() => {
    if (!awayFromLatest) setArrivedAway(0);
  }, [awayFromLatest]);
  // How many messages are newer than the bottom one in view (on this computer), for the jump-to-latest button.
  const bottomItem = items.findLast((item) => item.start < scrollOffset + viewportHeight);
  const newer = useNewerCount(chatId, awayFromLatest ? (messages[bottomItem?.index ?? -1]?.date ?? null) : null);
  const newerWords = newer === null ? null : `${formatCount(newer.count)}${newer.more ? '+' : ''}`;

  if (query.isPending)
    return (
      <div className="history-status" role="status">
        Loading messages…
      </div>
    );
  if (query.isError && messages.length === 0) {
    return (
      <div className="history-status">
        <SourceErrorNotice key={query.errorUpdatedAt} error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  if (messages.length === 0) return <div className="history-status">This chat has no messages.</div>;

  return (
    <div className="history">
      <DateChip scrollRef={scrollRef} />
      {query.isFetchingPreviousPage && (
        <div className="edge-status top" role="status">
          Loading older messages…
        </div>
      )}
      {query.isFetchPreviousPageError && (
        <div className="edge-status top">
          <SourceErrorNotice key={query.errorUpdatedAt} compact error={query.error!} onRetry={() => void fetchPreviousPage()} />
        </div>
      )}
      <div
        ref={scrollRef}
        className="message-scroller"
        data-testid="message-scroller"
        data-loaded-count={messages.length}
        data-oldest-loaded-id={messages[0]?.id}
        data-page-count={pages?.length ?? 0}
        tabIndex={0}
        role="list"
        aria-label={`Messages in ${chatName}`}
        aria-busy={query.isFetching}
        aria-multiselectable={selection.active || undefined}
        onKeyDown={onKeyDown}
        onContextMenu={(event) => {
          const message = messageAt(event.target);
          if (!message) return;
          event.preventDefault();
          setMenu({ message, x: event.clientX, y: event.clientY });
        }}
        onClickCapture={(event) => {
          // Selection mode: a click anywhere on a message selects it (its links and buttons wait).
          const message = messageAt(event.target);
          if (!message || (!selection.active && !event.shiftKey)) return;
          if (!selection.active && window.getSelection()?.isCollapsed === false) return;
          event.preventDefault();
          event.stopPropagation();
          if (event.shiftKey) {
            window.getSelection()?.removeAllRanges();
            selection.extendTo(message.id);
          } else selection.toggle(message.id);
        }}
        onCopy={(event) => {
          // Copied messages are a transcript ("[12 Mar 2021 14:02] Ana: text"), not the row's pieces on lines.
          const text = selection.active ? selectedTranscript() : transcriptOfTextSelection(messages, indexById);
          if (text === null) return;
          event.preventDefault();
          event.clipboardData.setData('text/plain', text);
        }}
      >
        <div className="message-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const message = messages[item.index]!;
            const previous: Neighbour | null = item.index > 0 ? neighbourOf(messages[item.index - 1]!) : (firstPage?.previous ?? null);
            const { startsDay, startsGroup } = rowPlacement(message, previous);
            const replyIndex = message.replyToId ? indexById.get(message.replyToId) : undefined;
            const quotedOriginal = message.replyToId && replyIndex === undefined ? quoted.get(message.replyToId) : undefined;
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className="message-row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <MessageRow
                  message={message}
                  startsDay={startsDay}
                  startsGroup={startsGroup}
                  startsChat={item.index === 0 && reachedOldest}
                  highlighted={message.id === highlightId}
                  selected={selection.active ? selection.ids.has(message.id) : null}
                  replyTo={replyIndex === undefined ? (quotedOriginal ?? null) : messages[replyIndex]!}
                  replyUnavailable={quotedOriginal === null}
                  onReplyClick={jumpToMessage}
                  topicTitle={topicId === null && message.topicId ? (topicTitles.get(message.topicId) ?? null) : null}
                />
              </div>
            );
          })}
        </div>
      </div>
      {query.isFetchingNextPage && (
        <div className="edge-status bottom" role="status">
          Loading newer messages…
        </div>
      )}
      {query.isFetchNextPageError && (
        <div className="edge-status bottom">
          <SourceErrorNotice key={query.errorUpdatedAt} compact error={query.error!} onRetry={() => void fetchNextPage()} />
        </div>
      )}
      {selection.active && (
        <SelectionBar
          count={selection.ids.size}
          onCopy={() => void copyText(selectedTranscript())}
          onExport={() => onExportSelection(selection.ordered())}
          onClear={selection.clear}
        />
      )}
      {menu && (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          onClose={closeMenu}
          items={messageMenuItems(menu.message, {
            select: () => selection.toggle(menu.message.id),
            selected: selection.ids.has(menu.message.id),
          })}
        />
      )}
      {awayFromLatest && (
        <button
          type="button"
          className="jump-latest"
          onClick={jumpToLatest}
          aria-label={`Jump to latest message${newerWords ? `: ${newerWords} newer on this computer` : ''}${arrivedAway > 0 ? `, ${arrivedAway} new since you scrolled up` : ''}`}
          title={`Jump to latest (Ctrl+End)${newerWords ? ` · ${newerWords} newer messages on this computer` : ''}`}
          data-testid="jump-latest"
        >
          ↓
          {arrivedAway > 0 ? (
            <span className="jump-latest-count" data-testid="arrived-count">
              {arrivedAway > 999 ? '999+' : arrivedAway}
            </span>
          ) : (
            newer !== null &&
            newer.count > 0 && (
              <span className="jump-latest-count newer" data-testid="newer-count">
                {formatCompactCount(newer.count)}
                {newer.more ? '+' : ''}
              </span>
            )
          )}
        </button>
      )}
    </div>
  );
}
