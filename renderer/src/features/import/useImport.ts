import { scrollback } from '../../bridge/scrollbackClient.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { useBackgroundJob } from '../jobs/useBackgroundJob.ts';
import { chosenWhatsAppTimeZone } from './whatsAppTimeZone.ts';

/** The import job in main: its status (pushed while it runs) and starting or cancelling it. */
export function useImport() {
  const { status, act, actionError } = useBackgroundJob(
    queryKeys.jobs.import(),
    () => scrollback.getImportStatus(),
    (action: { kind: 'start'; paths: string[] | null } | { kind: 'cancel' }) =>
      action.kind === 'start'
        ? scrollback.importFiles({ paths: action.paths, whatsAppTimeZone: chosenWhatsAppTimeZone() })
        : scrollback.cancelImport(),
  );
  return {
    status,
    start: (paths: string[] | null = null) => act({ kind: 'start', paths }),
    cancel: () => act({ kind: 'cancel' }),
    startError: actionError,
  };
}
