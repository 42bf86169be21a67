import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AppEvent } from '../../../shared/ipc/events.ts';
import type { ExportStatus, ImportStatus } from '../../../shared/ipc/contract.ts';
import { newerRevision } from '../../../shared/newerRevision.ts';
import type { SyncStatus } from '../../../shared/sync.ts';
import { emitAppCommand } from '../app/appCommands.ts';
import { requestOpenMessage } from '../app/openMessageRequests.ts';
import { emitNewMessagesArrived } from '../features/live/newMessagesArrived.ts';
import { replaceChangedMessages } from '../features/live/replaceChangedMessages.ts';
import { queryKeys } from './queryKeys.ts';
import { applyBackupStatus } from '../features/backup/applyBackupStatus.ts';
import { scrollback } from './scrollbackClient.ts';

/** What each pushed event means for the cached queries. */
export function applyAppEvent(client: QueryClient, event: AppEvent): void {
  switch (event.kind) {
    case 'menuCommand':
      emitAppCommand(event.command);
      return;
    case 'openMessage':
      requestOpenMessage({ chatId: event.chatId, messageId: event.messageId });
      return;
    case 'syncStatus':
      client.setQueryData<SyncStatus>(queryKeys.sync(event.status.chatId), (current) => newerRevision(current, event.status));
      if (event.status.state !== 'running') void client.invalidateQueries({ queryKey: queryKeys.chats() });
      return;
    case 'importStatus':
      client.setQueryData<ImportStatus>(queryKeys.jobs.import(), (current) => newerRevision(current, event.status));
      if (event.status.state === 'done') void client.invalidateQueries({ queryKey: queryKeys.chats() });
      return;
    case 'exportStatus':
      client.setQueryData<ExportStatus>(queryKeys.jobs.export(), (current) => newerRevision(current, event.status));
      return;
    case 'chatChanged':
      void client.invalidateQueries({ queryKey: queryKeys.chats() });
      void client.invalidateQueries({ queryKey: queryKeys.coverage(event.chatId) });
      return;
    case 'messagesChanged': {
      const { chatId, added, changedIds } = event;
      // The open window asks for its new rows first: the chat list's refresh (every chat) comes after them.
      if (added > 0) emitNewMessagesArrived(chatId, added);
      void client.invalidateQueries({ queryKey: queryKeys.chats() });
      if (changedIds.length > 0) {
        for (const id of changedIds) void client.invalidateQueries({ queryKey: queryKeys.versions.message(chatId, id) });
        // Only rows a window holds are read again (a refresh may name messages nobody is looking at).
        const loaded = new Set(
          client
            .getQueriesData<{ pages: Array<{ messages: Array<{ id: string }> }> }>({ queryKey: queryKeys.history.chat(chatId) })
            .flatMap(([, data]) => data?.pages.flatMap((page) => page.messages.map((message) => message.id)) ?? []),
        );
        const wanted = changedIds.filter((id) => loaded.has(id)).slice(0, 500);
        if (wanted.length > 0)
          void scrollback.getMessages({ chatId, messageIds: wanted }).then(
            (messages) => replaceChangedMessages(client, chatId, messages),
            () => undefined,
          );
      }
      return;
    }
    case 'sourceRetrying':
      client.setQueryData(queryKeys.sourceRetry(event.sourceId), event.retry);
      return;
    case 'mediaDownload':
      client.setQueryData(queryKeys.media.download(event.status.chatId, event.status.messageId), event.status);
      if (event.status.state === 'done') void client.invalidateQueries({ queryKey: queryKeys.media.settings() });
      return;
    case 'backupStatus':
      applyBackupStatus(client, event.status);
      return;
    case 'chatsListed':
      void client.invalidateQueries({ queryKey: queryKeys.chats() });
      return;
  }
}

/** Subscribes the window to main's pushed events, for as long as the app is mounted. */
export function useAppEvents(): void {
  const client = useQueryClient();
  useEffect(() => window.scrollback.onAppEvent((event) => applyAppEvent(client, event)), [client]);
}
