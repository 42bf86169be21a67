import { useNow } from '../../ui/useNow.ts';
import { formatDay } from '../../format/formatDates.ts';
import { IconButton } from '../../app/IconButton.tsx';
import { useChatSync } from './useChatSync.ts';
import { useT } from '../../i18n/translate.ts';

interface SyncProps {
  chatId: number;
  /** The chat is whole on this computer already (its first message to its newest): nothing to download. */
  complete: boolean;
  /** Why the source cannot be reached now (the window is showing the cache), or null. */
  unreachable: string | null;
}

/**
 * The download's part of the header's facts line: its progress in words while it runs (the coverage indicator
 * beside it is the picture: no second bar), a countdown while a rate limit holds it, or what is on this computer.
 */
export function SyncFacts({ chatId, complete, unreachable }: SyncProps) {
  const t = useT();
  const { status } = useChatSync(chatId);
  const now = useNow(Boolean(status?.waitingUntil));
  if (!status) return null;
  switch (status.state) {
    case 'running':
    case 'paused':
      return (
        <span className="sync-progress" data-testid="sync-progress" data-state={status.state} role="status">
          {t('sync.progress', {
            cached: status.cached,
            hasTotal: status.total !== null ? 'yes' : 'no',
            total: status.total ?? 0,
            hasDate: status.reachedDate !== null ? 'yes' : 'no',
            date: status.reachedDate !== null ? formatDay(status.reachedDate) : '',
          })}
          {status.state === 'paused' ? ` · ${t('sync.paused')}` : ''}
          {status.waitingUntil
            ? ` · ${t('sync.waiting', {
                reason: status.waitingReason ? `${status.waitingReason} ` : '',
                seconds: Math.max(0, Math.ceil((status.waitingUntil - now) / 1000)),
              })}`
            : ''}
        </span>
      );
    case 'failed':
      return (
        <span className="sync-progress error" data-testid="sync-progress" data-state="failed" role="alert">
          {t('sync.failed', { reason: status.error?.message ?? t('common.unknownError') })}
        </span>
      );
    case 'done':
      return (
        <span className="sync-progress" data-testid="sync-progress" data-state="done">
          {status.from === null && status.to === null ? t('sync.allHere') : t('sync.rangeHere')}
        </span>
      );
    default:
      if (complete)
        return (
          <span className="sync-progress" data-testid="sync-progress" data-state="complete">
            {t('sync.allHere')}
          </span>
        );
      if (unreachable !== null)
        return (
          <span className="sync-progress" data-testid="sync-progress" data-state="unreachable" title={unreachable}>
            {t('sync.unreachable')}
          </span>
        );
      return null;
  }
}

/** The download's buttons in the header's row: Download chat; Pause or Resume and Cancel while it runs; Retry. */
export function SyncActions({ chatId, complete, unreachable }: SyncProps) {
  const t = useT();
  const { status, start, pause, resume, cancel } = useChatSync(chatId);
  if (!status) return null;
  switch (status.state) {
    case 'running':
    case 'paused':
      return (
        <div className="sync-control">
          {status.state === 'running' ? (
            <IconButton icon="pause" label={t('sync.pause')} onClick={pause} />
          ) : (
            <IconButton icon="resume" label={t('sync.resume')} onClick={resume} />
          )}
          <IconButton icon="cancel" label={t('sync.cancel')} onClick={cancel} />
        </div>
      );
    case 'failed':
      return (
        <div className="sync-control">
          <IconButton icon="refresh" label={t('sync.retry')} onClick={resume} />
        </div>
      );
    case 'done':
      return null;
    default:
      if (complete || unreachable !== null) return null;
      return (
        <IconButton
          className="sync-start"
          icon="download"
          label={t('sync.start')}
          tooltip={t('sync.start.explanation')}
          onClick={() => start()}
          data-testid="sync-start"
        />
      );
  }
}
