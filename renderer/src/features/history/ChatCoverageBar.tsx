import { useQuery } from '@tanstack/react-query';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { describeSpan } from '../search/searchDates.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';

/**
 * Which parts of the chat's history are on this computer: cached runs filled, gaps hatched, and whether the
 * beginning is known. Refreshed when main says the chat changed (pages stored), never polled.
 */
export function ChatCoverageBar({
  chatId,
  lastMessageDate,
  onDownloadRange,
}: {
  chatId: number;
  lastMessageDate: number | null;
  onDownloadRange(from: number | null, to: number): void;
}) {
  const coverage = useQuery({
    queryKey: queryKeys.coverage(chatId),
    queryFn: () => scrollback.getChatCoverage({ chatId }),
  });
  const ranges = coverage.data?.ranges ?? [];
  if (ranges.length === 0)
    return <div className="coverage-bar empty" data-testid="coverage-bar" title="Nothing of this chat is cached yet." />;
  // The bar spans the chat's real lifetime where it is known (the source said when its first message was
  // sent, or the beginning is cached); otherwise a hatched stretch stands for earlier history of unknown length.
  const firstMessageDate = coverage.data!.firstMessageDate;
  const start = Math.min(firstMessageDate ?? ranges[0]!.from, ranges[0]!.from);
  const end = Math.max(lastMessageDate ?? 0, ranges[ranges.length - 1]!.to);
  const unknownShare = coverage.data!.oldestReached || firstMessageDate !== null ? 0 : 0.08;
  const span = Math.max(1, end - start);
  const position = (date: number) => unknownShare + (1 - unknownShare) * ((date - start) / span);
  const cachedSummary = ranges.map((range) => describeSpan(range.from, range.to)).join(', ');
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
    <div
      onClick={onClick}
      className="coverage-bar"
      data-testid="coverage-bar"
      data-oldest-reached={coverage.data!.oldestReached}
      data-lifetime-from={start}
      data-lifetime-to={end}
      role="img"
      aria-label={`Cached: ${cachedSummary}. ${coverage.data!.oldestReached ? 'The beginning of the chat is cached.' : 'Older history is not loaded yet.'}`}
      title={`On this computer: ${cachedSummary}${coverage.data!.oldestReached ? ' (from the beginning)' : '; earlier history not loaded yet'}. Click a gap to download it.`}
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
  );
}
