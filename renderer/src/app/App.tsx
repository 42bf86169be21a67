import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { scrollback } from '../bridge/scrollbackClient.ts';
import { ChatList } from '../features/chat-list/ChatList.tsx';
import { HistoryView } from '../features/history/HistoryView.tsx';
import { useAppCommand } from './appCommands.ts';
import { PaneErrorBoundary } from './PaneErrorBoundary.tsx';
import type { JumpRequest } from '../features/history/HistoryView.tsx';
import { ImportPanel } from '../features/import/ImportPanel.tsx';
import { ExportStatusStrip } from '../features/export/ExportStatusStrip.tsx';
import { DamagedArchiveBanner } from '../features/archive/DamagedArchiveBanner.tsx';
import { UpdateBanner } from '../features/updates/UpdateBanner.tsx';
import { useExport } from '../features/export/useExport.ts';
import { useAppEvents } from '../bridge/useAppEvents.ts';
import { useWindowLayout } from './useWindowLayout.ts';
import { SidebarResizeHandle } from './SidebarResizeHandle.tsx';
import { SidebarToggle } from './SidebarToggle.tsx';
import { useOpenMessageRequests } from './openMessageRequests.ts';
import { queryKeys } from '../bridge/queryKeys.ts';
import { useChatChoice } from './useChatChoice.ts';
import { useRemoveSource } from './useRemoveSource.ts';
import { useShortcutKeys } from './useShortcutKeys.ts';
import { ToastStack } from './toasts.tsx';
import { useRegionKeys } from './useRegionKeys.ts';
import { SkipLink } from './SkipLink.tsx';
import { useT } from '../i18n/translate.ts';
import { BackupViewHost } from '../features/backup/BackupViewHost.tsx';
import { useSidePanels } from './useSidePanels.ts';
import { SidePanels } from './SidePanels.tsx';
import { useAppDialogs } from './useAppDialogs.ts';
import { AppDialogs } from './AppDialogs.tsx';

export function App() {
  const [jumpRequest, setJumpRequest] = useState<JumpRequest | null>(null);
  const t = useT();
  const panels = useSidePanels();
  const dialogs = useAppDialogs();
  const sourceKinds = useQuery({ queryKey: queryKeys.sourceKinds(), queryFn: () => scrollback.listSourceKinds() });
  const removeSource = useRemoveSource();
  useAppEvents();
  const layout = useWindowLayout(panels.open);
  useAppCommand('toggleSidebar', layout.toggleSidebar);
  const { chatList, selected, select, ...chats } = useChatChoice(() => layout.chatChosen());
  const exporting = useExport();
  useShortcutKeys();
  useRegionKeys();
  useAppCommand('exportChat', () => {
    if (selected) dialogs.openExport({ chat: selected, search: null });
  });

  const openInContext = (chatId: number, messageId: string) => {
    select(chatId);
    setJumpRequest((previous) => ({ chatId, messageId, nonce: (previous?.nonce ?? 0) + 1 }));
  };
  useOpenMessageRequests((target) => {
    if (chatList.some((chat) => chat.id === target.chatId)) openInContext(target.chatId, target.messageId);
    else window.alert(t('app.link.chatGone'));
  });

  return (
    <div
      className={[
        'app',
        layout.sidebarDocked ? 'sidebar-docked' : layout.sidebarOverlay ? 'sidebar-overlay' : 'sidebar-hidden',
        panels.open ? (layout.searchOverlay ? 'search-overlay' : 'with-search') : '',
      ].join(' ')}
      style={{ '--sidebar-width': `${layout.sidebarWidth}px` } as React.CSSProperties}
    >
      <SkipLink />
      {layout.sidebarOverlay && <div className="sidebar-scrim" onClick={layout.toggleSidebar} />}
      <ChatList
        chats={chatList}
        loading={chats.loading}
        error={chats.error}
        selectedChatId={selected?.id ?? null}
        onSelect={select}
        // A kind whose add dialog this window does not have is not offered.
        sourceKinds={(sourceKinds.data ?? []).map((info) => (dialogs.addDialogs[info.kind] ? info : { ...info, addLabel: null }))}
        onAddSource={(kind) => dialogs.addDialogs[kind]?.()}
        onExport={(chat) => dialogs.openExport({ chat, search: null })}
        onOpenSettings={dialogs.openSettings}
      />
      {layout.sidebarDocked && <SidebarResizeHandle width={layout.sidebarWidth} onResize={layout.resizeSidebar} />}
      <AppDialogs
        dialogs={dialogs}
        exporting={exporting}
        chats={chatList}
        sourceKinds={sourceKinds.data ?? []}
        onRemoveSource={(sourceId, name, kind) => void removeSource(sourceId, name, kind)}
        onOpenChat={select}
      />
      {/* The Backup view of an account: opened from a chat's menu ("Back up this account…"). */}
      <BackupViewHost chats={chatList} />
      <DamagedArchiveBanner />
      <ToastStack>
        <UpdateBanner />
        <ExportStatusStrip exporting={exporting} request={dialogs.exportRequest} />
        <ImportPanel onOpenChat={select} />
      </ToastStack>
      <main className="chat-pane" id="chat-pane" data-region="chat">
        {selected ? (
          <PaneErrorBoundary key={selected.id} pane="history">
            <HistoryView
              chat={selected}
              jumpRequest={jumpRequest}
              sidebarShown={layout.sidebarDocked}
              onToggleSidebar={layout.toggleSidebar}
              onExportSelection={(messageIds) => dialogs.openExport({ chat: selected, search: null, selection: messageIds })}
            />
          </PaneErrorBoundary>
        ) : (
          <div className="empty-state">
            <SidebarToggle shown={layout.sidebarDocked} onToggle={layout.toggleSidebar} />
            {chats.pending ? t('app.empty.loading') : t('app.empty.noChats')}
          </div>
        )}
      </main>
      <SidePanels
        panels={panels}
        selected={selected}
        onOpenChat={select}
        onOpenHit={(hit) => openInContext(hit.message.chatId, hit.message.id)}
        onExport={dialogs.openExport}
      />
    </div>
  );
}
