import { useQuery } from '@tanstack/react-query';
import type { SourceRetry } from '../../../../shared/ipc/events.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { useNow } from '../../ui/useNow.ts';
import { useT } from '../../i18n/translate.ts';

/**
 * "Trying to reach WhatsApp (phone) — attempt 2 of 5, next in 4 s": shown the moment a source is being
 * retried (main pushes it), while what is cached stays on screen; gone once the source answers.
 */
export function SourceRetryNotice({ sourceId, sourceName }: { sourceId: string; sourceName: string }) {
  const t = useT();
  // Filled only by pushed events (useAppEvents); never fetched.
  const retry = useQuery<SourceRetry | null>({ queryKey: queryKeys.sourceRetry(sourceId), queryFn: () => null }).data ?? null;
  const now = useNow(retry !== null);
  if (!retry) return null;
  const seconds = Math.max(0, Math.ceil((retry.nextAt - now) / 1000));
  return (
    <div className="source-retry" role="status" data-testid="source-retry">
      {seconds > 0
        ? t('history.retry.next', { source: sourceName, attempt: retry.attempt, of: retry.of, seconds })
        : t('history.retry.now', { source: sourceName, attempt: retry.attempt, of: retry.of })}{' '}
      <span className="error-code">({retry.problem})</span>
    </div>
  );
}
