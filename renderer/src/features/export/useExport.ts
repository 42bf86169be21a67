import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import type { ExportRequest } from '../../../../shared/exporting.ts';

/** The export job in main: its status (polled while it runs), starting, cancelling, showing the file. */
export function useExport() {
  const client = useQueryClient();
  const status = useQuery({
    queryKey: ['export'],
    queryFn: () => scrollback.getExportStatus(),
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 300 : false),
  });
  const act = useMutation({
    mutationFn: (action: { kind: 'start'; request: ExportRequest } | { kind: 'again'; exportId: number; mode: 'new' | 'merged' } | { kind: 'cancel' }) =>
      action.kind === 'start'
        ? scrollback.exportChat(action.request)
        : action.kind === 'again'
          ? scrollback.exportAgain({ exportId: action.exportId, mode: action.mode })
          : scrollback.cancelExport(),
    onSuccess: (next) => client.setQueryData(['export'], next),
  });
  return {
    status: status.data,
    start: (request: ExportRequest) => act.mutate({ kind: 'start', request }),
    cancel: () => act.mutate({ kind: 'cancel' }),
    again: (exportId: number, mode: 'new' | 'merged') => act.mutate({ kind: 'again', exportId, mode }),
    showInFolder: () => void scrollback.showExportedFile(),
    startError: act.error,
  };
}
