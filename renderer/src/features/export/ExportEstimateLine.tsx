import { useQuery } from '@tanstack/react-query';
import type { ExportEstimate, ExportRequest } from '../../../../shared/exporting.ts';
import { scrollback } from '../../bridge/scrollbackClient.ts';
import { queryKeys } from '../../bridge/queryKeys.ts';
import type { ExportRange } from './useExportRequest.ts';
import { translate, useT } from '../../i18n/translate.ts';
import { formatApproxDuration, formatBytes } from '../../format/formatDates.ts';

const formatSize = (bytes: number) => formatBytes(Math.max(1024, bytes));

function describeDownload(missing: number | null, seconds: number | null): string {
  if (missing === null || seconds === null) return translate('export.estimate.downloadUnknown');
  return translate('export.estimate.download', { count: missing, time: formatApproxDuration(seconds) });
}

function describeEstimate(estimate: ExportEstimate, range: ExportRange): string {
  const parts = [
    translate('export.estimate.count', {
      range: range === 'selected' || range === 'search' ? range : 'other',
      count: estimate.messages,
      size: formatSize(estimate.approxBytes),
    }),
  ];
  if (estimate.mediaBytes > 0) parts.push(translate('export.estimate.media', { size: formatSize(estimate.mediaBytes) }));
  if (estimate.needsDownload) parts.push(describeDownload(estimate.missingMessages, estimate.approxDownloadSeconds));
  return parts.join(' ');
}

/** How many messages, about how large (by the format's bytes per message), and whether a download comes first. */
export function ExportEstimateLine({ request, range, badDates }: { request: ExportRequest; range: ExportRange; badDates: boolean }) {
  const t = useT();
  const estimate = useQuery({
    queryKey: queryKeys.exports.estimate(request),
    queryFn: () => scrollback.estimateExport(request),
    enabled: !badDates,
  });
  return (
    <p className="export-estimate" data-testid="export-estimate">
      {badDates ? t('export.estimate.badDates') : estimate.data ? describeEstimate(estimate.data, range) : t('export.estimate.estimating')}
    </p>
  );
}
