import { ChatAvatar } from '../media/ChatAvatar.tsx';
import { MediaStorage } from '../media/MediaStorage.tsx';
import { RefreshSchedule } from '../live/RefreshSchedule.tsx';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ChatSummary, SourceKind } from '../../../../shared/domain.ts';
import type { SourceKindInfo } from '../../../../shared/ipc/contract.ts';
import { useAppCommand } from '../../app/appCommands.ts';
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

/** The sidebar: chats grouped by source, with a filter box (Ctrl+K). */
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
  useEffect(() => {
    if (!menu) return;
    const close = () => setMenu(null);
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && close();
    window.addEventListener('click', close);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('click', close);
      window.removeEventListener('keydown', onKey);
    };
  }, [menu]);
  const [filter, setFilter] = useState('');
  const filterRef = useRef<HTMLInputElement>(null);
  useAppCommand('focusChatFilter', () => filterRef.current?.focus());

  const groups = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    const bySource = new Map<string, { name: string; kind: SourceKind; chats: ChatSummary[] }>();
    for (const chat of chats) {
      if (needle && !chat.name.toLocaleLowerCase().includes(needle)) continue;
      const group = bySource.get(chat.sourceId) ?? { name: chat.sourceName, kind: chat.sourceKind, chats: [] };
      group.chats.push(chat);
      bySource.set(chat.sourceId, group);
    }
    return [...bySource.entries()];
  }, [chats, filter]);

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
      />
      {loading && <div className="sidebar-note">Loading chats…</div>}
      {error && <div className="sidebar-note error">Could not list chats: {error.message}</div>}
      {!loading && groups.length === 0 && <div className="sidebar-note">{filter ? 'No chat matches.' : 'No chats.'}</div>}
      {groups.map(([sourceId, group]) => (
        <section key={sourceId} className="chat-group" aria-label={group.name}>
          <h2 className="chat-group-title">
            {group.name}
            {group.kind !== 'demo' && group.kind !== 'import' && (
              <button
                type="button"
                className="source-action"
                onClick={() => onRemoveSource(sourceId, group.name, group.kind)}
                data-testid={`remove-source-${group.kind}`}
              >
                {sourceKinds.find((info) => info.kind === group.kind)?.removeLabel ?? 'Remove'}
              </button>
            )}
          </h2>
          <ul className="chat-items">
            {group.chats.map((chat) => (
              <li key={chat.id}>
                <button
                  type="button"
                  className={`chat-item${chat.id === selectedChatId ? ' selected' : ''}`}
                  data-chat-id={chat.id}
                  aria-current={chat.id === selectedChatId ? 'true' : undefined}
                  onClick={() => onSelect(chat.id)}
                  onContextMenu={(event) => {
                    event.preventDefault();
                    setMenu({ chat, x: event.clientX, y: event.clientY });
                  }}
                >
                  <ChatAvatar chat={chat} />
                  <span className="chat-item-text">
                    <span className="chat-item-name" dir="auto">
                      {chat.name}
                    </span>
                    <span className="chat-item-meta">
                      {chat.lastMessageDate !== null && <span>{formatListDate(chat.lastMessageDate)}</span>}
                      {chat.messageCount !== null && <span>{formatCount(chat.messageCount)} msgs</span>}
                    </span>
                    {chat.id !== selectedChatId && <ChatChangesLine changes={chat.changesSinceLook} />}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {menu && (
        <div className="chat-context-menu" role="menu" style={{ left: menu.x, top: menu.y }}>
          <button type="button" role="menuitem" autoFocus onClick={() => onExport(menu.chat)}>
            Export chat…
          </button>
          <button
            type="button"
            role="menuitemcheckbox"
            aria-checked={menu.chat.keepMedia}
            onClick={() => {
              void scrollback.setChatKeepMedia({ chatId: menu.chat.id, keep: !menu.chat.keepMedia });
              setMenu(null);
            }}
          >
            {menu.chat.keepMedia ? '✓ ' : ''}Keep this chat's media on this computer
          </button>
        </div>
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
    </nav>
  );
}
