import type { Virtualizer } from '@tanstack/react-virtual';
import type { ChatMessage } from '../../../../shared/domain.ts';
import { VirtualRow } from '../../ui/VirtualRow.tsx';
import { MessageRow } from './MessageRow.tsx';
import { endsRun, neighbourOf, rowPlacement, type Neighbour } from './rowPlacement.ts';
import type { MessageSelection } from './useMessageSelection.ts';

/**
 * The rows drawn now (each a listitem): each message with its day and sender breaks, its reply quote and
 * selection state; one of them (`tabbableId`) is the list's only Tab stop.
 */
export function HistoryRows({
  virtualizer,
  messages,
  indexById,
  previousOfFirst,
  reachedOldest,
  highlightId,
  tabbableId,
  showSenders,
  selection,
  quoted,
  onReplyClick,
  topicTitleOf,
}: {
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  messages: readonly ChatMessage[];
  indexById: ReadonlyMap<string, number>;
  /** The message before the first loaded one (for its day and sender breaks), if any. */
  previousOfFirst: Neighbour | null;
  reachedOldest: boolean;
  highlightId: string | null;
  /** The message Tab lands on (roving tabindex). */
  tabbableId: string | null;
  /** A group chat: names and avatars beside runs. */
  showSenders: boolean;
  selection: MessageSelection;
  /** Originals of reply quotes that this window has not loaded (null: not available). */
  quoted: ReadonlyMap<string, ChatMessage | null>;
  onReplyClick(messageId: string): void;
  topicTitleOf(message: ChatMessage): string | null;
}) {
  return (
    <div className="message-canvas" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const message = messages[item.index]!;
        const previous = item.index > 0 ? neighbourOf(messages[item.index - 1]!) : previousOfFirst;
        const { startsDay, startsGroup } = rowPlacement(message, previous);
        const endsGroup = endsRun(message, messages[item.index + 1] ?? null);
        const replyIndex = message.replyToId ? indexById.get(message.replyToId) : undefined;
        const quotedOriginal = message.replyToId && replyIndex === undefined ? quoted.get(message.replyToId) : undefined;
        return (
          <VirtualRow key={item.key} item={item} measureElement={virtualizer.measureElement} className="message-row" role="listitem">
            <MessageRow
              message={message}
              startsDay={startsDay}
              startsGroup={startsGroup}
              endsGroup={endsGroup}
              showSenders={showSenders}
              tabbable={message.id === tabbableId}
              startsChat={item.index === 0 && reachedOldest}
              highlighted={message.id === highlightId}
              selected={selection.active ? selection.ids.has(message.id) : null}
              replyTo={replyIndex === undefined ? (quotedOriginal ?? null) : messages[replyIndex]!}
              replyUnavailable={quotedOriginal === null}
              onReplyClick={onReplyClick}
              topicTitle={topicTitleOf(message)}
            />
          </VirtualRow>
        );
      })}
    </div>
  );
}
