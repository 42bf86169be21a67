import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { useBackgroundJob } from '../jobs/useBackgroundJob.ts';

/** The import job in main: its status (polled while it runs) and starting or cancelling it. */
export function useImport() {
  const client = useQueryClient();
  const { status, act, actionError } = useBackgroundJob(
    'import',
    () => scrollback.getImportStatus(),
    (action: { kind: 'start'; paths: string[] | null } | { kind: 'cancel' }) =>
      action.kind === 'start' ? scrollback.importFiles({ paths: action.paths }) : scrollback.cancelImport(),
  );
  // New chats appear in the list when an import ends.
  const state = status?.state;
  const previous = useRef(state);
  useEffect(() => {
    if (previous.current === 'running' && state !== 'running') void client.invalidateQueries({ queryKey: ['chats'] });
    previous.current = state;
  }, [state, client]);
  return {
    status,
    start: (paths: string[] | null = null) => act({ kind: 'start', paths }),
    cancel: () => act({ kind: 'cancel' }),
    startError: actionError,
  };
}
