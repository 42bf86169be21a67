import { useEffect, useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';

/** The import job in main: its status (polled while it runs) and starting or cancelling it. */
export function useImport() {
  const client = useQueryClient();
  const status = useQuery({
    queryKey: ['import'],
    queryFn: () => scrollback.getImportStatus(),
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 300 : false),
  });
  const act = useMutation({
    mutationFn: (action: { kind: 'start'; paths: string[] | null } | { kind: 'cancel' }) =>
      action.kind === 'start' ? scrollback.importFiles({ paths: action.paths }) : scrollback.cancelImport(),
    onSuccess: (next) => client.setQueryData(['import'], next),
  });
  // New chats appear in the list when an import ends.
  const state = status.data?.state;
  const previous = useRef(state);
  useEffect(() => {
    if (previous.current === 'running' && state !== 'running') void client.invalidateQueries({ queryKey: ['chats'] });
    previous.current = state;
  }, [state, client]);
  return {
    status: status.data,
    start: (paths: string[] | null = null) => act.mutate({ kind: 'start', paths }),
    cancel: () => act.mutate({ kind: 'cancel' }),
    startError: act.error,
  };
}
