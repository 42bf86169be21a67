import { useQuery } from '@tanstack/react-query';
import type { BackupStatus } from '../../../../shared/backup.ts';
import type { ChatSummary } from '../../../../shared/domain.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';

/** A backup was set going for the account at least once: before that, no chat is marked (nothing was asked). */
const everRan = (status: BackupStatus | undefined) =>
  Boolean(status && (status.state !== 'idle' || status.pass !== null || status.lastSummary !== null));

/**
 * How the chat list marks a chat of an account being backed up: not backed up yet (its whole history is not on
 * this computer through the backup), or excluded from it; null when backed up, or when the account has no backup.
 * One query per account, shared by every row (pushed `backupStatus` events keep it current, so rows never ask).
 */
export function useBackupMark(chat: Pick<ChatSummary, 'id' | 'sourceId' | 'sourceKind'>): 'notBackedUp' | 'excluded' | null {
  const backedUp = chat.sourceKind !== 'import';
  const status = useQuery({
    queryKey: queryKeys.backup.status(chat.sourceId),
    queryFn: ({ signal }) => scrollback.getBackupStatus({ sourceId: chat.sourceId }, { signal }),
    enabled: backedUp,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const chats = useQuery({
    queryKey: queryKeys.backup.chats(chat.sourceId),
    queryFn: ({ signal }) => scrollback.listBackupChats({ sourceId: chat.sourceId }, { signal }),
    enabled: backedUp && everRan(status.data),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!everRan(status.data)) return null;
  const row = chats.data?.find((candidate) => candidate.chatId === chat.id);
  if (!row) return null;
  if (row.excluded) return 'excluded';
  return row.backedUpAt === null ? 'notBackedUp' : null;
}
