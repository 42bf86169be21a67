import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useQueryClient } from '@tanstack/react-query';
import type { ChatMessage } from '../../../../shared/domain.ts';
import type { PreviousMessageSummary } from '../../../../shared/history.ts';
import { formatDay, localDayKey } from '../../format/formatDates.ts';
import { useAppCommand } from '../../app/appCommands.ts';
import { estimateRowHeight } from './estimateRowHeight.ts';
import { BEGINNING_OF_TIME, type WindowTarget } from './historyWindow.ts';
import { MessageRow } from './MessageRow.tsx';
import { SourceErrorNotice } from './SourceErrorNotice.tsx';
import { useHistoryWindow } from './useHistoryWindow.ts';

/** Rows from the edge at which the next page is requested. */
const LOAD_THRESHOLD_ROWS = 10;
const GROUP_GAP_MS = 10 * 60_000;

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
}

type Neighbour = Pick<PreviousMessageSummary, 'date' | 'senderId' | 'service'>;

function summaryOf(message: ChatMessage): Neighbour {
  return { date: message.date, senderId: message.senderId, service: message.service !== null };
}

/**
 * One window of history: a virtualized list anchored at the end. Only loaded messages are counted (never
 * the whole chat), rows are keyed by message id, and the virtualizer keeps the row at the top of the
 * viewport in place when pages are added or dropped above it, so content never jumps.
 */
export function HistoryList({ chatId, chatName, target, windowKey, onJump, onOfflineChange, focusOnPlace }: HistoryListProps) {
  const query = useHistoryWindow(chatId, target, windowKey);
  const pages = query.data?.pages;
  const messages = useMemo(() => pages?.flatMap((page) => page.messages) ?? [], [pages]);
  const firstPage = pages?.[0];
  const reachedOldest = firstPage?.reachedOldest ?? false;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [highlightId, setHighlightId] = useState<string | null>(target.kind === 'aroundMessage' ? target.messageId : null);
  const [ready, setReady] = useState(false);
  const positioned = useRef(false);

  const indexById = useMemo(() => {
    const map = new Map<string, number>();
    messages.forEach((message, index) => map.set(message.id, index));
    return map;
  }, [messages]);

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
    if (firstLoaded) void queryClient.invalidateQueries({ queryKey: ['chats'] });
  }, [firstLoaded, queryClient]);

  const offlineReason =
    pages?.find((page) => page.offline)?.offlineReason?.message ??
    (pages?.some((page) => page.offline) ? 'The source could not be reached.' : null);
  useEffect(() => onOfflineChange(offlineReason), [offlineReason, onOfflineChange]);

  // Place the window once its first page is in: at the end for the newest messages, else centred on the target.
  useLayoutEffect(() => {
    if (positioned.current || !firstPage || messages.length === 0) return;
    positioned.current = true;
    const place = () => {
      if (target.kind === 'latest') virtualizer.scrollToEnd();
      else virtualizer.scrollToIndex(Math.min(firstPage.anchorIndex ?? 0, messages.length - 1), { align: 'center' });
    };
    place();
    if (focusOnPlace) scrollRef.current?.focus({ preventScroll: true });
    // Rows near the target are measured in the next frames; placing again once they are keeps the target
    // exactly centred. Paging starts only after that, so a prepend never races the placement.
    let frames = 0;
    const settle = () => {
      frames++;
      if (frames === 2 || frames === 4) place();
      if (frames < 6) requestAnimationFrame(settle);
      else setReady(true);
    };
    requestAnimationFrame(settle);
  }, [firstPage, messages.length, target.kind, virtualizer, focusOnPlace]);

  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;
  const { hasPreviousPage, hasNextPage, isFetching, isFetchPreviousPageError, isFetchNextPageError, fetchPreviousPage, fetchNextPage } =
    query;

  // One direction at a time, triggered by index (not pixels).
  useEffect(() => {
    if (!ready || isFetching || messages.length === 0) return;
    if (firstIndex < LOAD_THRESHOLD_ROWS && hasPreviousPage && !isFetchPreviousPageError) void fetchPreviousPage();
    else if (lastIndex >= messages.length - LOAD_THRESHOLD_ROWS && hasNextPage && !isFetchNextPageError) void fetchNextPage();
  }, [
    ready,
    isFetching,
    firstIndex,
    lastIndex,
    messages.length,
    hasPreviousPage,
    hasNextPage,
    isFetchPreviousPageError,
    isFetchNextPageError,
    fetchPreviousPage,
    fetchNextPage,
  ]);

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
    if (event.key === 'End' && !event.ctrlKey) {
      event.preventDefault();
      jumpToLatest();
    } else if (event.key === 'Home' && !event.ctrlKey) {
      event.preventDefault();
      if (reachedOldest && !hasPreviousPage) virtualizer.scrollToIndex(0, { align: 'start' });
      else onJump({ kind: 'aroundDate', date: BEGINNING_OF_TIME });
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const current = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-index]');
      if (!current) return;
      event.preventDefault();
      const next = Number(current.dataset.index) + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0 || next >= messages.length) return;
      virtualizer.scrollToIndex(next, { align: 'auto' });
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"] [data-message-id]`)?.focus());
    }
  };

  const scrollOffset = virtualizer.scrollOffset ?? 0;
  const viewportHeight = virtualizer.scrollRect?.height ?? 0;
  const awayFromLatest = hasNextPage || virtualizer.getTotalSize() - (scrollOffset + viewportHeight) > 400;
  const topItem = items.find((item) => item.end > scrollOffset + 1);
  const stickyDate = topItem ? messages[topItem.index]?.date : undefined;

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
      {stickyDate !== undefined && (
        <div className="sticky-date" aria-hidden="true">
          {formatDay(stickyDate)}
        </div>
      )}
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
        onKeyDown={onKeyDown}
      >
        <div className="message-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const message = messages[item.index]!;
            const previous: Neighbour | null = item.index > 0 ? summaryOf(messages[item.index - 1]!) : (firstPage?.previous ?? null);
            const startsDay = !previous || localDayKey(previous.date) !== localDayKey(message.date);
            const startsGroup =
              startsDay ||
              !previous ||
              previous.service ||
              previous.senderId !== message.senderId ||
              message.date - previous.date > GROUP_GAP_MS;
            const replyIndex = message.replyToId ? indexById.get(message.replyToId) : undefined;
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
                  replyTo={replyIndex === undefined ? null : messages[replyIndex]!}
                  onReplyClick={jumpToMessage}
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
      {awayFromLatest && (
        <button
          type="button"
          className="jump-latest"
          onClick={jumpToLatest}
          aria-label="Jump to latest message"
          title="Jump to latest (Ctrl+End)"
        >
          ↓
        </button>
      )}
    </div>
  );
}
