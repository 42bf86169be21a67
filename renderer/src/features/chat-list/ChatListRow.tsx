import type { ChatSummary, SourceKind } from '../../../../shared/domain.ts';
import type { SourceKindInfo } from '../../../../shared/ipc/contract.ts';
import { formatCount } from '../../format/formatDates.ts';
import { ChatItem } from './ChatItem.tsx';
import type { ListRow } from './chatListRows.ts';

/** One row of the list: a source's title (with its remove action), an "Archived chats" fold, or a chat. */
export function ChatListRow({
  row,
  selectedChatId,
  tabStop,
  sourceKinds,
  onToggleArchive,
  onRemoveSource,
  onSelectChat,
  onMenu,
}: {
  row: ListRow;
  selectedChatId: number | null;
  tabStop: number | null;
  sourceKinds: SourceKindInfo[];
  onToggleArchive(sourceId: string): void;
  onRemoveSource(sourceId: string, name: string, kind: SourceKind): void;
  onSelectChat(chatId: number): void;
  onMenu(chat: ChatSummary, x: number, y: number): void;
}) {
  if (row.kind === 'archive')
    return (
      <button
        type="button"
        className="chat-archive-toggle"
        tabIndex={-1}
        aria-expanded={row.open}
        onClick={() => onToggleArchive(row.sourceId)}
        data-testid="chat-archive-toggle"
      >
        {row.open ? '▾' : '▸'} Archived chats ({formatCount(row.count)})
      </button>
    );
  if (row.kind === 'group')
    return (
      <h2 className="chat-group-title">
        {row.name}
        {row.sourceKind !== 'demo' && row.sourceKind !== 'import' && (
          <button
            type="button"
            className="source-action"
            tabIndex={-1}
            onClick={() => onRemoveSource(row.sourceId, row.name, row.sourceKind)}
            data-testid={`remove-source-${row.sourceKind}`}
          >
            {sourceKinds.find((info) => info.kind === row.sourceKind)?.removeLabel ?? 'Remove'}
          </button>
        )}
      </h2>
    );
  return (
    <ChatItem
      chat={row.chat}
      selected={row.chat.id === selectedChatId}
      tabbable={row.chat.id === tabStop}
      onSelect={() => onSelectChat(row.chat.id)}
      onMenu={(x, y) => onMenu(row.chat, x, y)}
    />
  );
}
