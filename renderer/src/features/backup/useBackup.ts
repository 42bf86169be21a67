import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BackupSettings, BackupStatus } from '../../../../shared/backup.ts';
import { newerRevision } from '../../../../shared/newerRevision.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';

/** The actions of the Backup view, each answered with the account's new status. */
export type BackupAction = 'start' | 'pause' | 'resume' | 'cancel';

/**
 * One account's backup for the window: its status (kept current by pushed `backupStatus` events), its chats, the
 * actions and the settings. An answer that crossed a newer pushed status does not replace it.
 */
export function useBackup(sourceId: string) {
  const client = useQueryClient();
  const status = useQuery({
    queryKey: queryKeys.backup.status(sourceId),
    queryFn: ({ signal }) => scrollback.getBackupStatus({ sourceId }, { signal }),
    retry: false,
    // Read afresh when the view opens; while it is open, pushed events keep it current.
    staleTime: 0,
  });
  const chats = useQuery({
    queryKey: queryKeys.backup.chats(sourceId),
    queryFn: ({ signal }) => scrollback.listBackupChats({ sourceId }, { signal }),
    retry: false,
    staleTime: 0,
  });
  const keep = (next: BackupStatus) => {
    client.setQueryData<BackupStatus>(queryKeys.backup.status(sourceId), (held) => newerRevision(held, next));
    void client.invalidateQueries({ queryKey: queryKeys.backup.chats(sourceId) });
  };
  const act = useMutation({
    mutationFn: (action: BackupAction) => {
      switch (action) {
        case 'start':
          return scrollback.startBackup({ sourceId });
        case 'pause':
          return scrollback.pauseBackup({ sourceId });
        case 'resume':
          return scrollback.resumeBackup({ sourceId });
        case 'cancel':
          return scrollback.cancelBackup({ sourceId });
      }
    },
    onSuccess: keep,
  });
  const saveSettings = useMutation({
    mutationFn: (settings: BackupSettings) => scrollback.setBackupSettings({ sourceId, settings }),
    onSuccess: (next) => {
      keep(next);
      void client.invalidateQueries({ queryKey: queryKeys.chats() });
    },
  });
  return { status, chats, act, saveSettings };
}
