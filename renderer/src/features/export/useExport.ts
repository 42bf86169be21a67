import { scrollback } from '../../bridge/scrollbackClient.ts';
import type { ExportRequest } from '../../../../shared/exporting.ts';
import { useBackgroundJob } from '../jobs/useBackgroundJob.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';

type ExportAction =
  { kind: 'start'; request: ExportRequest } | { kind: 'again'; exportId: number; mode: 'new' | 'merged' } | { kind: 'cancel' };

/** The export job in main: its status (pushed while it runs), starting, cancelling, showing the file. */
export function useExport() {
  const { status, act, actionError } = useBackgroundJob(
    queryKeys.jobs.export(),
    () => scrollback.getExportStatus(),
    (action: ExportAction) =>
      action.kind === 'start'
        ? scrollback.exportChat(action.request)
        : action.kind === 'again'
          ? scrollback.exportAgain({ exportId: action.exportId, mode: action.mode })
          : scrollback.cancelExport(),
  );
  return {
    status,
    start: (request: ExportRequest) => act({ kind: 'start', request }),
    cancel: () => act({ kind: 'cancel' }),
    again: (exportId: number, mode: 'new' | 'merged') => act({ kind: 'again', exportId, mode }),
    showInFolder: () => void scrollback.showExportedFile(),
    startError: actionError,
  };
}
