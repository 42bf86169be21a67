import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
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
    jumpToLatest,
    onJump,
  });
  const follow = useFollowLatest(virtualizer, { chatId, topicId, windowKey, messages }, { hasNextPage, fetchNextPage });
  return {
    query,
    pages,
    messages,
    firstPage,
    reachedOldest,
    scrollRef,
    highlightId,
    indexById,
    selection,
    pointer,
    virtualizer,
    quoted,
    jumpToMessage,
    jumpToLatest,
    onKeyDown,
    follow,
  };
}
