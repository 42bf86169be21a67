import { TopicBar } from '../topics/TopicBar.tsx';
import { useTopics } from '../topics/useTopics.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { MediaViewer } from '../media/MediaViewer.tsx';
import { MediaGallery } from '../media/MediaGallery.tsx';
import { MediaViewerContext } from '../media/mediaViewerContext.ts';
import { ChatCoverageBar } from './ChatCoverageBar.tsx';
import { SyncControl } from '../sync/SyncControl.tsx';
import { SourceRetryNotice } from './SourceRetryNotice.tsx';
import { useChatSync } from '../sync/useChatSync.ts';
import type { ChatSummary } from '../../../../shared/domain.ts';
import { useAppCommand } from '../../app/appCommands.ts';
import { formatCount } from '../../format/formatDates.ts';
import { HistoryList } from './HistoryList.tsx';
import { windowKeyOf, type WindowTarget } from './historyWindow.ts';
import { JumpToDateDialog } from './JumpToDateDialog.tsx';
import { KeepCurrentControl } from '../live/KeepCurrentControl.tsx';
import { WhatChangedPanel } from '../live/WhatChangedPanel.tsx';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { SidebarToggle } from '../../app/SidebarToggle.tsx';
import { queryKeys } from '../../bridge/queryKeys.ts';

/** A chat: its header (name, counts, jump to date, offline state) and one history window at a time. */
export interface JumpRequest {
  chatId: number;
  messageId: string;
  /** Changes for every request, so asking for the same message twice jumps twice. */
  nonce: number;
}

export function HistoryView({
  chat,
  jumpRequest,
  sidebarShown,
  onToggleSidebar,
  onExportSelection,
}: {
  chat: ChatSummary;
  jumpRequest: JumpRequest | null;
  sidebarShown: boolean;
  onToggleSidebar(): void;
  onExportSelection(messageIds: string[]): void;
}) {
  const requested = jumpRequest?.chatId === chat.id ? jumpRequest : null;
  const [target, setTarget] = useState<WindowTarget>(
    requested ? { kind: 'aroundMessage', messageId: requested.messageId } : { kind: 'latest' },
  );
  const [nonce, setNonce] = useState(requested ? 1 : 0);
  const [jumpOpen, setJumpOpen] = useState(false);
  const [offline, setOffline] = useState<string | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [galleryOpen, setGalleryOpen] = useState(false);
  const [actionsOpen, setActionsOpen] = useState(false);
  const [topicId, setTopicId] = useState<string | null>(null);
  const sync = useChatSync(chat.id);

  const jump = useCallback((next: WindowTarget) => {
    setTarget(next);
    setNonce((n) => n + 1);
  }, []);
  useAppCommand('jumpToDate', () => setJumpOpen(true));
  // A search result chosen while this chat is open: jump to it in context.
  const handled = useRef(requested?.nonce ?? -1);
  useEffect(() => {
    if (!requested || requested.nonce === handled.current) return;
    handled.current = requested.nonce;
    // A message opened from elsewhere is shown in the whole chat (it says its topic there).
    setTopicId(null);
    jump({ kind: 'aroundMessage', messageId: requested.messageId });
  }, [requested, jump]);

  // Main learns which chat is open: "what changed" counts restart from now, and a polled source's open
  // chat is asked for its newest messages while it stays open.
  const queryClient = useQueryClient();
  const [previousLook, setPreviousLook] = useState<number | null>(null);
  const [changesOpen, setChangesOpen] = useState(false);
  useEffect(() => {
    let current = true;
    scrollback.setOpenChat({ chatId: chat.id }).then(
      (answer) => current && setPreviousLook(answer.previousLook),
      () => undefined,
    );
    return () => {
      current = false;
      // The chat just left was looked at until now: its "what changed" counts in the list start again.
      void scrollback.setOpenChat({ chatId: null }).then(
        () => queryClient.invalidateQueries({ queryKey: queryKeys.chats() }),
        () => undefined,
      );
    };
  }, [chat.id, queryClient]);

  const { topics, titles: topicTitles } = useTopics(chat.id, chat.forum);
  const chooseTopic = (next: string | null) => {
    setTopicId(next);
    jump({ kind: 'latest' });
  };
  const windowKey = `${topicId ?? 'all'}:${windowKeyOf(target, nonce)}`;
  return (
    <section className="history-view" aria-label={chat.name}>
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
        <ChatCoverageBar chatId={chat.id} lastMessageDate={chat.lastMessageDate} onDownloadRange={(from, to) => sync.start(from, to)} />
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
          <button type="button" onClick={() => setJumpOpen(true)} title="Jump to date (Ctrl+G)" data-testid="open-jump-to-date">
            Jump to date
          </button>
          <button type="button" onClick={() => setGalleryOpen((open) => !open)} aria-pressed={galleryOpen} data-testid="open-media-gallery">
            Media
          </button>
          <button type="button" onClick={() => setChangesOpen((open) => !open)} aria-pressed={changesOpen} data-testid="open-what-changed">
            What changed
          </button>
        </div>
      </header>
      <TopicBar topics={topics} current={topicId} onChoose={chooseTopic} />
      <SourceRetryNotice sourceId={chat.sourceId} sourceName={chat.sourceName} />
      <MediaViewerContext.Provider value={setViewing}>
        <HistoryList
          key={windowKey}
          chatId={chat.id}
          chatName={chat.name}
          target={target}
          windowKey={windowKey}
          onJump={jump}
          onOfflineChange={setOffline}
          focusOnPlace={nonce > 0}
          onExportSelection={onExportSelection}
          topicId={topicId}
          topicTitles={topicTitles}
        />
      </MediaViewerContext.Provider>
      {galleryOpen && (
        <MediaGallery
          chatId={chat.id}
          onOpen={setViewing}
          onShowInChat={(messageId) => {
            setGalleryOpen(false);
            jump({ kind: 'aroundMessage', messageId });
          }}
          onClose={() => setGalleryOpen(false)}
        />
      )}
      {changesOpen && (
        <WhatChangedPanel
          chatId={chat.id}
          previousLook={previousLook}
          onShow={(messageId) => jump({ kind: 'aroundMessage', messageId })}
          onClose={() => setChangesOpen(false)}
        />
      )}
      {viewing !== null && <MediaViewer chatId={chat.id} messageId={viewing} onClose={() => setViewing(null)} />}
      <JumpToDateDialog
        chatId={chat.id}
        open={jumpOpen}
        initialDate={target.kind === 'aroundDate' ? target.date : (chat.lastMessageDate ?? Date.now())}
        onClose={() => setJumpOpen(false)}
        onJump={(date) => {
          setJumpOpen(false);
          jump({ kind: 'aroundDate', date });
        }}
      />
    </section>
  );
}
