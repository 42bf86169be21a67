import type { QueryClient } from '@tanstack/react-query';
import type { BackupStatus } from '../../../../shared/backup.ts';
import { newerRevision } from '../../../../shared/newerRevision.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';

/** The chat rows of a backup are read again at most this often while its status is pushed (each change). */
const CHATS_REREAD_MS = 500;
const lastReread = new Map<string, number>();
const pendingReread = new Map<string, ReturnType<typeof setTimeout>>();

/**
 * A pushed backup status: kept when it is newer than what the window holds, and the account's chat rows read
 * again (at most twice a second, the last change always) when it is.
 */
export function applyBackupStatus(client: QueryClient, status: BackupStatus): void {
  const key = queryKeys.backup.status(status.sourceId);
  const held = client.getQueryData<BackupStatus>(key);
  const kept = newerRevision(held, status);
  if (kept === held) return;
  client.setQueryData(key, kept);
  if (pendingReread.has(status.sourceId)) return;
  const reread = () => {
    pendingReread.delete(status.sourceId);
    lastReread.set(status.sourceId, Date.now());
    void client.invalidateQueries({ queryKey: queryKeys.backup.chats(status.sourceId) });
    // The chat list marks chats not backed up: a chat finished or failed changes its mark.
    void client.invalidateQueries({ queryKey: queryKeys.chats() });
  };
  const wait = (lastReread.get(status.sourceId) ?? 0) + CHATS_REREAD_MS - Date.now();
  if (wait <= 0) reread();
  else pendingReread.set(status.sourceId, setTimeout(reread, wait));
}
