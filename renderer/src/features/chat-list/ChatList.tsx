import { useCallback, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ChatSummary, SourceKind } from '../../../../shared/domain.ts';
import type { SourceKindInfo } from '../../../../shared/ipc/contract.ts';
import { useAppCommand } from '../../app/appCommands.ts';
import { VirtualRow } from '../../ui/VirtualRow.tsx';
import { AddMenu } from './AddMenu.tsx';
import { IconButton } from '../../app/IconButton.tsx';
import { useT } from '../../i18n/translate.ts';
import { localDayKey } from '../../format/formatDates.ts';
import { chatListRows } from './chatListRows.ts';
import { ChatListRow } from './ChatListRow.tsx';
import { ChatContextMenu } from './ChatContextMenu.tsx';
import { useChatListFocus } from './useChatListFocus.ts';

interface ChatListProps {
  chats: ChatSummary[];
  loading: boolean;
  error: Error | null;
  selectedChatId: number | null;
  onSelect(chatId: number): void;
  /** The chat's context menu: Export chat…. */
  onExport(chat: ChatSummary): void;
  /** The kinds of source this build has (from main's provider registry), for "add" and "remove". */
  sourceKinds: SourceKindInfo[];
  onAddSource(kind: SourceKind): void;
  onOpenSettings(): void;
}

/**
 * The sidebar: chats grouped by source, with a filter box (Ctrl+K; Enter opens the first match, ↓ goes into
 * the list). The list is virtualized (5,000 chats draw a screenful of rows) and is one Tab stop: arrows,
 * Home/End, PageUp/PageDown and type-ahead move within it, Enter opens.
 */
export function ChatList({
  chats,
  loading,
  error,
  selectedChatId,
  onSelect,
  onExport,
  sourceKinds,
  onAddSource,
  onOpenSettings,
}: ChatListProps) {
  const t = useT();
  const [menu, setMenu] = useState<{ chat: ChatSummary; x: number; y: number } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const [filter, setFilter] = useState('');
  const filterRef = useRef<HTMLInputElement>(null);
  useAppCommand('focusChatFilter', () => filterRef.current?.focus());

  const [openArchives, setOpenArchives] = useState<ReadonlySet<string>>(() => new Set());
  const rows = useMemo(() => chatListRows(chats, filter, openArchives), [chats, filter, openArchives]);
  const toggleArchive = useCallback(
    (sourceId: string) =>
      setOpenArchives((open) => {
        const next = new Set(open);
        if (!next.delete(sourceId)) next.add(sourceId);
        return next;
      }),
    [],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => {
      const row = rows[index];
      if (row?.kind === 'group' || row?.kind === 'archive') return 30;
      return 58;
    },
    getItemKey: (index) => {
      const row = rows[index]!;
      return row.kind === 'chat' ? row.chat.id : `${row.kind}:${row.sourceId}`;
    },
    overscan: 8,
  });
  const focus = useChatListFocus({ rows, selectedChatId, virtualizer, scrollRef, filterRef });
  // Stable across renders, so a refreshed list (a new message in one chat) re-renders only the rows whose chat changed.
  const { setActiveId } = focus;
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const selectChat = useCallback(
    (chatId: number) => {
      setActiveId(chatId);
      onSelectRef.current(chatId);
    },
    [setActiveId],
  );
  const openMenu = useCallback((chat: ChatSummary, x: number, y: number) => setMenu({ chat, x, y }), []);
  const today = localDayKey(Date.now());

  return (
    <nav className="sidebar" aria-label={t('chatList.label')} data-region="sidebar">
      <div className="sidebar-top">
        <input
          ref={filterRef}
          className="chat-filter"
          type="search"
          placeholder={t('chatList.filter.placeholder')}
          aria-label={t('chatList.filter.label')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          onKeyDown={(event) => focus.onFilterKey(event, onSelect)}
          data-testid="chat-filter"
        />
        <AddMenu sourceKinds={sourceKinds} onAddSource={onAddSource} />
        <IconButton icon="settings" label={t('settings.open')} onClick={onOpenSettings} data-testid="open-settings" />
      </div>
      {loading && <div className="sidebar-note">{t('chatList.loading')}</div>}
      {error && <div className="sidebar-note error">{t('chatList.failed', { reason: error.message })}</div>}
      {!loading && focus.chatCount === 0 && <div className="sidebar-note">{filter ? t('chatList.noMatch') : t('chatList.none')}</div>}
      <div
        ref={scrollRef}
        className="chat-scroller"
        role="list"
        aria-label={t('chatList.label')}
        onKeyDown={focus.onListKey}
        data-testid="chat-scroller"
      >
        <div className="chat-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <VirtualRow key={item.key} item={item} measureElement={virtualizer.measureElement} className="chat-row" role="listitem">
                <ChatListRow
                  row={row}
                  selectedChatId={selectedChatId}
                  tabStop={focus.tabStop}
                  onToggleArchive={toggleArchive}
                  onSelectChat={selectChat}
                  onMenu={openMenu}
                  today={today}
                />
              </VirtualRow>
            );
          })}
        </div>
      </div>
      {menu && <ChatContextMenu menu={menu} onClose={closeMenu} onExport={onExport} />}
    </nav>
  );
}
