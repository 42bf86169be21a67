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
import type { ExportRequest } from '../../../shared/exporting.ts';
import { useAppEvents } from '../bridge/useAppEvents.ts';
import { useWindowLayout } from './useWindowLayout.ts';
import { SidebarResizeHandle } from './SidebarResizeHandle.tsx';
import { SidebarToggle } from './SidebarToggle.tsx';
import { useOpenMessageRequests } from './openMessageRequests.ts';
import { queryKeys } from '../bridge/queryKeys.ts';
import { useChatChoice } from './useChatChoice.ts';
import { useRemoveSource } from './useRemoveSource.ts';
import { useShortcutKeys } from './useShortcutKeys.ts';
import { SettingsDialog } from './SettingsDialog.tsx';
import { ToastStack } from './toasts.tsx';
import { useRegionKeys } from './useRegionKeys.ts';
import { SkipLink } from './SkipLink.tsx';
import { useFocusReturn } from './useFocusReturn.ts';
import { useT } from '../i18n/translate.ts';
import { BackupViewHost } from '../features/backup/BackupViewHost.tsx';
import { PersonPanel } from '../features/people/PersonPanel.tsx';
import { usePersonViewRequests } from '../features/people/personViewRequests.ts';

export function App() {
  const [search, setSearch] = useState<{ open: boolean; scope: 'chat' | 'all'; focus: number; query?: string }>({
    open: false,
    scope: 'chat',
    focus: 0,
  });
  // The person view takes the search panel's place beside the chat (one side panel at a time).
  const [personId, setPersonId] = useState<number | null>(null);
  const [jumpRequest, setJumpRequest] = useState<JumpRequest | null>(null);
  const [addingWhatsApp, setAddingWhatsApp] = useState(false);
  const [exportScope, setExportScope] = useState<ExportScope | null>(null);
  const t = useT();
  const [loggingIn, setLoggingIn] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // The last export asked for: its download (when messages are missing) is shown by the export's toast.
  const [exportRequest, setExportRequest] = useState<ExportRequest | null>(null);
  // Where focus was when the search panel opened: it goes back there when the panel closes.
  const searchFocus = useFocusReturn();
  const sourceKinds = useQuery({ queryKey: queryKeys.sourceKinds(), queryFn: () => scrollback.listSourceKinds() });
  const addDialogs: Partial<Record<SourceKind, () => void>> = { telegram: () => setLoggingIn(true), ryze: () => setAddingWhatsApp(true) };
  const removeSource = useRemoveSource();
  useAppEvents();
  const layout = useWindowLayout(search.open || personId !== null);
  useAppCommand('toggleSidebar', layout.toggleSidebar);
  const { chatList, selected, select, ...chats } = useChatChoice(() => layout.chatChosen());
  const exporting = useExport();
  const openSearch = (scope: 'chat' | 'all') => {
    if (!search.open) searchFocus.remember();
    setPersonId(null);
    setSearch((s) => ({ open: true, scope, focus: s.focus + 1, query: s.open ? s.query : undefined }));
  };
  usePersonViewRequests(({ chatId, messageId }) => {
    void scrollback.findPersonOfMessage({ chatId, messageId }).then((found) => {
      if (found === null) return;
      setSearch((s) => ({ ...s, open: false }));
      setPersonId(found);
    });
  });
  const searchPerson = (id: number) => {
    setPersonId(null);
    setSearch((s) => ({ open: true, scope: 'all', focus: s.focus + 1, query: `from:person:${id} ` }));
  };
  const closeSearch = () => {
    setSearch((s) => ({ ...s, open: false }));
    searchFocus.restore();
  };
  useAppCommand('find', () => openSearch('chat'));
  useAppCommand('findAll', () => openSearch('all'));
  useShortcutKeys();
  useRegionKeys();

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
    else window.alert(t('app.link.chatGone'));
  });

  return (
    <div
      className={[
        'app',
        layout.sidebarDocked ? 'sidebar-docked' : layout.sidebarOverlay ? 'sidebar-overlay' : 'sidebar-hidden',
        search.open || personId !== null ? (layout.searchOverlay ? 'search-overlay' : 'with-search') : '',
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
        sourceKinds={(sourceKinds.data ?? []).map((info) => (addDialogs[info.kind] ? info : { ...info, addLabel: null }))}
        onAddSource={(kind) => addDialogs[kind]?.()}
        onExport={(chat) => setExportScope({ chat, search: null })}
        onOpenSettings={() => setSettingsOpen(true)}
      />
      {layout.sidebarDocked && <SidebarResizeHandle width={layout.sidebarWidth} onResize={layout.resizeSidebar} />}
      <TelegramLoginDialog open={loggingIn} onClose={() => setLoggingIn(false)} />
      {exportScope && (
        <ExportDialog
          scope={exportScope}
          onClose={() => setExportScope(null)}
          onStart={(request) => {
            setExportRequest(request);
            exporting.start(request);
          }}
          onAgain={exporting.again}
        />
      )}
      {settingsOpen && (
        <SettingsDialog
          chats={chatList}
          sourceKinds={sourceKinds.data ?? []}
          onRemoveSource={(sourceId, name, kind) => void removeSource(sourceId, name, kind)}
          onClose={() => setSettingsOpen(false)}
        />
      )}
      {/* The Backup view of an account: opened from a chat's menu ("Back up this account…"). */}
      <BackupViewHost chats={chatList} />
      <DamagedArchiveBanner />
      <AddRyzeChatDialog open={addingWhatsApp} onClose={() => setAddingWhatsApp(false)} onAdded={select} />
      <ToastStack>
        <UpdateBanner />
        <ExportStatusStrip exporting={exporting} request={exportRequest} />
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
              onExportSelection={(messageIds) => setExportScope({ chat: selected, search: null, selection: messageIds })}
            />
          </PaneErrorBoundary>
        ) : (
          <div className="empty-state">
            <SidebarToggle shown={layout.sidebarDocked} onToggle={layout.toggleSidebar} />
            {chats.pending ? t('app.empty.loading') : t('app.empty.noChats')}
          </div>
        )}
      </main>
      {personId !== null && (
        <PaneErrorBoundary>
          <PersonPanel
            personId={personId}
            onOpenChat={select}
            onSearch={searchPerson}
            onShowPerson={setPersonId}
            onClose={() => setPersonId(null)}
          />
        </PaneErrorBoundary>
      )}
      {search.open && (
        <PaneErrorBoundary pane="search">
          <SearchPanel
            key={search.query === undefined ? 'search' : `search:${search.focus}`}
            initialQuery={search.query}
            chat={selected}
            scope={search.scope}
            focusToken={search.focus}
            onScopeChange={(scope) => setSearch((s) => ({ ...s, scope }))}
            onOpen={openHit}
            onClose={closeSearch}
            onExport={(search) => selected && setExportScope({ chat: selected, search })}
          />
        </PaneErrorBoundary>
      )}
    </div>
  );
}
