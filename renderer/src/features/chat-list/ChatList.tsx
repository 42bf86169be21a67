import { useMemo, useRef, useState } from 'react';
import type { ChatSummary } from '../../../../shared/domain.ts';
import { useAppCommand } from '../../app/appCommands.ts';
import { formatCount, formatListDate } from '../../format/formatDates.ts';

interface ChatListProps {
  chats: ChatSummary[];
  loading: boolean;
  error: Error | null;
  selectedChatId: number | null;
  onSelect(chatId: number): void;
  onAddWhatsApp(): void;
}

/** The sidebar: chats grouped by source, with a filter box (Ctrl+K). */
export function ChatList({ chats, loading, error, selectedChatId, onSelect, onAddWhatsApp }: ChatListProps) {
  const [filter, setFilter] = useState('');
  const filterRef = useRef<HTMLInputElement>(null);
  useAppCommand('focusChatFilter', () => filterRef.current?.focus());

  const groups = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    const bySource = new Map<string, { name: string; chats: ChatSummary[] }>();
    for (const chat of chats) {
      if (needle && !chat.name.toLocaleLowerCase().includes(needle)) continue;
      const group = bySource.get(chat.sourceId) ?? { name: chat.sourceName, chats: [] };
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
          <h2 className="chat-group-title">{group.name}</h2>
          <ul className="chat-items">
            {group.chats.map((chat) => (
              <li key={chat.id}>
                <button
                  type="button"
                  className={`chat-item${chat.id === selectedChatId ? ' selected' : ''}`}
                  data-chat-id={chat.id}
                  aria-current={chat.id === selectedChatId ? 'true' : undefined}
                  onClick={() => onSelect(chat.id)}
                >
                  <span className="chat-item-name" dir="auto">{chat.name}</span>
                  <span className="chat-item-meta">
                    {chat.lastMessageDate !== null && <span>{formatListDate(chat.lastMessageDate)}</span>}
                    {chat.messageCount !== null && <span>{formatCount(chat.messageCount)} msgs</span>}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <button type="button" className="add-source" onClick={onAddWhatsApp} data-testid="add-whatsapp">
        + Add WhatsApp chat (RyzeAPI)…
      </button>
    </nav>
  );
}
