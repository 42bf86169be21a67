import type { ChatKind } from '../../../../shared/domain.ts';
import { ContextMenu } from '../../app/ContextMenu.tsx';
import { useT } from '../../i18n/translate.ts';
import { copyText } from '../../app/copyText.ts';
import { DateChip } from './DateChip.tsx';
import type { WindowTarget } from './historyWindow.ts';
import { SourceErrorNotice } from './SourceErrorNotice.tsx';
import { SelectionBar } from './SelectionBar.tsx';
import { SenderNames } from './SenderNames.tsx';
import { messageMenuItems } from './messageMenuItems.ts';
import { useHistoryList } from './useHistoryList.ts';
import { HistoryRows } from './HistoryRows.tsx';
import { EdgeStatus } from './EdgeStatus.tsx';
import { JumpToLatestButton } from './JumpToLatestButton.tsx';

interface HistoryListProps {
  chatId: number;
  chatName: string;
  /** A group shows senders' names and avatars; a private chat or a channel does not. */
  chatKind: ChatKind;
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
  chatKind,
  target,
  windowKey,
  onJump,
  onOfflineChange,
  focusOnPlace,
  onExportSelection,
  topicId,
  topicTitles,
}: HistoryListProps) {
  const list = useHistoryList({ chatId, target, windowKey, topicId, onJump, onOfflineChange, focusOnPlace });
  const { query, pages, messages, firstPage, scrollRef, selection, pointer, virtualizer, jumpToLatest, follow } = list;
  const menu = pointer.menu;
  const t = useT();

  if (query.isPending)
    return (
      <div className="history-status" role="status">
        {t('history.list.loading')}
      </div>
    );
  if (query.isError && messages.length === 0) {
    return (
      <div className="history-status">
        <SourceErrorNotice key={query.errorUpdatedAt} error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  if (messages.length === 0) return <div className="history-status">{t('history.list.empty')}</div>;
  const edgeError = { error: query.error, errorUpdatedAt: query.errorUpdatedAt };
  return (
    <div className="history">
      <DateChip scrollRef={scrollRef} />
      <EdgeStatus
        edge="top"
        loading={query.isFetchingPreviousPage}
        failed={query.isFetchPreviousPageError}
        {...edgeError}
        onRetry={() => void query.fetchPreviousPage()}
      />
      <div
        ref={scrollRef}
        className="message-scroller"
        data-testid="message-scroller"
        data-loaded-count={messages.length}
        data-oldest-loaded-id={messages[0]?.id}
        data-page-count={pages?.length ?? 0}
        // Not a Tab stop itself while a message is (roving tabindex): Tab lands on the last message in view.
        tabIndex={list.tabbableId === null ? 0 : -1}
        onFocus={list.onFocusMessage}
        onBlur={list.onBlurList}
        role="list"
        aria-label={t('history.list.label', { chat: chatName })}
        aria-busy={query.isFetching}
        data-selecting={selection.active || undefined}
        onKeyDown={list.onKeyDown}
        {...pointer.handlers}
      >
        <HistoryRows
          virtualizer={virtualizer}
          messages={messages}
          indexById={list.indexById}
          previousOfFirst={firstPage?.previous ?? null}
          reachedOldest={list.reachedOldest}
          highlightId={list.highlightId}
          tabbableId={list.tabbableId}
          showSenders={chatKind === 'group'}
          selection={selection}
          quoted={list.quoted}
          onReplyClick={list.jumpToMessage}
          topicTitleOf={(message) => (topicId === null && message.topicId ? (topicTitles.get(message.topicId) ?? null) : null)}
        />
      </div>
      <EdgeStatus
        edge="bottom"
        loading={query.isFetchingNextPage}
        failed={query.isFetchNextPageError}
        {...edgeError}
        onRetry={() => void query.fetchNextPage()}
      />
      {selection.active && (
        <SelectionBar
          count={selection.ids.size}
          onCopy={() => void copyText(pointer.selectedTranscript())}
          onExport={() => onExportSelection(selection.ordered())}
          onClear={selection.clear}
        />
      )}
      {menu && (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          onClose={pointer.closeMenu}
          items={messageMenuItems(menu.message, {
            select: () => selection.toggle(menu.message.id),
            selected: selection.ids.has(menu.message.id),
          })}
        />
      )}
      <SenderNames messages={messages} />
      <div className="history-sr-only" aria-live="polite" data-testid="new-messages-announcement">
        {list.announcement}
      </div>
      {follow.awayFromLatest && <JumpToLatestButton arrivedAway={follow.arrivedAway} newer={follow.newer} onClick={jumpToLatest} />}
    </div>
  );
}
