import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AppEvent } from '../../../shared/ipc/events.ts';
import { emitAppCommand } from '../app/appCommands.ts';

/** Query keys that pushed events keep fresh (the window polls nothing). */
export const jobQueryKeys = { import: ['job', 'import'], export: ['job', 'export'] } as const;

/** What each pushed event means for the cached queries. */
export function applyAppEvent(client: QueryClient, event: AppEvent): void {
  switch (event.kind) {
    case 'menuCommand':
      emitAppCommand(event.command);
      return;
    case 'syncStatus':
      client.setQueryData(['sync', event.status.chatId], event.status);
      if (event.status.state !== 'running') void client.invalidateQueries({ queryKey: ['chats'] });
      return;
    case 'importStatus':
      client.setQueryData(jobQueryKeys.import, event.status);
      if (event.status.state === 'done') void client.invalidateQueries({ queryKey: ['chats'] });
      return;
    case 'exportStatus':
      client.setQueryData(jobQueryKeys.export, event.status);
      return;
    case 'chatChanged':
      void client.invalidateQueries({ queryKey: ['chats'] });
      void client.invalidateQueries({ queryKey: ['coverage', event.chatId] });
      return;
    case 'chatsListed':
      void client.invalidateQueries({ queryKey: ['chats'] });
      void client.invalidateQueries({ queryKey: ['sources'] });
      return;
  }
}

/** Subscribes the window to main's pushed events, for as long as the app is mounted. */
export function useAppEvents(): void {
  const client = useQueryClient();
  useEffect(() => window.scrollback.onAppEvent((event) => applyAppEvent(client, event)), [client]);
}
