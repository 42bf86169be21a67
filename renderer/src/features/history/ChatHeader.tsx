import { useLayoutEffect, useRef, useState } from 'react';
import type { ChatSummary } from '../../../../shared/domain.ts';
import { SidebarToggle } from '../../app/SidebarToggle.tsx';
import { IconButton } from '../../app/IconButton.tsx';
import { emitAppCommand } from '../../app/appCommands.ts';
import { ChatAvatar } from '../media/ChatAvatar.tsx';
import { KeepCurrentControl } from '../live/KeepCurrentControl.tsx';
import { SyncActions, SyncFacts } from '../sync/SyncControl.tsx';
import { ChatCoverageBar } from './ChatCoverageBar.tsx';
import { useT } from '../../i18n/translate.ts';

/**
 * The chat's header, as Telegram's: its picture, name and one line of facts (size, what is on this computer or
 * the download's progress, offline); one coverage indicator with its legend; one row of same-sized icon
 * buttons with tooltips (folded behind ⋯ in a narrow pane). Its height is published to the history view as
 * `--chat-header-height`, so side panels open below it and never cover its buttons.
 */
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
  const t = useT();
  const [actionsOpen, setActionsOpen] = useState(false);
  const headerRef = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const header = headerRef.current!;
    const publish = () => header.parentElement?.style.setProperty('--chat-header-height', `${header.offsetHeight}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(header);
    return () => observer.disconnect();
  }, []);
  // Whole on this computer: the count the source gave is cached and the first message reached. The facts line
  // and the coverage indicator both say so from this one flag.
  const complete = chat.oldestReached && chat.messageCount !== null && chat.cachedCount >= chat.messageCount;
  const live = chat.sourceKind !== 'import';
  return (
    <header className="chat-header" ref={headerRef}>
      <SidebarToggle shown={sidebarShown} onToggle={onToggleSidebar} />
      <ChatAvatar chat={chat} />
      <div className="chat-title">
        <h1 dir="auto">{chat.name}</h1>
        <p className="chat-subtitle">
          <span>
            {chat.messageCount !== null
              ? t('header.messages', { count: chat.messageCount })
              : t('header.onComputer', { count: chat.cachedCount })}
          </span>
          {/* An imported chat is whole by nature. */}
          {live && <SyncFacts chatId={chat.id} complete={complete} unreachable={offline} />}
          {offline !== null && (
            <span className="offline-badge" title={offline}>
              {t('header.offline', { reason: offline })}
            </span>
          )}
        </p>
      </div>
      <ChatCoverageBar
        chatId={chat.id}
        lastMessageDate={chat.lastMessageDate}
        complete={complete || !live}
        onDownloadRange={onDownloadRange}
      />
      {live && <SyncActions chatId={chat.id} complete={complete} unreachable={offline} />}
      {/* In a narrow pane the rest folds into a menu (a container query decides; see app.css). */}
      <IconButton
        className="chat-actions-toggle"
        label={t('header.more')}
        icon="more"
        aria-expanded={actionsOpen}
        onClick={() => setActionsOpen((open) => !open)}
        data-testid="chat-actions-toggle"
      />
      <div
        className={`chat-actions${actionsOpen ? ' open' : ''}`}
        onClick={(event) =>
          event.target !== event.currentTarget && event.target instanceof Element && event.target.closest('button') && setActionsOpen(false)
        }
      >
        {live && <KeepCurrentControl chat={chat} />}
        <IconButton
          label={t('header.search')}
          shortcut="Ctrl+F"
          icon="search"
          onClick={() => emitAppCommand('find')}
          data-testid="open-search"
        />
        <IconButton label={t('header.jump')} shortcut="Ctrl+G" icon="calendar" onClick={onJumpToDate} data-testid="open-jump-to-date" />
        <IconButton
          label={t('header.media')}
          icon="media"
          aria-pressed={galleryOpen}
          onClick={onToggleGallery}
          data-testid="open-media-gallery"
        />
        <IconButton
          label={t('header.changes')}
          icon="changes"
          aria-pressed={changesOpen}
          onClick={onToggleChanges}
          data-testid="open-what-changed"
        />
        <IconButton
          label={t('header.export')}
          shortcut="Ctrl+E"
          icon="export"
          onClick={() => emitAppCommand('exportChat')}
          data-testid="open-export"
        />
      </div>
    </header>
  );
}
