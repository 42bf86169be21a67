import { useMemo } from 'react';
import type { ChatSummary } from '../../../../shared/domain.ts';
import { PaneErrorBoundary } from '../../app/PaneErrorBoundary.tsx';
import { BackupView, type BackupAccount } from './BackupView.tsx';
import { openBackupView, useBackupViewRequest } from './openBackupView.ts';

/** Where the window mounts the Backup view: closed until `openBackupView(sourceId)` names an account. */
export function BackupViewHost({ chats }: { chats: ChatSummary[] }) {
  const request = useBackupViewRequest();
  // Every source the chat list shows but imports (which have nothing to fetch): each account, and the demo.
  const accounts = useMemo(() => {
    const seen = new Map<string, BackupAccount>();
    for (const chat of chats)
      if (chat.sourceKind !== 'import' && !seen.has(chat.sourceId))
        seen.set(chat.sourceId, { sourceId: chat.sourceId, name: chat.sourceName });
    return [...seen.values()];
  }, [chats]);
  if (request.sourceId === null) return null;
  return (
    <PaneErrorBoundary pane="backup">
      <BackupView sourceId={request.sourceId} accounts={accounts} onChooseAccount={openBackupView} onClose={request.close} />
    </PaneErrorBoundary>
  );
}
