import { formatCompactCount, formatCount } from '../../format/formatDates.ts';

/** ↓ to the latest message, with how many arrived since scrolling up, else how many newer are on this computer. */
export function JumpToLatestButton({
  arrivedAway,
  newer,
  onClick,
}: {
  arrivedAway: number;
  newer: { count: number; more: boolean } | null;
  onClick(): void;
}) {
  const newerWords = newer === null ? null : `${formatCount(newer.count)}${newer.more ? '+' : ''}`;
  return (
    <button
      type="button"
      className="jump-latest"
      onClick={onClick}
      aria-label={`Jump to latest message${newerWords ? `: ${newerWords} newer on this computer` : ''}${arrivedAway > 0 ? `, ${arrivedAway} new since you scrolled up` : ''}`}
      title={`Jump to latest (Ctrl+End)${newerWords ? ` · ${newerWords} newer messages on this computer` : ''}`}
      data-testid="jump-latest"
    >
      ↓
      {arrivedAway > 0 ? (
        <span className="jump-latest-count" data-testid="arrived-count">
          {arrivedAway > 999 ? '999+' : arrivedAway}
        </span>
      ) : (
        newer !== null &&
        newer.count > 0 && (
          <span className="jump-latest-count newer" data-testid="newer-count">
            {formatCompactCount(newer.count)}
            {newer.more ? '+' : ''}
          </span>
        )
      )}
    </button>
  );
}
