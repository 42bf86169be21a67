import { useQuery } from '@tanstack/react-query';
import type { ExportEstimate, ExportRequest } from '../../../../shared/exporting.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import type { ExportRange } from './useExportRequest.ts';

function formatSize(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
}

function describeDownload(missing: number | null, seconds: number | null): string {
  if (missing === null || seconds === null)
    return 'Part of the range is not downloaded yet: it is fetched first, at the source’s pace (rate limits can add waits).';
  const time = seconds < 90 ? `${seconds} s` : seconds < 5400 ? `${Math.round(seconds / 60)} min` : `${(seconds / 3600).toFixed(1)} h`;
  return `${missing.toLocaleString()} messages are fetched first, about ${time} at the source’s pace (rate limits can add waits).`;
}

function describeEstimate(estimate: ExportEstimate, range: ExportRange): string {
  const media = estimate.mediaBytes > 0 ? ` (${formatSize(estimate.mediaBytes)} of it media on this computer)` : '';
  const download = estimate.needsDownload ? ` ${describeDownload(estimate.missingMessages, estimate.approxDownloadSeconds)}` : '';
  return `${estimate.messages.toLocaleString()} cached messages${range === 'selected' ? ' selected' : ' in range'}, about ${formatSize(
    estimate.approxBytes,
  )}${media}${range === 'search' ? ' before the search filter' : ''}.${download}`;
}

/** How many messages, about how large (by the format's bytes per message), and whether a download comes first. */
export function ExportEstimateLine({ request, range, badDates }: { request: ExportRequest; range: ExportRange; badDates: boolean }) {
  const estimate = useQuery({
    queryKey: queryKeys.exports.estimate(request),
    queryFn: () => scrollback.estimateExport(request),
    enabled: !badDates,
  });
  return (
    <p className="export-estimate" data-testid="export-estimate">
      {badDates ? 'Enter valid days.' : estimate.data ? describeEstimate(estimate.data, range) : 'Estimating…'}
    </p>
  );
}
