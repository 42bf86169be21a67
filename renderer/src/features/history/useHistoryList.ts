import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer, type VirtualItem, type Virtualizer } from '@tanstack/react-virtual';
import { useQueryClient } from '@tanstack/react-query';
import { useAppCommand } from '../../app/appCommands.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { estimateRowHeight } from './estimateRowHeight.ts';
import { useEdgePaging } from './useEdgePaging.ts';
import { useWindowPlacement } from './useWindowPlacement.ts';
import { BEGINNING_OF_TIME, type WindowTarget } from './historyWindow.ts';
import { useHistoryWindow } from './useHistoryWindow.ts';
import { useMessageSelection } from './useMessageSelection.ts';
import { useQuotedMessages } from './useQuotedMessages.ts';
import { useFollowLatest } from './useFollowLatest.ts';
import { useHistoryKeyDown } from './useHistoryKeyDown.ts';
import { useMessagePointer } from './useMessagePointer.ts';
import { useNewMessageAnnouncement } from './useNewMessageAnnouncement.ts';
import { useMessageControlsTabOrder } from './useMessageControlsTabOrder.ts';
import { translate } from '../../i18n/translate.ts';

/**
 * The state of one window of history (see HistoryList): its pages, the virtualizer over the loaded
 * messages, selection, the highlighted message, jumps, keys, paging at the edges and following the latest.
 */
export function useHistoryList({
  chatId,
  target,
  windowKey,
  topicId,
  onJump,
  onOfflineChange,
  focusOnPlace,
}: {
  chatId: number;
  target: WindowTarget;
  windowKey: string;
  topicId: string | null;
  onJump(target: WindowTarget): void;
  onOfflineChange(reason: string | null): void;
  focusOnPlace: boolean;
}) {
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
  const pointer = useMessagePointer(messages, indexById, selection);

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
    (pages?.some((page) => page.offline) ? translate('history.offline.unreachable') : null);
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
  const lastVisibleIndex = lastVisibleOf(items, virtualizer.scrollOffset ?? 0, virtualizer.scrollRect?.height ?? 0);
  // Roving tabindex: the focused message while focus is in the list (and it is in view), else the last in view.
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const focusedIndex = focusedId === null ? undefined : indexById.get(focusedId);
  const focusedInView =
    focusedIndex !== undefined && items.some((item) => item.index === focusedIndex) && isInView(virtualizer, focusedIndex);
  const tabbableId = focusedInView ? focusedId : lastVisibleIndex === null ? null : (messages[lastVisibleIndex]?.id ?? null);
  useMessageControlsTabOrder(scrollRef, tabbableId);
  const onFocusMessage = useCallback((event: React.FocusEvent) => {
    const id = (event.target as HTMLElement).dataset.messageId;
    if (id !== undefined) setFocusedId(id);
  }, []);
  // Focus leaving the list: the next Tab into it lands on the last message in view again.
  const onBlurList = useCallback((event: React.FocusEvent) => {
    if (!scrollRef.current?.contains(event.relatedTarget)) setFocusedId(null);
  }, []);
  const { hasPreviousPage, hasNextPage, fetchNextPage } = query;
  useEdgePaging(query, {
    ready,
    count: messages.length,
    firstVisible: items[0]?.index ?? 0,
    lastVisible: items[items.length - 1]?.index ?? 0,
  });
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
  const onKeyDown = useHistoryKeyDown({
    virtualizer,
    scrollRef,
    selection,
    reachedOldest,
    hasPreviousPage,
    count: messages.length,
    lastVisibleIndex,
    jumpToLatest,
    onJump,
    openMenu: pointer.openMenuFor,
  });
  const announcement = useNewMessageAnnouncement();
  const follow = useFollowLatest(
    virtualizer,
    { chatId, topicId, windowKey, messages },
    { hasNextPage, fetchNextPage },
    announcement.announce,
  );
  return {
    query,
    pages,
    messages,
    firstPage,
    reachedOldest,
    scrollRef,
    highlightId,
    tabbableId,
    onFocusMessage,
    onBlurList,
    indexById,
    selection,
    pointer,
    virtualizer,
    quoted,
    jumpToMessage,
    jumpToLatest,
    onKeyDown,
    follow,
    announcement: announcement.text,
  };
}

/** The last row fully in the viewport (else the last one partly in it); null when none is drawn. */
function lastVisibleOf(items: readonly VirtualItem[], scrollOffset: number, viewportHeight: number): number | null {
  const bottom = scrollOffset + viewportHeight;
  const inView = items.filter((item) => item.end > scrollOffset + 1 && item.start < bottom - 1);
  const whole = inView.filter((item) => item.end <= bottom + 1);
  return (whole.at(-1) ?? inView.at(-1))?.index ?? null;
}

function isInView(virtualizer: Virtualizer<HTMLDivElement, Element>, index: number): boolean {
  const item = virtualizer.measurementsCache[index];
  const top = virtualizer.scrollOffset ?? 0;
  return item !== undefined && item.end > top + 1 && item.start < top + (virtualizer.scrollRect?.height ?? 0) - 1;
}
