import { ChatAvatar } from '../media/ChatAvatar.tsx';
import { MediaStorage } from '../media/MediaStorage.tsx';
import { RefreshSchedule } from '../live/RefreshSchedule.tsx';
import { WhatsAppTimeZoneChooser } from '../import/WhatsAppTimeZoneChooser.tsx';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ChatSummary, MessageKind, SourceKind } from '../../../../shared/domain.ts';
import type { SourceKindInfo } from '../../../../shared/ipc/contract.ts';
import { useAppCommand } from '../../app/appCommands.ts';
import { ContextMenu } from '../../app/ContextMenu.tsx';
import { formatCount, formatListDate } from '../../format/formatDates.ts';

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
  /** Removes a source (after confirming): a Telegram account is logged out. */
  onRemoveSource(sourceId: string, name: string, kind: SourceKind): void;
}

/** What changed in a chat's archive since the user last looked: new, edited, deleted (on this computer). */
function ChatChangesLine({ changes }: { changes: ChatSummary['changesSinceLook'] }) {
  if (!changes || changes.added + changes.edited + changes.deleted === 0) return null;
  const parts = [
    changes.added > 0 ? (
      <span key="a" className="added">
        {formatCount(changes.added)} new
      </span>
    ) : null,
    changes.edited > 0 ? <span key="e">{formatCount(changes.edited)} edited</span> : null,
    changes.deleted > 0 ? <span key="d">{formatCount(changes.deleted)} deleted at the source</span> : null,
  ].filter((part) => part !== null);
  return (
    <span className="chat-changes" data-testid="chat-changes" title={`Since you last looked, ${formatListDate(changes.since)}`}>
      {parts.flatMap((part, index) => (index === 0 ? [part] : [' · ', part]))}
    </span>
  );
}

const KIND_WORDS: Partial<Record<MessageKind, string>> = {
  photo: 'Photo',
  video: 'Video',
  gif: 'GIF',
  sticker: 'Sticker',
  voice: 'Voice message',
  audio: 'Audio',
  file: 'File',
  poll: 'Poll',
  location: 'Location',
  contact: 'Contact',
};

/** The newest message on this computer, one line: "You: …" for yours, the sender's name in a group. */
function LastMessageLine({ chat }: { chat: ChatSummary }) {
  const last = chat.lastMessage;
  if (!last) return null;
  const what = last.text.replace(/\s+/g, ' ').trim() || KIND_WORDS[last.kind] || 'Message';
  const who = last.service ? null : last.out ? 'You' : chat.kind === 'private' ? null : last.senderName;
  return (
    <span className="chat-item-preview" dir="auto" data-testid="chat-preview">
      {who && <span className="chat-item-preview-sender">{who}: </span>}
      {what}
    </span>
  );
}

type ChatRow = { kind: 'chat'; chat: ChatSummary };
type ListRow =
  | { kind: 'group'; sourceId: string; name: string; sourceKind: SourceKind }
  | { kind: 'archive'; sourceId: string; count: number; open: boolean }
  | ChatRow;

/**
 * The list's rows: each source's name, then its chats (those the filter keeps; pinned first, as the query
 * orders them), then its archived chats behind one "Archived" row, shown when opened or when filtering.
 */
function chatListRows(chats: readonly ChatSummary[], filter: string, openArchives: ReadonlySet<string>): ListRow[] {
  const needle = filter.trim().toLocaleLowerCase();
  const bySource = new Map<string, { name: string; kind: SourceKind; chats: ChatSummary[]; archived: ChatSummary[] }>();
  for (const chat of chats) {
    if (needle && !chat.name.toLocaleLowerCase().includes(needle)) continue;
    const group = bySource.get(chat.sourceId) ?? { name: chat.sourceName, kind: chat.sourceKind, chats: [], archived: [] };
    (chat.archived ? group.archived : group.chats).push(chat);
    bySource.set(chat.sourceId, group);
  }
  return [...bySource.entries()].flatMap(([sourceId, group]) => {
    const open = needle !== '' || openArchives.has(sourceId);
    return [
      { kind: 'group' as const, sourceId, name: group.name, sourceKind: group.kind },
      ...group.chats.map((chat) => ({ kind: 'chat' as const, chat })),
      ...(group.archived.length > 0 ? [{ kind: 'archive' as const, sourceId, count: group.archived.length, open }] : []),
      ...(open ? group.archived.map((chat) => ({ kind: 'chat' as const, chat })) : []),
    ];
  });
}

/** One chat in the list: picture, name, last date, size, what changed since the last look. */
const ChatItem = memo(function ChatItem({
  chat,
  selected,
  tabbable,
  onSelect,
  onMenu,
}: {
  chat: ChatSummary;
  selected: boolean;
  tabbable: boolean;
  onSelect(): void;
  onMenu(x: number, y: number): void;
}) {
  return (
    <button
      type="button"
      className={`chat-item${selected ? ' selected' : ''}`}
      data-chat-id={chat.id}
      tabIndex={tabbable ? 0 : -1}
      aria-current={selected ? 'true' : undefined}
      onClick={onSelect}
      onContextMenu={(event) => {
        event.preventDefault();
        onMenu(event.clientX, event.clientY);
      }}
    >
      <ChatAvatar chat={chat} />
      <span className="chat-item-text">
        <span className="chat-item-name" dir="auto">
          {chat.pinned && (
            <span className="chat-pinned" title="Pinned at the source" aria-label="Pinned">
              📌{' '}
            </span>
          )}
          {chat.name}
        </span>
        <span className="chat-item-meta">
          {chat.lastMessageDate !== null && <span>{formatListDate(chat.lastMessageDate)}</span>}
          {chat.messageCount !== null && <span>{formatCount(chat.messageCount)} msgs</span>}
        </span>
        <LastMessageLine chat={chat} />
        {!selected && <ChatChangesLine changes={chat.changesSinceLook} />}
      </span>
    </button>
  );
});

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
  onRemoveSource,
}: ChatListProps) {
  const [menu, setMenu] = useState<{ chat: ChatSummary; x: number; y: number } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const [filter, setFilter] = useState('');
  const filterRef = useRef<HTMLInputElement>(null);
  useAppCommand('focusChatFilter', () => filterRef.current?.focus());

  const [openArchives, setOpenArchives] = useState<ReadonlySet<string>>(() => new Set());
  const rows = useMemo(() => chatListRows(chats, filter, openArchives), [chats, filter, openArchives]);
  const toggleArchive = (sourceId: string) =>
    setOpenArchives((open) => {
      const next = new Set(open);
      if (!next.delete(sourceId)) next.add(sourceId);
      return next;
    });
  const chatRows = useMemo(() => rows.flatMap((row, index) => (row.kind === 'chat' ? [index] : [])), [rows]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => {
      const row = rows[index];
      if (row?.kind === 'group' || row?.kind === 'archive') return 30;
      return row?.chat.lastMessage ? 76 : 58;
    },
    getItemKey: (index) => {
      const row = rows[index]!;
      return row.kind === 'chat' ? row.chat.id : `${row.kind}:${row.sourceId}`;
    },
    overscan: 8,
  });
  // One Tab stop for the list: the active chat (the open one, else the first); arrows move it.
  const [activeId, setActiveId] = useState<number | null>(null);
  const firstChat = chatRows.length > 0 ? (rows[chatRows[0]!] as ChatRow).chat.id : null;
  const visibleIds = useMemo(() => new Set(chatRows.map((index) => (rows[index] as ChatRow).chat.id)), [rows, chatRows]);
  const tabStop =
    activeId !== null && visibleIds.has(activeId)
      ? activeId
      : selectedChatId !== null && visibleIds.has(selectedChatId)
        ? selectedChatId
        : firstChat;
  const typed = useRef<{ text: string; at: number }>({ text: '', at: 0 });

  const focusChat = (rowIndex: number) => {
    const row = rows[rowIndex];
    if (row?.kind !== 'chat') return;
    setActiveId(row.chat.id);
    virtualizer.scrollToIndex(rowIndex, { align: 'auto' });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-chat-id="${row.chat.id}"]`)?.focus());
  };
  const onListKey = (event: React.KeyboardEvent) => {
    const current = chatRows.findIndex((index) => (rows[index] as ChatRow).chat.id === tabStop);
    const move = (to: number) => {
      event.preventDefault();
      if (chatRows.length > 0) focusChat(chatRows[Math.max(0, Math.min(chatRows.length - 1, to))]!);
    };
    if (event.key === 'ArrowDown') return move(current + 1);
    if (event.key === 'ArrowUp') return current <= 0 ? (event.preventDefault(), filterRef.current?.focus()) : move(current - 1);
    if (event.key === 'Home') return move(0);
    if (event.key === 'End') return move(chatRows.length - 1);
    if (event.key === 'PageDown') return move(current + 10);
    if (event.key === 'PageUp') return move(current - 10);
    // Type-ahead: letters typed within a moment find the next chat whose name starts with them.
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key !== ' ') {
      const now = performance.now();
      typed.current = { text: (now - typed.current.at < 800 ? typed.current.text : '') + event.key.toLocaleLowerCase(), at: now };
      const wanted = typed.current.text;
      const order = [
        ...chatRows.slice(current + (wanted.length === 1 ? 1 : 0)),
        ...chatRows.slice(0, current + (wanted.length === 1 ? 1 : 0)),
      ];
      const found = order.find((index) => (rows[index] as ChatRow).chat.name.toLocaleLowerCase().startsWith(wanted));
      if (found !== undefined) {
        event.preventDefault();
        focusChat(found);
      }
    }
  };

  return (
    <nav className="sidebar" aria-label="Chats">
      <input
        ref={filterRef}
        className="chat-filter"
        type="search"
        placeholder="Filter chats (Ctrl+K)"
        aria-label="Filter chats"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        onKeyDown={(event) => {
          // Enter opens the first match; the down arrow goes into the list.
          if (event.key === 'Enter' && firstChat !== null) {
            event.preventDefault();
            onSelect(firstChat);
          } else if (event.key === 'ArrowDown' && chatRows.length > 0) {
            event.preventDefault();
            focusChat(chatRows[0]!);
          }
        }}
        data-testid="chat-filter"
      />
      {loading && <div className="sidebar-note">Loading chats…</div>}
      {error && <div className="sidebar-note error">Could not list chats: {error.message}</div>}
      {!loading && chatRows.length === 0 && <div className="sidebar-note">{filter ? 'No chat matches.' : 'No chats.'}</div>}
      <div ref={scrollRef} className="chat-scroller" role="list" aria-label="Chats" onKeyDown={onListKey} data-testid="chat-scroller">
        <div className="chat-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className="chat-row"
                style={{ transform: `translateY(${item.start}px)` }}
                role={row.kind === 'chat' ? 'listitem' : 'presentation'}
              >
                {row.kind === 'archive' ? (
                  <button
                    type="button"
                    className="chat-archive-toggle"
                    tabIndex={-1}
                    aria-expanded={row.open}
                    onClick={() => toggleArchive(row.sourceId)}
                    data-testid="chat-archive-toggle"
                  >
                    {row.open ? '▾' : '▸'} Archived chats ({formatCount(row.count)})
                  </button>
                ) : row.kind === 'group' ? (
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
                ) : (
                  <ChatItem
                    chat={row.chat}
                    selected={row.chat.id === selectedChatId}
                    tabbable={row.chat.id === tabStop}
                    onSelect={() => {
                      setActiveId(row.chat.id);
                      onSelect(row.chat.id);
                    }}
                    onMenu={(x, y) => setMenu({ chat: row.chat, x, y })}
                  />
                )}
              </div>
            );
          })}
        </div>
      </div>
      {menu && (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          onClose={closeMenu}
          items={[
            { label: 'Export chat…', onSelect: () => onExport(menu.chat) },
            {
              label: "Keep this chat's media on this computer",
              checked: menu.chat.keepMedia,
              onSelect: () => void scrollback.setChatKeepMedia({ chatId: menu.chat.id, keep: !menu.chat.keepMedia }),
            },
          ]}
        />
      )}
      {sourceKinds.map(
        (info) =>
          info.addLabel && (
            <button
              key={info.kind}
              type="button"
              className="add-source"
              onClick={() => onAddSource(info.kind)}
              data-testid={`add-source-${info.kind}`}
            >
              + {info.addLabel}
            </button>
          ),
      )}
      <MediaStorage />
      <RefreshSchedule />
      <WhatsAppTimeZoneChooser />
    </nav>
  );
}
