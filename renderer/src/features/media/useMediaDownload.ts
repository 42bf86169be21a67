import { useCallback, useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { MediaDownloadStatus } from '../../../../shared/ipc/events.ts';
import { ScrollbackError } from '../../../../shared/errors.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { translate } from '../../i18n/translate.ts';

export interface MediaDownload {
  /** Pushed progress (or the end) of this file's download; null before any. */
  status: MediaDownloadStatus | null;
  /** The whole file is on this computer (said by the page, or by a finished download). */
  onComputer: boolean;
  start(): Promise<boolean>;
  cancel(): void;
}

/**
 * A message's whole-file download: started on demand (play, open, Download), progress pushed by main into
 * the query cache, cancelled by aborting the call (which stops the fetch in main).
 */
export function useMediaDownload(chatId: number, messageId: string, onComputerAtLoad: boolean): MediaDownload {
  const client = useQueryClient();
  const { data: status = null } = useQuery<MediaDownloadStatus | null>({
    queryKey: queryKeys.media.download(chatId, messageId),
    queryFn: () => null,
    staleTime: Infinity,
    enabled: false,
    initialData: null,
  });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);
  const start = useCallback(async () => {
    if (controller.current) return false;
    const abort = new AbortController();
    controller.current = abort;
    try {
      const state = await scrollback.downloadMedia({ chatId, messageId }, { signal: abort.signal });
      return state.onComputer;
    } catch (error) {
      if (!(error instanceof ScrollbackError && error.code === 'CANCELLED')) {
        client.setQueryData<MediaDownloadStatus>(queryKeys.media.download(chatId, messageId), {
          chatId,
          messageId,
          state: 'failed',
          received: 0,
          total: null,
          detail: error instanceof Error ? error.message : translate('media.downloadFailed'),
        });
      }
      return false;
    } finally {
      controller.current = null;
    }
  }, [chatId, messageId, client]);
  const cancel = useCallback(() => controller.current?.abort(), []);
  return { status, onComputer: onComputerAtLoad || status?.state === 'done', start, cancel };
}
