import { formatCompactCount } from '../../format/formatDates.ts';
import { useT } from '../../i18n/translate.ts';

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
  const t = useT();
  const label = [
    t('history.latest.label'),
    newer !== null && newer.count > 0 ? t('history.latest.newer', { count: newer.count, more: newer.more ? 'yes' : 'no' }) : null,
    arrivedAway > 0 ? t('history.latest.arrived', { count: arrivedAway }) : null,
  ].filter((part) => part !== null);
  return (
    <button
      type="button"
      className="jump-latest"
      onClick={onClick}
      aria-label={label.join(', ')}
      title={[t('history.latest.title'), ...label.slice(1)].join(' · ')}
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
