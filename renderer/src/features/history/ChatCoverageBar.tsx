import { useQuery } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { describeSpan } from '../search/searchDates.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import { useT } from '../../i18n/translate.ts';

/**
 * The chat header's one coverage indicator: which parts of the chat's history are on this computer (cached
 * runs filled, gaps empty, earlier history of unknown length hatched), with a legend naming exactly the marks
 * the bar draws. When the chat is whole (`complete`, the same flag the facts line uses) it is drawn full and
 * says so, so the picture and the words cannot disagree. Refreshed when main says the chat changed (pages
 * stored, as a download runs), never polled.
 */
export function ChatCoverageBar({
  chatId,
  lastMessageDate,
  complete,
  onDownloadRange,
}: {
  chatId: number;
  lastMessageDate: number | null;
  complete: boolean;
  onDownloadRange(from: number | null, to: number): void;
}) {
  const t = useT();
  const coverage = useQuery({
    queryKey: queryKeys.coverage(chatId),
    queryFn: () => scrollback.getChatCoverage({ chatId }),
  });
  const ranges = coverage.data?.ranges ?? [];
  if (!coverage.data) return null;
  if (ranges.length === 0 && !complete)
    return (
      <div className="coverage" data-testid="coverage">
        <div className="coverage-bar empty" data-testid="coverage-bar" role="img" aria-label={t('coverage.nothing')} />
        <div className="coverage-legend" aria-hidden="true">
          <span className="coverage-key missing" /> {t('coverage.key.nothing')}
        </div>
      </div>
    );
  if (complete || ranges.length === 0)
    return (
      <div className="coverage" data-testid="coverage">
        <div className="coverage-bar" data-testid="coverage-bar" data-oldest-reached="true" role="img" aria-label={t('coverage.all')}>
          <span className="coverage-run" style={{ left: 0, width: '100%' }} />
        </div>
        <div className="coverage-legend" aria-hidden="true">
          <span className="coverage-key here" /> {t('coverage.key.all')}
        </div>
      </div>
    );
  // The bar spans the chat's real lifetime where it is known (the source said when its first message was
  // sent, or the beginning is cached); otherwise a hatched stretch stands for earlier history of unknown length.
  const firstMessageDate = coverage.data.firstMessageDate;
  const start = Math.min(firstMessageDate ?? ranges[0]!.from, ranges[0]!.from);
  const end = Math.max(lastMessageDate ?? 0, ranges[ranges.length - 1]!.to);
  const unknownShare = coverage.data.oldestReached || firstMessageDate !== null ? 0 : 0.08;
  const span = Math.max(1, end - start);
  const position = (date: number) => unknownShare + (1 - unknownShare) * ((date - start) / span);
  const cachedSummary = ranges.map((range) => describeSpan(range.from, range.to)).join(', ');
  // Empty stretches between runs, before the first (when the beginning is not cached) or after the last.
  const hasGaps =
    ranges.length > 1 || (!coverage.data.oldestReached && unknownShare === 0 && ranges[0]!.from > start) || ranges.at(-1)!.to < end;
  // Clicking a gap downloads that stretch: from the run before it (or the beginning) to the run after it.
  const onClick = (event: React.MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = (event.clientX - box.left) / box.width;
    if (x < unknownShare) return onDownloadRange(null, start);
    const date = start + ((x - unknownShare) / (1 - unknownShare)) * span;
    if (ranges.some((range) => range.from <= date && date <= range.to)) return;
    const before = [...ranges].reverse().find((range) => range.to < date);
    const after = ranges.find((range) => range.from > date);
    onDownloadRange(before ? before.to : null, after ? after.from : end);
  };
  return (
    <div className="coverage" data-testid="coverage">
      <div
        onClick={onClick}
        className="coverage-bar"
        data-testid="coverage-bar"
        data-oldest-reached={coverage.data.oldestReached}
        data-lifetime-from={start}
        data-lifetime-to={end}
        role="img"
        aria-label={`${t('coverage.label', { spans: cachedSummary })} ${coverage.data.oldestReached ? t('coverage.beginningHere') : t('coverage.olderMissing')}`}
        title={t('coverage.title', { spans: cachedSummary, fromBeginning: coverage.data.oldestReached ? 'yes' : 'no' })}
      >
        {unknownShare > 0 && <span className="coverage-unknown" style={{ left: 0, width: `${unknownShare * 100}%` }} />}
        {ranges.map((range) => (
          <span
            key={range.from}
            className="coverage-run"
            data-from={range.from}
            data-to={range.to}
            // Exactly its share of the lifetime; CSS keeps at least one pixel so a short run stays visible.
            style={{ left: `${position(range.from) * 100}%`, width: `${(position(range.to) - position(range.from)) * 100}%` }}
          />
        ))}
      </div>
      <div className="coverage-legend" aria-hidden="true">
        <span className="coverage-key here" /> {t('coverage.key.here')}
        {hasGaps && (
          <>
            {' '}
            <span className="coverage-key missing" /> {t('coverage.key.missing')}
          </>
        )}
        {unknownShare > 0 && (
          <>
            {' '}
            <span className="coverage-key unknown" /> {t('coverage.key.unknown')}
          </>
        )}
      </div>
    </div>
  );
}
