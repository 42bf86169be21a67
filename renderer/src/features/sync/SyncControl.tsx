import { useNow } from '../../ui/useNow.ts';
import { formatCount } from '../../format/formatDates.ts';
import { useChatSync } from './useChatSync.ts';

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "Download this chat" with its progress, pause, resume and cancel; a countdown while a rate limit holds it. */
/**
 * `complete`: the chat is whole on this computer already (its first message to its newest): nothing to download.
 * `unreachable`: why the source cannot be reached now (the window is showing the cache), or null.
 */
export function SyncControl({ chatId, complete, unreachable }: { chatId: number; complete: boolean; unreachable: string | null }) {
  const { status, start, pause, resume, cancel } = useChatSync(chatId);
  const now = useNow(Boolean(status?.waitingUntil));
  if (!status) return null;
  const share = status.total ? Math.min(1, status.cached / status.total) : null;
  const progress = (
    <span className="sync-progress" data-testid="sync-progress" data-state={status.state}>
      {share !== null && <progress max={1} value={share} aria-label="Downloaded" />}
      <span>
        {formatCount(status.cached)}
        {status.total !== null ? ` of ${formatCount(status.total)}` : ''} cached
        {status.reachedDate !== null ? `, back to ${dayFormat.format(status.reachedDate)}` : ''}
        {status.waitingUntil
          ? ` · ${status.waitingReason ? `${status.waitingReason} ` : ''}resuming in ${Math.max(0, Math.ceil((status.waitingUntil - now) / 1000))} s`
          : ''}
      </span>
    </span>
  );
  switch (status.state) {
    case 'running':
    case 'paused':
      return (
        <div className="sync-control">
          {progress}
          {status.state === 'running' ? (
            <button type="button" onClick={pause}>
              Pause
            </button>
          ) : (
            <button type="button" onClick={resume}>
              Resume
            </button>
          )}
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      );
    case 'failed':
      return (
        <div className="sync-control error" role="alert">
          <span>Download stopped: {status.error?.message}</span>
          <button type="button" onClick={resume}>
            Retry
          </button>
        </div>
      );
    case 'done':
      return (
        <div className="sync-control" data-testid="sync-progress" data-state="done">
          {status.from === null && status.to === null ? 'All of this chat is on this computer' : 'That range is on this computer'}
        </div>
      );
    default:
      if (complete)
        return (
          <div className="sync-control" data-testid="sync-progress" data-state="complete">
            All of this chat is on this computer
          </div>
        );
      if (unreachable !== null)
        return (
          <div className="sync-control" data-testid="sync-progress" data-state="unreachable" title={unreachable}>
            Download unavailable: the source cannot be reached now
          </div>
        );
      return (
        <button
          type="button"
          className="sync-start"
          onClick={() => start()}
          data-testid="sync-start"
          title="Download the whole chat, for offline browsing and fully local search"
        >
          Download chat
        </button>
      );
  }
}
