import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';

/** The chat's background download: its status (polled while it runs) and the actions on it. */
export function useChatSync(chatId: number) {
  const client = useQueryClient();
  const status = useQuery({
    queryKey: ['sync', chatId],
    queryFn: () => scrollback.getSyncStatus({ chatId }),
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 500 : false),
    gcTime: 0,
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
    onSuccess: (next) => client.setQueryData(['sync', chatId], next),
  });
  // The chat list's counts follow the download (at most every 2 s while it runs, and when it ends).
  const state = status.data?.state;
  const cached = status.data?.cached;
  useEffect(() => {
    if (state === undefined) return;
    const timer = setTimeout(() => void client.invalidateQueries({ queryKey: ['chats'] }), state === 'running' ? 2000 : 0);
    return () => clearTimeout(timer);
  }, [state, cached === undefined ? 0 : Math.floor(cached / 5000), client]);

  return {
    status: status.data,
    start: (from: number | null = null, to: number | null = null) => act.mutate({ kind: 'start', from, to }),
    pause: () => act.mutate({ kind: 'pause' }),
    resume: () => act.mutate({ kind: 'resume' }),
    cancel: () => act.mutate({ kind: 'cancel' }),
  };
}
