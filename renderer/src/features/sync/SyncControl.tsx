import { useNow } from '../../ui/useNow.ts';
import { formatCount } from '../../format/formatDates.ts';
import { IconButton } from '../../app/IconButton.tsx';
import { useChatSync } from './useChatSync.ts';

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

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
  const { status } = useChatSync(chatId);
  const now = useNow(Boolean(status?.waitingUntil));
  if (!status) return null;
  switch (status.state) {
    case 'running':
    case 'paused':
      return (
        <span className="sync-progress" data-testid="sync-progress" data-state={status.state} role="status">
          {formatCount(status.cached)}
          {status.total !== null ? ` of ${formatCount(status.total)}` : ''} cached
          {status.reachedDate !== null ? `, back to ${dayFormat.format(status.reachedDate)}` : ''}
          {status.state === 'paused' ? ' · paused' : ''}
          {status.waitingUntil
            ? ` · ${status.waitingReason ? `${status.waitingReason} ` : ''}resuming in ${Math.max(0, Math.ceil((status.waitingUntil - now) / 1000))} s`
            : ''}
        </span>
      );
    case 'failed':
      return (
        <span className="sync-progress error" data-testid="sync-progress" data-state="failed" role="alert">
          Download stopped: {status.error?.message}
        </span>
      );
    case 'done':
      return (
        <span className="sync-progress" data-testid="sync-progress" data-state="done">
          {status.from === null && status.to === null ? 'All of this chat is on this computer' : 'That range is on this computer'}
        </span>
      );
    default:
      if (complete)
        return (
          <span className="sync-progress" data-testid="sync-progress" data-state="complete">
            All of this chat is on this computer
          </span>
        );
      if (unreachable !== null)
        return (
          <span className="sync-progress" data-testid="sync-progress" data-state="unreachable" title={unreachable}>
            Download unavailable: the source cannot be reached now
          </span>
        );
      return null;
  }
}

/** The download's buttons in the header's row: Download chat; Pause or Resume and Cancel while it runs; Retry. */
export function SyncActions({ chatId, complete, unreachable }: SyncProps) {
  const { status, start, pause, resume, cancel } = useChatSync(chatId);
  if (!status) return null;
  switch (status.state) {
    case 'running':
    case 'paused':
      return (
        <div className="sync-control">
          {status.state === 'running' ? (
            <IconButton icon="pause" label="Pause" onClick={pause} />
          ) : (
            <IconButton icon="resume" label="Resume" onClick={resume} />
          )}
          <IconButton icon="cancel" label="Cancel" onClick={cancel} />
        </div>
      );
    case 'failed':
      return (
        <div className="sync-control">
          <IconButton icon="refresh" label="Retry" onClick={resume} />
        </div>
      );
    case 'done':
      return null;
    default:
      if (complete || unreachable !== null) return null;
      return <IconButton className="sync-start" icon="download" label="Download chat" onClick={() => start()} data-testid="sync-start" />;
  }
}
