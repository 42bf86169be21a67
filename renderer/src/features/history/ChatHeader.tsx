import { useState } from 'react';
import type { ChatSummary } from '../../../../shared/domain.ts';
import { SidebarToggle } from '../../app/SidebarToggle.tsx';
import { formatCount } from '../../format/formatDates.ts';
import { KeepCurrentControl } from '../live/KeepCurrentControl.tsx';
import { SyncControl } from '../sync/SyncControl.tsx';
import { ChatCoverageBar } from './ChatCoverageBar.tsx';

/** The chat's header: name, counts, offline state, coverage, download, and its actions (folded when narrow). */
export function ChatHeader({
  chat,
  offline,
  sidebarShown,
  onToggleSidebar,
  onDownloadRange,
  onJumpToDate,
  galleryOpen,
  onToggleGallery,
  changesOpen,
  onToggleChanges,
}: {
  chat: ChatSummary;
  /** Why the window is showing the cache only, or null. */
  offline: string | null;
  sidebarShown: boolean;
  onToggleSidebar(): void;
  onDownloadRange(from: number, to: number): void;
  onJumpToDate(): void;
  galleryOpen: boolean;
  onToggleGallery(): void;
  changesOpen: boolean;
  onToggleChanges(): void;
}) {
  const [actionsOpen, setActionsOpen] = useState(false);
  return (
    <header className="chat-header">
      <SidebarToggle shown={sidebarShown} onToggle={onToggleSidebar} />
      <div className="chat-title">
        <h1 dir="auto">{chat.name}</h1>
        <span className="chat-subtitle">
          {chat.messageCount !== null ? `${formatCount(chat.messageCount)} messages` : `${formatCount(chat.cachedCount)} cached`}
          {offline !== null && (
            <span className="offline-badge" title={offline}>
              {' '}
              · Offline, showing cached history: {offline}
            </span>
          )}
        </span>
      </div>
      <ChatCoverageBar chatId={chat.id} lastMessageDate={chat.lastMessageDate} onDownloadRange={onDownloadRange} />
      {/* An imported chat is whole by nature; one already downloaded to its first message needs nothing. */}
      {chat.sourceKind !== 'import' && (
        <SyncControl
          chatId={chat.id}
          complete={chat.oldestReached && chat.messageCount !== null && chat.cachedCount >= chat.messageCount}
          unreachable={offline}
        />
      )}
      {/* In a narrow pane the rest folds into a menu (a container query decides; see app.css). */}
      <button
        type="button"
        className="chat-actions-toggle"
        aria-label="More actions"
        aria-expanded={actionsOpen}
        onClick={() => setActionsOpen((open) => !open)}
        data-testid="chat-actions-toggle"
      >
        ⋯
      </button>
      <div
        className={`chat-actions${actionsOpen ? ' open' : ''}`}
        onClick={(event) => event.target !== event.currentTarget && event.target instanceof HTMLButtonElement && setActionsOpen(false)}
      >
        {chat.sourceKind !== 'import' && <KeepCurrentControl chat={chat} />}
        <button type="button" onClick={onJumpToDate} title="Jump to date (Ctrl+G)" data-testid="open-jump-to-date">
          Jump to date
        </button>
        <button type="button" onClick={onToggleGallery} aria-pressed={galleryOpen} data-testid="open-media-gallery">
          Media
        </button>
        <button type="button" onClick={onToggleChanges} aria-pressed={changesOpen} data-testid="open-what-changed">
          What changed
        </button>
      </div>
    </header>
  );
}
