import { useState } from 'react';
import type { ChatSummary } from '../../../../shared/domain.ts';
import { useAppCommand } from '../../app/appCommands.ts';
import { WhatChangedPanel } from '../live/WhatChangedPanel.tsx';
import { MediaGallery } from '../media/MediaGallery.tsx';
import { MediaViewer } from '../media/MediaViewer.tsx';
import { MediaViewerContext } from '../media/mediaViewerContext.ts';
import { useChatSync } from '../sync/useChatSync.ts';
import { TopicBar } from '../topics/TopicBar.tsx';
import { useTopics } from '../topics/useTopics.ts';
import { ChatHeader } from './ChatHeader.tsx';
import { HistoryList } from './HistoryList.tsx';
import { windowKeyOf } from './historyWindow.ts';
import { JumpToDateDialog } from './JumpToDateDialog.tsx';
import { SourceRetryNotice } from './SourceRetryNotice.tsx';
import { useHistoryTarget, type JumpRequest } from './useHistoryTarget.ts';
import { useOpenChat } from './useOpenChat.ts';

export type { JumpRequest };

/** A chat: its header (name, counts, jump to date, offline state) and one history window at a time. */
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
  const [topicId, setTopicId] = useState<string | null>(null);
  // A message opened from elsewhere is shown in the whole chat (it says its topic there).
  const { target, nonce, jump } = useHistoryTarget(chat.id, jumpRequest, () => setTopicId(null));
  const [jumpOpen, setJumpOpen] = useState(false);
  const [offline, setOffline] = useState<string | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [galleryOpen, setGalleryOpen] = useState(false);
  const [changesOpen, setChangesOpen] = useState(false);
  const sync = useChatSync(chat.id);
  useAppCommand('jumpToDate', () => setJumpOpen(true));
  const previousLook = useOpenChat(chat.id);

  const { topics, titles: topicTitles } = useTopics(chat.id, chat.forum);
  const chooseTopic = (next: string | null) => {
    setTopicId(next);
    jump({ kind: 'latest' });
  };
  const windowKey = `${topicId ?? 'all'}:${windowKeyOf(target, nonce)}`;
  return (
    <section className="history-view" aria-label={chat.name}>
      <ChatHeader
        chat={chat}
        offline={offline}
        sidebarShown={sidebarShown}
        onToggleSidebar={onToggleSidebar}
        onDownloadRange={(from, to) => sync.start(from, to)}
        onJumpToDate={() => setJumpOpen(true)}
        galleryOpen={galleryOpen}
        onToggleGallery={() => setGalleryOpen((open) => !open)}
        changesOpen={changesOpen}
        onToggleChanges={() => setChangesOpen((open) => !open)}
      />
      <TopicBar topics={topics} current={topicId} onChoose={chooseTopic} />
      <SourceRetryNotice sourceId={chat.sourceId} sourceName={chat.sourceName} />
      <MediaViewerContext.Provider value={setViewing}>
        <HistoryList
          key={windowKey}
          chatId={chat.id}
          chatName={chat.name}
          chatKind={chat.kind}
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
