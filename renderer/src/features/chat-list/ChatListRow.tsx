import { memo } from 'react';
import type { ChatSummary } from '../../../../shared/domain.ts';
import { useT } from '../../i18n/translate.ts';
import { ChatItem } from './ChatItem.tsx';
import type { ListRow } from './chatListRows.ts';

interface ChatListRowProps {
  row: ListRow;
  selectedChatId: number | null;
  tabStop: number | null;
  onToggleArchive(sourceId: string): void;
  onSelectChat(chatId: number): void;
  onMenu(chat: ChatSummary, x: number, y: number): void;
  /** Today's local day key (localDayKey): a chat's date says a time today and a date before, so a new day redraws every row. */
  today: number;
}

/** The same row: the list's rows are built anew on every refresh, around chat objects that stay the same while unchanged. */
function sameRow(a: ListRow, b: ListRow): boolean {
  switch (a.kind) {
    case 'chat':
      return b.kind === 'chat' && a.chat === b.chat;
    case 'group':
      return b.kind === 'group' && a.sourceId === b.sourceId && a.name === b.name && a.sourceKind === b.sourceKind;
    case 'archive':
      return b.kind === 'archive' && a.sourceId === b.sourceId && a.count === b.count && a.open === b.open;
  }
}

/**
 * One row of the list: a source's title, an "Archived chats" fold, or a chat (accounts are logged out of in
 * Settings). Memoised: a refreshed list (a message arriving in one chat) re-renders only the rows that changed.
 */
export const ChatListRow = memo(
  ChatListRowContent,
  (before: ChatListRowProps, after: ChatListRowProps) =>
    sameRow(before.row, after.row) &&
    before.selectedChatId === after.selectedChatId &&
    before.tabStop === after.tabStop &&
    before.today === after.today &&
    before.onToggleArchive === after.onToggleArchive &&
    before.onSelectChat === after.onSelectChat &&
    before.onMenu === after.onMenu,
);

function ChatListRowContent({ row, selectedChatId, tabStop, onToggleArchive, onSelectChat, onMenu }: ChatListRowProps) {
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
