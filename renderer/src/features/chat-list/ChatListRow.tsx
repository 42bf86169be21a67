import type { ChatSummary } from '../../../../shared/domain.ts';
import { useT } from '../../i18n/translate.ts';
import { ChatItem } from './ChatItem.tsx';
import type { ListRow } from './chatListRows.ts';

/** One row of the list: a source's title, an "Archived chats" fold, or a chat (accounts are logged out of in Settings). */
export function ChatListRow({
  row,
  selectedChatId,
  tabStop,
  onToggleArchive,
  onSelectChat,
  onMenu,
}: {
  row: ListRow;
  selectedChatId: number | null;
  tabStop: number | null;
  onToggleArchive(sourceId: string): void;
  onSelectChat(chatId: number): void;
  onMenu(chat: ChatSummary, x: number, y: number): void;
}) {
  const t = useT();
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
        {row.open ? '▾' : '▸'} {t('chatList.archived', { count: row.count })}
      </button>
    );
  if (row.kind === 'group') return <h2 className="chat-group-title">{row.name}</h2>;
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
