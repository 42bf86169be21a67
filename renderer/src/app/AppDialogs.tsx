import type { ChatSummary, SourceKind } from '../../../shared/domain.ts';
import type { SourceKindInfo } from '../../../shared/ipc/contract.ts';
import { ExportDialog } from '../features/export/ExportDialog.tsx';
import type { useExport } from '../features/export/useExport.ts';
import { AddRyzeChatDialog } from '../features/sources/AddRyzeChatDialog.tsx';
import { TelegramLoginDialog } from '../features/telegram/TelegramLoginDialog.tsx';
import { SettingsDialog } from './SettingsDialog.tsx';
import type { useAppDialogs } from './useAppDialogs.ts';

/** The window's dialogs, each open as `dialogs` says. */
export function AppDialogs({
  dialogs,
  exporting,
  chats,
  sourceKinds,
  onRemoveSource,
  onOpenChat,
}: {
  dialogs: ReturnType<typeof useAppDialogs>;
  exporting: ReturnType<typeof useExport>;
  chats: ChatSummary[];
  sourceKinds: SourceKindInfo[];
  onRemoveSource(sourceId: string, name: string, kind: SourceKind): void;
  onOpenChat(chatId: number): void;
}) {
  return (
    <>
      <TelegramLoginDialog open={dialogs.loggingIn} onClose={dialogs.closeLogin} />
      {dialogs.exportScope && (
        <ExportDialog
          scope={dialogs.exportScope}
          onClose={dialogs.closeExport}
          onStart={(request) => {
            dialogs.exportStarted(request);
            exporting.start(request);
          }}
          onAgain={exporting.again}
        />
      )}
      {dialogs.settingsOpen && (
        <SettingsDialog chats={chats} sourceKinds={sourceKinds} onRemoveSource={onRemoveSource} onClose={dialogs.closeSettings} />
      )}
      <AddRyzeChatDialog open={dialogs.addingWhatsApp} onClose={dialogs.closeAddWhatsApp} onAdded={onOpenChat} />
    </>
  );
}
