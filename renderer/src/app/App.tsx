import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { scrollback } from '../bridge/scrollbackClient.ts';
import { ChatList } from '../features/chat-list/ChatList.tsx';
import { HistoryView } from '../features/history/HistoryView.tsx';
import { useAppCommand } from './appCommands.ts';
import { SearchPanel } from '../features/search/SearchPanel.tsx';
import { PaneErrorBoundary } from './PaneErrorBoundary.tsx';
import { AddRyzeChatDialog } from '../features/sources/AddRyzeChatDialog.tsx';
import type { JumpRequest } from '../features/history/HistoryView.tsx';
import type { SearchHit } from '../../../shared/search.ts';
import { ImportPanel } from '../features/import/ImportPanel.tsx';
import { ExportDialog, type ExportScope } from '../features/export/ExportDialog.tsx';
import { ExportStatusStrip } from '../features/export/ExportStatusStrip.tsx';
import { DamagedArchiveBanner } from '../features/archive/DamagedArchiveBanner.tsx';
import { UpdateBanner } from '../features/updates/UpdateBanner.tsx';
import { useExport } from '../features/export/useExport.ts';
import { TelegramLoginDialog } from '../features/telegram/TelegramLoginDialog.tsx';
import type { SourceKind } from '../../../shared/domain.ts';
import { useAppEvents } from '../bridge/useAppEvents.ts';
import { useWindowLayout } from './useWindowLayout.ts';
import { SidebarResizeHandle } from './SidebarResizeHandle.tsx';
import { SidebarToggle } from './SidebarToggle.tsx';
import { useOpenMessageRequests } from './openMessageRequests.ts';
import { queryKeys } from '../bridge/queryKeys.ts';
import { useChatChoice } from './useChatChoice.ts';
import { useRemoveSource } from './useRemoveSource.ts';
import { useShortcutKeys } from './useShortcutKeys.ts';

export function App() {
  const [search, setSearch] = useState<{ open: boolean; scope: 'chat' | 'all'; focus: number }>({ open: false, scope: 'chat', focus: 0 });
  const [jumpRequest, setJumpRequest] = useState<JumpRequest | null>(null);
  const [addingWhatsApp, setAddingWhatsApp] = useState(false);
  const [exportScope, setExportScope] = useState<ExportScope | null>(null);
  const [loggingIn, setLoggingIn] = useState(false);
  const sourceKinds = useQuery({ queryKey: queryKeys.sourceKinds(), queryFn: () => scrollback.listSourceKinds() });
  const addDialogs: Partial<Record<SourceKind, () => void>> = { telegram: () => setLoggingIn(true), ryze: () => setAddingWhatsApp(true) };
  const removeSource = useRemoveSource();
  useAppEvents();
  const layout = useWindowLayout(search.open);
  useAppCommand('toggleSidebar', layout.toggleSidebar);
  const { chatList, selected, select, ...chats } = useChatChoice(() => layout.chatChosen());
  const exporting = useExport();
  useAppCommand('find', () => setSearch((s) => ({ open: true, scope: 'chat', focus: s.focus + 1 })));
  useAppCommand('findAll', () => setSearch((s) => ({ open: true, scope: 'all', focus: s.focus + 1 })));
  useShortcutKeys();

  useAppCommand('exportChat', () => {
    if (selected) setExportScope({ chat: selected, search: null });
  });

  const openInContext = (chatId: number, messageId: string) => {
    select(chatId);
    setJumpRequest((previous) => ({ chatId, messageId, nonce: (previous?.nonce ?? 0) + 1 }));
  };
  const openHit = (hit: SearchHit) => openInContext(hit.message.chatId, hit.message.id);
  useOpenMessageRequests((target) => {
    if (chatList.some((chat) => chat.id === target.chatId)) openInContext(target.chatId, target.messageId);
    else window.alert('That link is to a chat that is not on this computer (it may have been removed).');
  });

  return (
    <div
      className={[
        'app',
        layout.sidebarDocked ? 'sidebar-docked' : layout.sidebarOverlay ? 'sidebar-overlay' : 'sidebar-hidden',
        search.open ? (layout.searchOverlay ? 'search-overlay' : 'with-search') : '',
      ].join(' ')}
      style={{ '--sidebar-width': `${layout.sidebarWidth}px` } as React.CSSProperties}
    >
      {layout.sidebarOverlay && <div className="sidebar-scrim" onClick={layout.toggleSidebar} />}
      <ChatList
        chats={chatList}
        loading={chats.loading}
        error={chats.error}
        selectedChatId={selected?.id ?? null}
        onSelect={select}
        // A kind whose add dialog this window does not have is not offered.
        sourceKinds={(sourceKinds.data ?? []).map((info) => (addDialogs[info.kind] ? info : { ...info, addLabel: null }))}
        onAddSource={(kind) => addDialogs[kind]?.()}
        onExport={(chat) => setExportScope({ chat, search: null })}
        onRemoveSource={(sourceId, name, kind) => void removeSource(sourceId, name, kind)}
      />
      {layout.sidebarDocked && <SidebarResizeHandle width={layout.sidebarWidth} onResize={layout.resizeSidebar} />}
      <TelegramLoginDialog open={loggingIn} onClose={() => setLoggingIn(false)} />
      {exportScope && (
        <ExportDialog scope={exportScope} onClose={() => setExportScope(null)} onStart={exporting.start} onAgain={exporting.again} />
      )}
      <DamagedArchiveBanner />
      <UpdateBanner />
      <ExportStatusStrip exporting={exporting} />
      <AddRyzeChatDialog open={addingWhatsApp} onClose={() => setAddingWhatsApp(false)} onAdded={select} />
      <ImportPanel onOpenChat={select} />
      <main className="chat-pane">
        {selected ? (
          <PaneErrorBoundary key={selected.id} label="history view">
            <HistoryView
              chat={selected}
              jumpRequest={jumpRequest}
              sidebarShown={layout.sidebarDocked}
              onToggleSidebar={layout.toggleSidebar}
              onExportSelection={(messageIds) => setExportScope({ chat: selected, search: null, selection: messageIds })}
            />
          </PaneErrorBoundary>
        ) : (
          <div className="empty-state">
            <SidebarToggle shown={layout.sidebarDocked} onToggle={layout.toggleSidebar} />
            {chats.pending ? 'Loading chats…' : 'No chats yet. Import an export file or add an account.'}
          </div>
        )}
      </main>
      {search.open && (
        <PaneErrorBoundary label="search panel">
          <SearchPanel
            chat={selected}
            scope={search.scope}
            focusToken={search.focus}
            onScopeChange={(scope) => setSearch((s) => ({ ...s, scope }))}
            onOpen={openHit}
            onClose={() => setSearch((s) => ({ ...s, open: false }))}
            onExport={(search) => selected && setExportScope({ chat: selected, search })}
          />
        </PaneErrorBoundary>
      )}
    </div>
  );
}
