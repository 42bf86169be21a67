import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import type { SyncStatus } from '../../../../shared/sync.ts';
import { newerRevision } from '../../../../shared/newerRevision.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';

/** The chat's background download: its status (pushed by main as it changes) and the actions on it. */
export function useChatSync(chatId: number) {
  const client = useQueryClient();
  const status = useQuery({
    queryKey: queryKeys.sync(chatId),
    queryFn: () => scrollback.getSyncStatus({ chatId }),
  });
  const act = useMutation({
    mutationFn: (action: { kind: 'start'; from: number | null; to: number | null } | { kind: 'pause' | 'resume' | 'cancel' }) => {
      switch (action.kind) {
        case 'start':
          return scrollback.startSync({ chatId, from: action.from, to: action.to });
        case 'pause':
          return scrollback.pauseSync({ chatId });
        case 'resume':
          return scrollback.resumeSync({ chatId });
        case 'cancel':
          return scrollback.cancelSync({ chatId });
      }
    },
    // A pushed status may have crossed this answer: keep whichever is newer.
    onSuccess: (next) => client.setQueryData<SyncStatus>(queryKeys.sync(chatId), (current) => newerRevision(current, next)),
  });
  return {
    status: status.data,
    start: (from: number | null = null, to: number | null = null) => act.mutate({ kind: 'start', from, to }),
    pause: () => act.mutate({ kind: 'pause' }),
    resume: () => act.mutate({ kind: 'resume' }),
    cancel: () => act.mutate({ kind: 'cancel' }),
  };
}
